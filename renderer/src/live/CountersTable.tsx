/**
 * Counters laid out like the router's `show stats`: one table per path prefix
 * (`packet-processing/action/success/metadata`, `…/failure/metadata`, `service-area/received`,
 * `emulator`), the last path segment as the metric, one right-aligned value column per router.
 * Used live (values flash briefly when they change) and for a stored run. A big lab shows the
 * total over its routers and a dozen of them (those selected on the canvas first): a thousand
 * columns nobody can read would also cost every snapshot a restyle of thirty thousand cells.
 */
import { useRef } from 'react';
import { COUNTER_PATHS, detailedRouters } from '../../../engine/index.ts';
import { count } from './format.ts';

/** A counter group: its prefix and its metrics (full paths) in model order. */
export interface CounterGroup {
  prefix: string;
  paths: string[];
}

function split(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return i < 0 ? ['', path] : [path.slice(0, i), path.slice(i + 1)];
}

/** Groups paths by prefix, model order first, then any path the model does not list. */
export function groupCounters(paths: Iterable<string>): CounterGroup[] {
  const present = new Set(paths);
  const ordered = [...COUNTER_PATHS.filter((p) => present.has(p)), ...[...present].filter((p) => !(COUNTER_PATHS as readonly string[]).includes(p)).sort()];
  const groups: CounterGroup[] = [];
  for (const p of ordered) {
    const [prefix] = split(p);
    let g = groups.find((x) => x.prefix === prefix);
    if (!g) groups.push((g = { prefix, paths: [] }));
    g.paths.push(p);
  }
  return groups;
}

/** Most router columns a table shows; past it, their total comes first. */
export const MAX_ROUTER_COLUMNS = 12;

/**
 * The routers a table shows: all of them up to {@link MAX_ROUTER_COLUMNS}, else that many,
 * those in `pinned` (the canvas's selection) first, then in the lab's order.
 */
export function shownRouters(routers: readonly string[], pinned: readonly string[] = []): string[] {
  if (routers.length <= MAX_ROUTER_COLUMNS) return [...routers];
  const known = new Set(routers);
  const out = new Set(pinned.filter((r) => known.has(r)).slice(0, MAX_ROUTER_COLUMNS));
  for (const r of routers) {
    if (out.size >= MAX_ROUTER_COLUMNS) break;
    out.add(r);
  }
  return [...out];
}

/** How long a changed value stays highlighted (ms); the CSS animation matches. */
const FLASH_MS = 1500;

interface Props {
  counters: Record<string, Record<string, number>>;
  /** When each value last changed (performance.now ms); omit for a stored run. */
  changedAt?: Record<string, Record<string, number>>;
  hideZeros: boolean;
  /** Routers to show first when there are too many to show all (the canvas's selection). */
  pinned?: readonly string[];
}

/** The counters of every router as `show stats` groups. */
export function CountersTable({ counters, changedAt, hideZeros, pinned }: Props) {
  // Only changes after this table appeared flash: opening the tab must not light up everything.
  const mountedAt = useRef(performance.now());
  const routers = Object.keys(counters);
  const paths = new Set<string>();
  for (const r of routers) for (const p of Object.keys(counters[r]!)) paths.add(p);
  const groups = groupCounters(paths)
    .map((g) => ({ ...g, paths: hideZeros ? g.paths.filter((p) => routers.some((r) => (counters[r]![p] ?? 0) !== 0)) : g.paths }))
    .filter((g) => g.paths.length > 0);
  if (routers.length === 0) return <p className="empty">No counters yet: they appear with the first snapshot of a run.</p>;
  if (groups.length === 0) return <p className="empty">Every counter is zero.</p>;
  const now = performance.now();
  // Live, columns stay put (the selection first, then the lab's order); a finished run's are the
  // routers where the most kinds of counters moved, as in its report and `srlab run`.
  const shown = pinned ? shownRouters(routers, pinned) : detailedRouters(counters, MAX_ROUTER_COLUMNS);
  const isCapped = shown.length < routers.length;
  const total = (p: string) => {
    let sum = 0;
    for (const r of routers) sum += counters[r]![p] ?? 0;
    return sum;
  };
  return (
    <div className="stats">
      {isCapped && (
        <p className="muted stats-note">
          {count(routers.length)} routers: their total, then{' '}
          {pinned ? `${shown.length} of them. Select a router on the canvas to see its column.` : `the ${shown.length} where the most kinds of counters moved.`}
        </p>
      )}
      {groups.map((g) => (
        <table key={g.prefix} className="stats-table">
          <caption>
            <span className="stats-cmd">show stats</span> {g.prefix.replaceAll('/', ' ')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {isCapped && (
                <th scope="col" className="num">
                  all {count(routers.length)}
                </th>
              )}
              {shown.map((r) => (
                <th key={r} scope="col" className="num">
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {g.paths.map((p) => (
              <tr key={p}>
                <th scope="row" title={p}>
                  {split(p)[1]}
                </th>
                {isCapped && (
                  <td className="num total">
                    <b>{count(total(p))}</b>
                  </td>
                )}
                {shown.map((r) => {
                  const v = counters[r]![p] ?? 0;
                  const at = changedAt?.[r]?.[p] ?? 0;
                  const isFresh = at > mountedAt.current && now - at < FLASH_MS;
                  // Keyed by value: a new value remounts the cell's text, restarting the flash.
                  return (
                    <td key={r} className={`num${v === 0 ? ' zero' : ''}`}>
                      <span key={isFresh ? `${v}@${at}` : 'still'} className={isFresh ? 'flash' : undefined}>
                        {count(v)}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
