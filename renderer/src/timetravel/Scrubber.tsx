/**
 * The run-time slider ("Run time"): drag or use the keys to go to any moment; the run's faults
 * sit on the track as markers that jump to just after the fault is applied.
 */
import type { KeyboardEvent } from 'react';
import type { ScenarioInput, SeekFault } from '../../../engine/index.ts';
import { describeFault } from '../design/fault-model.ts';
import { clock, count } from '../live/format.ts';

/** Arrow keys move this far (ms); with Shift ten times as far; Page keys a tenth of the run. */
const KEY_MS = 100;

/** Props of {@link Scrubber}. */
export interface ScrubberProps {
  tMs: number;
  endMs: number;
  events: number;
  doc: ScenarioInput;
  faults: readonly SeekFault[];
  onTime(tMs: number): void;
  onFault(index: number): void;
}

/** Words of a fault marker, e.g. "Fault 1 at 00:20.000: Session loss · hub1 (100 %)". */
export function faultLabel(doc: ScenarioInput, f: SeekFault, i: number): string {
  return `Fault ${i + 1} at ${clock(f.atMs)}: ${describeFault(doc, f.fault)}${f.source === 'live' ? ' (injected live)' : ''}`;
}

/** The slider with its fault markers. */
export function Scrubber({ tMs, endMs, events, doc, faults, onTime, onFault }: ScrubberProps) {
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const page = Math.max(KEY_MS, endMs / 10);
    const by: Record<string, number> = { ArrowRight: KEY_MS, ArrowUp: KEY_MS, ArrowLeft: -KEY_MS, ArrowDown: -KEY_MS, PageUp: page, PageDown: -page };
    let next: number | null = null;
    if (e.key in by) next = tMs + by[e.key]! * (e.shiftKey && e.key.startsWith('Arrow') ? 10 : 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = endMs;
    if (next === null) return;
    e.preventDefault();
    onTime(Math.min(endMs, Math.max(0, next)));
  };
  const at = (ms: number) => `${endMs > 0 ? (Math.min(endMs, Math.max(0, ms)) / endMs) * 100 : 0}%`;
  return (
    <div className="tt-scrubber">
      <input
        type="range"
        aria-label="Run time"
        min={0}
        max={endMs}
        step="any"
        value={Math.min(tMs, endMs)}
        aria-valuetext={`${clock(tMs)} of ${clock(endMs)}, after ${count(events)} events`}
        onChange={(e) => onTime(Number(e.target.value))}
        onKeyDown={onKey}
      />
      <div className="tt-marks" aria-label="Faults on the timeline" role="group">
        {faults.map((f, i) => (
          <button
            key={f.index}
            type="button"
            className={`tt-mark${f.source === 'live' ? ' live' : ''}`}
            style={{ left: at(f.atMs) }}
            aria-label={faultLabel(doc, f, i)}
            title={faultLabel(doc, f, i)}
            onClick={() => onFault(f.index)}
          >
            <span aria-hidden="true">▼</span>
          </button>
        ))}
      </div>
    </div>
  );
}
