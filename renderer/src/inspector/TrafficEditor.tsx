/**
 * Traffic definitions: a list (one row each: from → to, protocol, pattern, sessions) and an
 * editor for the one picked, showing only the fields its pattern uses.
 */
import { useShallow } from 'zustand/react/shallow';
import { nodeName, TRAFFIC_DEFAULTS } from '../design/doc-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { CheckField, NumberField, Section, SelectField, TextField } from './fields.tsx';

const PATTERNS = ['request-response', 'stream-up', 'stream-down', 'bidirectional'] as const;
const T = TRAFFIC_DEFAULTS;

/** The traffic tab. */
export function TrafficEditor() {
  const store = useLabStore();
  const rows = useLab(
    useShallow((s) =>
      (s.doc.traffic ?? []).map((t) => {
        const from = nodeName(
          s.doc.nodes.find((n) => n.id === t.from),
          t.from,
        );
        const to = nodeName(
          s.doc.nodes.find((n) => n.id === t.to),
          t.to,
        );
        return `${t.id}\u0000${from} → ${to}\u0000${t.protocol ?? T.protocol} ${t.pattern ?? T.pattern} · ${t.sessions ?? T.sessions} session${(t.sessions ?? T.sessions) === 1 ? '' : 's'}`;
      }),
    ),
  );
  const selected = useLab((s) => s.selectedTraffic);
  const index = useLab((s) => (s.doc.traffic ?? []).findIndex((t) => t.id === s.selectedTraffic));
  return (
    <div className="inspector-pane">
      <header className="inspector-head spread">
        <h2>Traffic</h2>
        <button type="button" onClick={() => store.getState().addTraffic()}>
          Add traffic
        </button>
      </header>
      {rows.length === 0 && <p className="insp-muted">No traffic yet. Traffic runs from a client to a server.</p>}
      <ul className="insp-list item-list" aria-label="Traffic definitions">
        {rows.map((r) => {
          const [id = '', route, what] = r.split('\u0000');
          return (
            <li key={id}>
              <button type="button" className={`insp-item${id === selected ? ' current' : ''}`} aria-pressed={id === selected} onClick={() => store.getState().selectTraffic(id)}>
                <span className="insp-item-title">
                  <code>{id}</code> {route}
                </span>
                <span className="insp-muted">{what}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {index >= 0 && <TrafficForm key={index} index={index} />}
    </div>
  );
}

function TrafficForm({ index }: { index: number }) {
  const store = useLabStore();
  const t = useLab((s) => s.doc.traffic?.[index]);
  const clients = useLab(useShallow((s) => s.doc.nodes.filter((n) => n.kind === 'client').map((n) => `${n.id}\u0000${nodeName(n)}`)));
  const servers = useLab(useShallow((s) => s.doc.nodes.filter((n) => n.kind === 'server').map((n) => `${n.id}\u0000${nodeName(n)}`)));
  if (!t) return null;
  const base = ['traffic', index] as const;
  const set = (field: string, v: unknown) => store.getState().setField([...base, field], v);
  const options = (list: string[], current: string) => {
    const out = list.map((x) => {
      const [value = '', label = value] = x.split('\u0000');
      return { value, label };
    });
    return out.some((o) => o.value === current) ? out : [{ value: current, label: `${current} (missing)` }, ...out];
  };
  const pattern = t.pattern ?? T.pattern;
  const protocol = t.protocol ?? T.protocol;
  const burst = t.burst ?? null;
  return (
    <div className="editor-card">
      <Section title={`Edit ${t.id}`}>
        <TextField
          label="ID"
          path={[...base, 'id']}
          validate={(v) => (v !== undefined && v !== t.id && store.getState().doc.traffic?.some((x) => x.id === v) ? `"${v}" is already the id of another traffic definition` : null)}
          commit={(v, key) => {
            store.getState().setField([...base, 'id'], v, { key });
            if (v !== undefined) store.getState().selectTraffic(v);
          }}
        />
        <NumberField label="Sessions" path={[...base, 'sessions']} fallback={T.sessions} integer min={1} max={100000} />
        <SelectField label="From" value={t.from} options={options(clients, t.from)} onChange={(v) => set('from', v)} hint="a client" />
        <SelectField label="To" value={t.to} options={options(servers, t.to)} onChange={(v) => set('to', v)} hint="a server" />
        <SelectField
          label="Protocol"
          value={protocol}
          options={[
            { value: 'tcp', label: 'TCP' },
            { value: 'udp', label: 'UDP' },
          ]}
          onChange={(v) => set('protocol', v)}
        />
        <SelectField label="Pattern" value={pattern} options={PATTERNS.map((p) => ({ value: p, label: p }))} onChange={(v) => set('pattern', v)} />
        <NumberField label="Start (ms)" path={[...base, 'startMs']} fallback={T.startMs} min={0} />
        <NumberField label="Stop (ms)" path={[...base, 'stopMs']} nullable placeholder="end of run" min={0} hint="empty = end of run" />
        {pattern === 'request-response' ? (
          <>
            <NumberField label="Interval (ms)" path={[...base, 'intervalMs']} fallback={T.intervalMs} hint="between requests" />
            <NumberField label="Request bytes" path={[...base, 'requestBytes']} fallback={T.requestBytes} integer />
            <NumberField label="Response packets" path={[...base, 'responsePackets']} fallback={T.responsePackets} integer />
            <NumberField label="Response bytes" path={[...base, 'responseBytes']} fallback={T.responseBytes} integer />
          </>
        ) : (
          <>
            <NumberField label="Rate (pps)" path={[...base, 'ratePps']} fallback={T.ratePps} hint="per session, each way it flows" />
            <NumberField label="Packet bytes" path={[...base, 'packetBytes']} fallback={T.packetBytes} integer />
          </>
        )}
        {protocol === 'tcp' && <NumberField label="App timeout (ms)" path={[...base, 'appTimeoutMs']} fallback={T.appTimeoutMs} hint="the app gives up and reconnects" />}
      </Section>
      <Section title="On/off bursts">
        <CheckField label="Burst" checked={burst !== null} onChange={(on) => set('burst', on ? { activeMs: 2000, idleMs: 15000 } : null)} hint="on/off cycles instead of always active" />
        {burst && (
          <>
            <NumberField label="Active (ms)" path={[...base, 'burst', 'activeMs']} />
            <NumberField label="Idle (ms)" path={[...base, 'burst', 'idleMs']} />
          </>
        )}
      </Section>
      <div className="inspector-actions">
        <button type="button" className="danger-button" onClick={() => store.getState().deleteTraffic(t.id)}>
          Delete traffic {t.id}
        </button>
      </div>
    </div>
  );
}
