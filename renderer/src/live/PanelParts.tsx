/**
 * What the live run's panels and the time-travel panels share: the tab frame, the Router
 * picker of a sessions table, the run's headline figures and the Counters tab. Tabs follow the
 * WAI-ARIA tabs pattern (arrow keys move between them); only the open tab's panel is mounted,
 * so hidden tabs cost nothing.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LiveSnapshot } from '../../../engine/index.ts';
import { CountersTable } from './CountersTable.tsx';
import { count } from './format.ts';
import { useLab } from '../store/context.tsx';

/** The frame: a tab bar (the tabs, then `bar`) over the open tab's panel; `above` sits over the bar. */
export function PanelTabs<T extends string>(p: {
  tabs: readonly T[];
  initial: T;
  /** The tab list's accessible name. */
  label: string;
  /** Makes the tabs' and panels' ids unique on the page. */
  idPrefix: string;
  above?: ReactNode;
  bar?: ReactNode;
  children: (tab: T) => ReactNode;
}) {
  const { tabs, idPrefix } = p;
  const [tab, setTab] = useState<T>(p.initial);
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="live-panels">
      {p.above}
      <div className="live-tabbar">
        <div role="tablist" aria-label={p.label} className="tabs" onKeyDown={onKey}>
          {tabs.map((t) => (
            <button
              key={t}
              ref={(el) => {
                refs.current[t] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`${idPrefix}-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="tab"
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </div>
        {p.bar}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`} className="live-panel">
        {p.children(tab)}
      </div>
    </div>
  );
}

/** The router a sessions table shows: the one picked while it is still there, else the first. */
export function useRouterPick(routers: readonly string[]): [router: string, pick: (router: string) => void] {
  // The node selected alone on the canvas: a router clicked there is the one the table shows
  // (whoever clicks hub1 and opens Sessions means hub1's), until another is picked here.
  const selected = useLab((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0]! : null));
  const [picked, setPicked] = useState(selected ?? '');
  const [followed, setFollowed] = useState(selected);
  if (selected !== followed) {
    setFollowed(selected);
    if (selected !== null) setPicked(selected);
  }
  return [routers.includes(picked) ? picked : (routers[0] ?? ''), setPicked];
}

/** The Router picker of a sessions table. */
export function RouterPicker({ routers, router, onPick }: { routers: readonly string[]; router: string; onPick: (router: string) => void }) {
  return (
    <label className="field">
      <span>Router</span>
      <select value={router} onChange={(e) => onPick(e.target.value)}>
        {routers.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The run's headline numbers, in view whichever tab is open. */
export function RunFigures({ sessions: s, packets: p, label }: Pick<LiveSnapshot, 'sessions' | 'packets'> & { label: string }) {
  return (
    <div className="live-summary" aria-label={label}>
      <span>
        <b>{count(s.active)}</b> active
      </span>
      <span className={s.inOutage > 0 ? 'bad' : undefined}>
        <b>{count(s.inOutage)}</b> in outage
      </span>
      <span>
        <b>{count(s.affected)}</b> affected
      </span>
      <span className={s.failed > 0 ? 'bad' : undefined}>
        <b>{count(s.failed)}</b> failed
      </span>
      <span>
        <b>{count(p.lost)}</b> / {count(p.sent)} packets lost
      </span>
    </div>
  );
}

/** The Counters tab: every router's counters, zeros hidden until asked for. */
export function CountersPanel({ counters, changedAt, note }: { counters: LiveSnapshot['counters']; changedAt?: LiveSnapshot['counters']; note: ReactNode }) {
  const [hideZeros, setHideZeros] = useState(true);
  // In a big lab, the routers selected on the canvas get their columns first.
  const pinned = useLab((s) => s.selectedNodes);
  return (
    <div className="counters">
      <div className="panel-toolbar">
        <label className="check">
          <input type="checkbox" checked={hideZeros} onChange={(e) => setHideZeros(e.target.checked)} />
          Hide zeros
        </label>
        <span className="muted">{note}</span>
      </div>
      <CountersTable counters={counters} {...(changedAt ? { changedAt } : {})} hideZeros={hideZeros} pinned={pinned} />
    </div>
  );
}
