/**
 * The live event log: in time order (oldest at the top, as History lists a stored run's), the
 * list following the newest entry while it is scrolled to the bottom; filterable by kind and
 * router, capped at the newest {@link SHOWN} matching entries (the store keeps 5 000; rendering them all at 20 Hz would cost
 * more than anyone can read). Clicking an entry shows its packet attributes and the rule that
 * fired, with links to the assumptions behind that rule.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLab } from '../store/context.tsx';
import type { LogEntry } from '../store/types.ts';
import { assumptionsFor } from '../help/assumption-links.ts';
import { clock, count, detailValue } from './format.ts';

/** Most entries rendered at once. */
export const SHOWN = 300;

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
  const matching = useMemo(() => {
    const out: LogEntry[] = [];
    let total = 0;
    for (let i = log.length - 1; i >= 0; i--) {
      const e = log[i]!;
      if ((kind && e.kind !== kind) || (router && e.node !== router)) continue;
      total++;
      if (out.length < SHOWN) out.push(e);
    }
    return { shown: out.reverse(), total };
  }, [log, kind, router]);
  const chosen = selected === null ? undefined : log.find((e) => e.seq === selected);
  // Follow the tail while the reader is at the bottom; leave the list alone once they scroll up.
  const list = useRef<HTMLOListElement>(null);
  const isFollowing = useRef(true);
  useLayoutEffect(() => {
    const el = list.current;
    if (el && isFollowing.current) el.scrollTop = el.scrollHeight;
  }, [matching]);

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
          {matching.total > SHOWN ? `newest ${SHOWN} of ${count(matching.total)}` : `${count(matching.total)} entries`}
          {dropped > 0 ? ` · ${count(dropped)} older entries not kept` : ''}
        </span>
      </div>
      <div className="event-body">
        {log.length === 0 ? (
          <p className="empty">No events yet. Run the lab: control-plane and session events (enable-metadata, health checks, BFD, faults) appear here as they happen.</p>
        ) : (
          <ol
            ref={list}
            className="event-list"
            aria-label="Event log"
            onScroll={(e) => {
              const el = e.currentTarget;
              isFollowing.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
            }}
          >
            {matching.shown.map((e) => (
              <li key={e.seq}>
                <button type="button" className="event-row" aria-pressed={e.seq === selected} onClick={() => setSelected(e.seq === selected ? null : e.seq)}>
                  <span className="event-time">{clock(e.tUs / 1000)}</span>
                  <span className="event-node">{e.node}</span>
                  <span className={`event-kind kind-${e.kind}`}>{e.kind}</span>
                  <span className="event-detail">{summary(e)}</span>
                </button>
              </li>
            ))}
          </ol>
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
