import type { ReactNode } from 'react';
import { CheckPart } from './CheckPart.js';
import { useCheckParts, type PartSource } from './use-check.js';

export interface ListPartProps<T> {
  id: string;
  title: string;
  /** The lists shown in this part, one after the other (the neglect part has three). */
  sources: readonly PartSource<T>[];
  /** Draws one item of the `index`-th list. */
  render: (item: T, index: number) => { key: string; node: ReactNode };
  goalId: string | null;
  open: boolean;
  onToggle: (open: boolean) => void;
  intro?: ReactNode;
  empty?: ReactNode;
}

/**
 * A part of the check whose lists may be long: closed, it shows the summary's first
 * items and the count; opened, it reads each list's first page from the API, and a
 * page more of each at every press of "Show more".
 */
export function ListPart<T>({ id, title, sources, render, goalId, open, onToggle, intro, empty }: ListPartProps<T>) {
  const { lists, loading, error, hasMore, more } = useCheckParts(sources, goalId, open);
  const items = lists.flatMap((list, index) => list.map((item) => render(item, index)));
  const total = sources.reduce((sum, s) => sum + s.total, 0);
  return (
    <CheckPart
      id={id}
      title={title}
      count={total}
      items={items}
      more={total - Math.min(items.length, 3)}
      open={open}
      onToggle={onToggle}
      intro={
        <>
          {intro}
          {error && <p role="alert">{error}</p>}
        </>
      }
      footer={
        loading ? (
          <p className="why">Reading more…</p>
        ) : (
          hasMore && (
            <button type="button" className="link more-items no-print" onClick={more}>
              Show more ({items.length} of {total} shown)
            </button>
          )
        )
      }
      empty={empty}
    />
  );
}
