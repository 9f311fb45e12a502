/**
 * Step back / Step through the run one event at a time, and which kinds of events a step
 * stops at (every kind by default: then a step is exactly one event of the engine).
 */
import { EVENT_CATEGORIES, type EventCategory } from '../../../engine/index.ts';

/** Each category's name in the filter. */
export const CATEGORY_WORDS: Record<EventCategory, string> = {
  data: 'Data packets',
  control: 'Control packets',
  app: 'Applications',
  timer: 'Router timers',
  fault: 'Faults',
  sample: 'Chart samples',
};

/** Props of {@link StepControls}. */
export interface StepControlsProps {
  shown: ReadonlySet<EventCategory>;
  onShown(next: Set<EventCategory>): void;
  canBack: boolean;
  canForward: boolean;
  onStep(direction: 'forward' | 'back'): void;
}

/** The step buttons and the event kinds they stop at. */
export function StepControls({ shown, onShown, canBack, canForward, onStep }: StepControlsProps) {
  const toggle = (c: EventCategory, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(c);
    else next.delete(c);
    // At least one kind: a step through nothing would go nowhere.
    if (next.size > 0) onShown(next);
  };
  return (
    <div className="tt-steps">
      <span className="run-step">
        <button type="button" disabled={!canBack} onClick={() => onStep('back')} title="Back to the previous event of the kinds ticked">
          Step back
        </button>
        <button type="button" disabled={!canForward} onClick={() => onStep('forward')} title="On to the next event of the kinds ticked">
          Step
        </button>
      </span>
      <fieldset className="tt-kinds">
        <legend>Stop at</legend>
        {EVENT_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={shown.has(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {CATEGORY_WORDS[c]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
