/** Faults in words and as time spans, for the fault table and the marks on every time chart. */
import type { Fault, FaultLogEntry } from '../../../engine/index.ts';
import { dur } from './format.ts';

/** A fault as a chart marks it: a tag (`F1`), a start and, for faults that last, an end (ms). */
export interface FaultMark {
  tag: string;
  startMs: number;
  endMs: number;
}

/** The router or link a fault hits. */
export function faultTarget(f: Fault): string {
  switch (f.type) {
    case 'node-restart':
    case 'session-loss':
      return f.node;
    case 'scan':
      return f.target;
    default:
      return f.link;
  }
}

/** The fault's parameters in words, e.g. `down 5 s`, `all sessions`, `200 probes/s for 10 s`. */
export function faultDetails(f: Fault): string {
  switch (f.type) {
    case 'node-restart':
      return `down ${dur(f.downtimeMs)}, comes back with empty session tables`;
    case 'session-loss':
      return f.fraction >= 1 ? 'every session on the router is lost' : `${Math.round(f.fraction * 100)} % of its sessions are lost`;
    case 'link-down':
      return f.durationMs === null ? 'down until a link-up' : `down for ${dur(f.durationMs)}`;
    case 'link-up':
      return 'back up';
    case 'link-impair': {
      const parts = [
        f.lossPct !== undefined ? `loss ${f.lossPct} %` : '',
        f.latencyMs !== undefined ? `latency ${f.latencyMs} ms` : '',
        f.jitterMs !== undefined ? `jitter ${f.jitterMs} ms` : '',
        f.bandwidthMbps !== undefined ? `bandwidth ${f.bandwidthMbps} Mbit/s` : '',
      ];
      const what = parts.filter(Boolean).join(', ') || 'no change';
      return `${what} (${f.direction})${f.durationMs === null ? '' : ` for ${dur(f.durationMs)}`}`;
    }
    case 'link-flap':
      return `${f.count}× down ${dur(f.downMs)} / up ${dur(f.upMs)}`;
    case 'nat-rebind':
      return 'the NAT forgets its bindings';
    case 'scan':
      return `${f.ratePps} probes/s for ${dur(f.durationMs)}`;
  }
}

/** How long a fault lasts, ms (0 for an instant one; until `endMs` for one with no end). */
export function faultSpanMs(f: Fault, startMs: number, endMs: number): number {
  switch (f.type) {
    case 'node-restart':
      return f.downtimeMs;
    case 'link-down':
    case 'link-impair':
      return f.durationMs ?? endMs - startMs;
    case 'link-flap':
      return f.count * (f.downMs + f.upMs);
    case 'scan':
      return f.durationMs;
    default:
      return 0;
  }
}

/**
 * A fault log in time order. The engine logs live faults after the scheduled ones, so a fault
 * injected at 5 s comes after one scheduled at 20 s; tables and chart marks read by time.
 */
export function faultsInTimeOrder<T extends { atMs: number }>(log: readonly T[]): T[] {
  return log
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
    .map((x) => x.e);
}

/** Marks for a run's fault log, tagged F1, F2… in log order (pass it in time order). */
export function faultMarks(log: readonly FaultLogEntry[], endMs: number): FaultMark[] {
  return log.map((e, i) => ({ tag: `F${i + 1}`, startMs: e.atMs, endMs: Math.min(endMs, e.atMs + faultSpanMs(e.fault, e.atMs, endMs)) }));
}

/** Caption words for fault marks: lines always, shading only when some fault lasts. */
export function faultCaption(marks: readonly FaultMark[]): string {
  if (marks.length === 0) return '';
  const lasting = marks.some((m) => m.endMs > m.startMs);
  return ` Dashed red lines mark the faults (F1… as in the fault table)${lasting ? '; shading shows how long each lasts' : ''}.`;
}
