import type { ReactNode } from 'react';

export interface CheckPartProps {
  /** The part's anchor: `check-<id>`, where a summary card's action leads. */
  id: string;
  title: string;
  /** How many items the part holds, in its heading. */
  count?: number;
  /** The items, drawn lazily: only the first `preview` until the part is opened. */
  items: readonly { key: string; node: ReactNode }[];
  preview?: number;
  /** How many more there are than the preview, when not all items are here yet (read when opened). */
  more?: number;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** What stands above the items (a sentence, a picture); always shown. */
  intro?: ReactNode;
  /** Shown when there are no items. */
  empty?: ReactNode;
  /** What stands below the items while the part is open (the next page's button). */
  footer?: ReactNode;
}

/**
 * One part of the check, collapsed to its first items with its count, opening in place.
 * Closed, it draws only the preview: on a big map a part can hold thousands of items.
 */
export function CheckPart({ id, title, count, items, preview = 3, more, open, onToggle, intro, empty, footer }: CheckPartProps) {
  const total = count ?? items.length;
  const shown = open ? items : items.slice(0, preview);
  const hidden = open ? 0 : (more ?? items.length - shown.length);
  const listId = `check-${id}-items`;
  return (
    <section className="card check-part" id={`check-${id}`} aria-labelledby={`check-${id}-title`} data-open={open}>
      <h2 id={`check-${id}-title`} tabIndex={-1}>
        {title} <span className="count">({total})</span>
      </h2>
      {intro}
      {items.length === 0 ? (
        empty
      ) : (
        <ul className="findings" id={listId}>
          {shown.map((item) => (
            <li key={item.key}>{item.node}</li>
          ))}
        </ul>
      )}
      {open && footer}
      {(open ? items.length > preview : hidden > 0) && (
        <button type="button" className="link more-toggle" aria-expanded={open} aria-controls={listId} onClick={() => onToggle(!open)}>
          {open ? 'Show the first few only' : `and ${hidden} more`}
        </button>
      )}
    </section>
  );
}
