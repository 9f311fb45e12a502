/**
 * The live event log: in time order (oldest at the top, as History lists a stored run's), the
 * list following the newest entry while it is scrolled to the bottom; filterable by kind and
 * router. Every entry the store keeps (5 000) can be scrolled to, but only the rows in view are
 * rendered (useRowWindow.ts): re-rendering and repainting a few hundred rows on each snapshot
 * was most of what a busy log cost a streaming run. Clicking an entry shows its packet
 * attributes and the rule that fired, with links to the assumptions behind that rule.
 */
import { useMemo, useState } from 'react';
import { useLab } from '../store/context.tsx';
import type { LogEntry } from '../store/types.ts';
import { assumptionsFor } from '../help/assumption-links.ts';
import { clock, count, detailValue } from './format.ts';
import { useRowWindow } from './useRowWindow.ts';
import './event-log.css';

function summary(e: LogEntry): string {
  return Object.entries(e.detail)
    .filter(([k]) => k !== 'rule')
    .map(([k, v]) => `${k}=${detailValue(v)}`)
    .join(' ');
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The Events tab. */
export function EventLog() {
  const log = useLab((s) => s.liveLog);
  const dropped = useLab((s) => s.logDropped);
  const [kind, setKind] = useState('');
  const [router, setRouter] = useState('');
  const [selected, setSelected] = useState<number | null>(null);

  const kinds = useMemo(() => distinct(log.map((e) => e.kind)), [log]);
  const nodes = useMemo(() => distinct(log.map((e) => e.node)), [log]);
  const matching = useMemo(() => (kind || router ? log.filter((e) => (!kind || e.kind === kind) && (!router || e.node === router)) : log), [log, kind, router]);
  const chosen = selected === null ? undefined : log.find((e) => e.seq === selected);
  const { win, itemRef, rowsStyle, scrollerProps } = useRowWindow<HTMLDivElement>(matching.length, matching);

  return (
    <div className="event-log">
      <div className="panel-toolbar">
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">all kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Router</span>
          <select value={router} onChange={(e) => setRouter(e.target.value)}>
            <option value="">all nodes</option>
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {`${count(matching.length)} entries`}
          {dropped > 0 ? ` · ${count(dropped)} older entries not kept` : ''}
        </span>
      </div>
      <div className="event-body">
        {log.length === 0 ? (
          <p className="empty">No events yet. Run the lab: control-plane and session events (enable-metadata, health checks, BFD, faults) appear here as they happen.</p>
        ) : (
          <div {...scrollerProps} className="event-list">
            <ol className="event-rows" aria-label="Event log" style={rowsStyle}>
              {matching.slice(win.from, win.to).map((e, i) => (
                <li key={e.seq} ref={itemRef} aria-setsize={matching.length} aria-posinset={win.from + i + 1}>
                  <button type="button" className="event-row" aria-pressed={e.seq === selected} onClick={() => setSelected(e.seq === selected ? null : e.seq)}>
                    <span className="event-time">{clock(e.tUs / 1000)}</span>
                    <span className="event-node">{e.node}</span>
                    <span className={`event-kind kind-${e.kind}`}>{e.kind}</span>
                    <span className="event-detail">{summary(e)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
        {chosen && <EventDetail entry={chosen} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}

function EventDetail({ entry, onClose }: { entry: LogEntry; onClose: () => void }) {
  const showAssumption = useLab((s) => s.showAssumption);
  const rule = typeof entry.detail.rule === 'string' ? entry.detail.rule : undefined;
  const related = assumptionsFor(entry.kind, rule);
  const attrs = Object.entries(entry.detail).filter(([k]) => k !== 'rule');
  return (
    <aside className="event-side" aria-label="Event details">
      <div className="side-head">
        <strong>{entry.kind}</strong>
        <button type="button" className="icon-button" aria-label="Close event details" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="rule">
        <span className="muted">Rule that fired</span>
        <div className="rule-text">{rule ?? 'none named'}</div>
      </div>
      {related.length > 0 && (
        <div className="rule-links">
          <span className="muted">Assumptions behind it</span>
          {related.map((a) => (
            <button key={a.id} type="button" className="link-button" onClick={() => showAssumption(a.id)}>
              {a.section} {a.title}
            </button>
          ))}
        </div>
      )}
      <div className="muted side-label">Event and packet attributes</div>
      <dl className="kv">
        <dt>time</dt>
        <dd>
          {clock(entry.tUs / 1000)} <span className="muted">({count(entry.tUs)} µs)</span>
        </dd>
        <dt>node</dt>
        <dd>{entry.node}</dd>
        {entry.session >= 0 && (
          <>
            <dt>session</dt>
            <dd>#{entry.session}</dd>
          </>
        )}
        {attrs.map(([k, v]) => (
          <FragmentKv key={k} k={k} v={detailValue(v)} />
        ))}
      </dl>
    </aside>
  );
}

function FragmentKv({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </>
  );
}
