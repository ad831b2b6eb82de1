import { Link } from 'react-router-dom';
import type { Schema } from '../api/shapes.js';

type Card = Schema<'CheckSummaryView'>['summary']['cards'][number];

/**
 * The few things to do now: the summary's sentences (the same as the command line's
 * first screen), each with its one action.
 */
export function SummaryCards({ cards, openSection }: { cards: readonly Card[]; openSection: (section: string) => void }) {
  if (cards.length === 0) return <p className="do-now-empty">Nothing pressing: your map is in good shape. The parts below say what could still grow.</p>;
  return (
    <ul className="do-now" aria-label="Do now">
      {cards.map((card, i) => (
        <li key={`${card.code}-${i}`} className={`do-card ${card.code}`} data-code={card.code}>
          <p>{card.text}</p>
          <CardAction card={card} openSection={openSection} />
        </li>
      ))}
    </ul>
  );
}

function CardAction({ card, openSection }: { card: Card; openSection: (section: string) => void }) {
  const t = card.target;
  switch (t.kind) {
    case 'person':
      return (
        <Link className="do-action" to={`/people/${t.id}`}>
          {card.action}
        </Link>
      );
    case 'network':
      return (
        <Link className="do-action" to={`/networks/${t.id}`}>
          {card.action}
        </Link>
      );
    case 'section':
      return (
        <a
          className="do-action"
          href={`#check-${t.section}`}
          onClick={(e) => {
            e.preventDefault();
            openSection(t.section);
          }}
        >
          {card.action}
        </a>
      );
    case 'start':
      return (
        <Link className="do-action" to={t.what === 'add-person' ? '/people?add=1' : t.what === 'add-goal' ? '/goals?add=1' : '/check'}>
          {card.action}
        </Link>
      );
  }
}
