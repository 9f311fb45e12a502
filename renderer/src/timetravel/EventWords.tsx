/** The event just processed, in words: what it was, where, and which rules fired. */
import type { SeekView } from '../../../engine/index.ts';
import { count } from '../live/format.ts';
import { CATEGORY_WORDS } from './StepControls.tsx';

/** Virtual time with microseconds, `20.000 450 s`. */
export function preciseTime(tUs: number): string {
  const s = Math.floor(tUs / 1_000_000);
  const us = String(Math.round(tUs % 1_000_000)).padStart(6, '0');
  return `${s}.${us.slice(0, 3)} ${us.slice(3)} s`;
}

/** The description of `view`'s event (or of the start, before any event). */
export function EventWords({ view }: { view: SeekView }) {
  const e = view.event;
  return (
    <section className="tt-event" aria-label="Event" aria-live="polite">
      {e ? (
        <>
          <div className="tt-event-head">
            <span className={`tt-cat tt-cat-${e.category}`}>{CATEGORY_WORDS[e.category]}</span>
            <span className="mono">
              event {count(e.n)} · {preciseTime(e.tUs)} · {e.kind} at {e.node}
            </span>
            {e.rules.map((r) => (
              <span key={r} className="badge" title="The model's rule that fired">
                rule {r}
              </span>
            ))}
          </div>
          <p className="tt-event-text">{e.text}</p>
        </>
      ) : (
        <p className="tt-event-text">The start of the run: no event has happened yet. Press Step to see the first one.</p>
      )}
      {view.note && <p className="tt-note">{view.note[0]!.toUpperCase() + view.note.slice(1)}.</p>}
    </section>
  );
}
