/** The fields particular to each fault type. */
import type { DocFault } from '../design/doc-model.ts';
import { useLabStore } from '../store/context.tsx';
import { NumberField, SelectField } from './fields.tsx';

/** Type-specific fields of fault `index`. */
export function FaultFields({ fault: f, index }: { fault: DocFault; index: number }) {
  const store = useLabStore();
  const base = ['faults', index] as const;
  switch (f.type) {
    case 'node-restart':
      return <NumberField label="Downtime (ms)" path={[...base, 'downtimeMs']} min={0} />;
    case 'session-loss':
      return <NumberField label="Fraction (0–1)" path={[...base, 'fraction']} fallback={1} min={0} max={1} hint="share of the router's sessions lost" />;
    case 'scan':
      return (
        <>
          <NumberField label="Rate (pps)" path={[...base, 'ratePps']} />
          <NumberField label="Duration (ms)" path={[...base, 'durationMs']} />
        </>
      );
    case 'link-down':
      return <NumberField label="Duration (ms)" path={[...base, 'durationMs']} nullable placeholder="until link-up" hint="empty = until a link-up" />;
    case 'link-impair':
      return (
        <>
          <SelectField
            label="Direction"
            value={f.direction ?? 'both'}
            options={[
              { value: 'both', label: 'both' },
              { value: 'a-to-b', label: `a → b` },
              { value: 'b-to-a', label: `b → a` },
            ]}
            onChange={(v) => store.getState().setField([...base, 'direction'], v)}
          />
          <NumberField label="Duration (ms)" path={[...base, 'durationMs']} nullable placeholder="until changed" />
          <NumberField label="Loss (%)" path={[...base, 'lossPct']} optional placeholder="unchanged" />
          <NumberField label="Latency (ms)" path={[...base, 'latencyMs']} optional placeholder="unchanged" />
          <NumberField label="Jitter (ms)" path={[...base, 'jitterMs']} optional placeholder="unchanged" />
          <NumberField label="Bandwidth (Mbps)" path={[...base, 'bandwidthMbps']} optional placeholder="unchanged" />
        </>
      );
    case 'link-flap':
      return (
        <>
          <NumberField label="Down (ms)" path={[...base, 'downMs']} />
          <NumberField label="Up (ms)" path={[...base, 'upMs']} />
          <NumberField label="Count" path={[...base, 'count']} integer min={1} />
        </>
      );
    default:
      return null;
  }
}
