/**
 * A small time axis over the run: each scheduled fault as a marker at its time, with a bar for
 * how long it lasts (to the end of the run when it lasts "until changed"). Markers are buttons
 * that open the fault; overlapping ones stack in lanes.
 */
import { describeFault, faultSpanMs, targetsRouter } from '../design/fault-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';

const LANE_H = 14;
const MAX_LANES = 4;

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The fault timeline. */
export function FaultTimeline() {
  const store = useLabStore();
  const duration = useLab((s) => Math.max(1, s.doc.durationMs));
  const selected = useLab((s) => s.selectedFault);
  // The whole document: descriptions name nodes, and the timeline is cheap to redraw.
  const doc = useLab((s) => s.doc);
  const items = (doc.faults ?? []).map((f, i) => ({ i, at: f.atMs, span: faultSpanMs(f), router: targetsRouter(f.type), text: describeFault(doc, f) }));
  // Greedy lanes in time order: a fault goes to the first lane whose last bar has ended.
  const laneEnds: number[] = [];
  const placed = [...items]
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((it) => {
      const end = it.at + Math.max(it.span ?? duration, duration * 0.02);
      let lane = laneEnds.findIndex((e) => e <= it.at);
      if (lane < 0) lane = laneEnds.length < MAX_LANES ? laneEnds.length : MAX_LANES - 1;
      laneEnds[lane] = end;
      return { ...it, lane };
    });
  const lanes = Math.max(1, laneEnds.length);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="fault-timeline" aria-label="Fault timeline">
      <div className="timeline-track" style={{ height: lanes * LANE_H + 6 }}>
        {placed.map((p) => {
          const left = (Math.min(p.at, duration) / duration) * 100;
          const width = p.span === null ? 100 - left : Math.min(100 - left, (p.span / duration) * 100);
          return (
            <button
              key={p.i}
              type="button"
              className={`timeline-mark ${p.router ? 'on-router' : 'on-link'}${p.i === selected ? ' current' : ''}${p.at > duration ? ' late' : ''}`}
              style={{ left: `${left}%`, top: p.lane * LANE_H + 3, width: `max(10px, ${width}%)` }}
              title={`${seconds(p.at)}: ${p.text}`}
              aria-label={`${seconds(p.at)}: ${p.text}`}
              onClick={() => store.getState().selectFault(p.i)}
            />
          );
        })}
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${t * 100}%` }}>
            {seconds(t * duration)}
          </span>
        ))}
      </div>
    </div>
  );
}
