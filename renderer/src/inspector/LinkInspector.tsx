/** A selected link: latency, jitter, loss, bandwidth, queue, up/down and NAT (router–router only). */
import { isRouterId, LINK_DEFAULTS, nodeName } from '../design/doc-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { CheckField, NumberField, Section, SelectField } from './fields.tsx';

/** Properties of link `index` of the document. */
export function LinkInspector({ index }: { index: number }) {
  const store = useLabStore();
  const link = useLab((s) => s.doc.links?.[index]);
  const names = useLab((s) =>
    (link
      ? [
          nodeName(
            s.doc.nodes.find((n) => n.id === link.a),
            link.a,
          ),
          nodeName(
            s.doc.nodes.find((n) => n.id === link.b),
            link.b,
          ),
        ]
      : []
    ).join('\u0000'),
  );
  const wan = useLab((s) => (link ? isRouterId(s.doc, link.a) && isRouterId(s.doc, link.b) : false));
  if (!link) return null;
  const [nameA = link.a, nameB = link.b] = names.split('\u0000');
  const base = ['links', index] as const;
  const nat = link.nat ?? null;
  const natOptions = [
    { value: 'none', label: 'none' },
    { value: link.a, label: `inside = ${nameA}` },
    { value: link.b, label: `inside = ${nameB}` },
  ];
  const setNat = (inside: string) => {
    const s = store.getState();
    if (inside === 'none') s.setField([...base, 'nat'], undefined);
    else s.setField([...base, 'nat'], { ...(nat ?? {}), inside });
  };
  return (
    <div className="inspector-pane">
      <header className="inspector-head">
        <div>
          <h2>
            {nameA} – {nameB}
          </h2>
          <div className="insp-muted">
            {wan ? 'Peer path (WAN)' : 'LAN link'} · id <code>{link.id}</code>
          </div>
        </div>
      </header>
      <Section title="Link properties">
        <NumberField label="Latency (ms)" path={[...base, 'latencyMs']} fallback={LINK_DEFAULTS.latencyMs} hint="one way" />
        <NumberField label="Jitter (ms)" path={[...base, 'jitterMs']} fallback={LINK_DEFAULTS.jitterMs} assumption="links-fifo" />
        <NumberField label="Loss (%)" path={[...base, 'lossPct']} fallback={LINK_DEFAULTS.lossPct} />
        <NumberField label="Bandwidth (Mbps)" path={[...base, 'bandwidthMbps']} fallback={LINK_DEFAULTS.bandwidthMbps} hint="0 = unlimited" />
        <NumberField label="Queue (packets)" path={[...base, 'queuePackets']} fallback={LINK_DEFAULTS.queuePackets} integer />
        <CheckField label="Up" checked={link.up ?? true} onChange={(v) => store.getState().setField([...base, 'up'], v)} hint="at the start of the run" />
      </Section>
      <Section title="Address translation">
        <SelectField
          label="NAT"
          value={nat?.inside ?? 'none'}
          options={natOptions}
          onChange={setNat}
          disabled={!wan}
          hint={wan ? 'the inside router is behind NAT: its peering is outbound-only' : 'NAT is only for links between two routers'}
          wide
        />
        {nat && <NumberField label="Binding timeout (ms)" path={[...base, 'nat', 'bindingTimeoutMs']} fallback={30000} assumption="nat-binding" />}
      </Section>
      <div className="inspector-actions">
        <button type="button" className="danger-button" onClick={() => store.getState().deleteItems([], [link.id])}>
          Delete link
        </button>
      </div>
    </div>
  );
}
