/**
 * With nothing selected: the lab itself (name, description, duration, seed), the authority-wide
 * defaults every router starts from, and whether the engine accepts the document as it stands.
 */
import { AUTHORITY_DEFAULTS } from '../design/doc-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { NumberField, Section, SelectField, TextField } from './fields.tsx';
import { useDocProblems } from './useDocProblems.ts';

const A = AUTHORITY_DEFAULTS;

/** The lab's properties. */
export function LabInspector() {
  const store = useLabStore();
  const mode = useLab((s) => s.doc.authority?.sessionRecoveryDetection?.mode ?? A.sessionRecoveryDetection.mode);
  const counts = useLab((s) => `${s.doc.nodes.length} nodes · ${(s.doc.links ?? []).length} links · ${(s.doc.traffic ?? []).length} traffic · ${(s.doc.faults ?? []).length} faults`);
  const srd = ['authority', 'sessionRecoveryDetection'] as const;
  const st = ['authority', 'sessionTimeouts'] as const;
  const bfd = ['authority', 'bfd'] as const;
  return (
    <div className="inspector-pane">
      <header className="inspector-head">
        <div>
          <h2>Lab</h2>
          <div className="insp-muted">{counts}</div>
        </div>
      </header>
      <Section title="Scenario">
        <TextField label="Name" path={['name']} wide />
        <TextField label="Description" path={['description']} optional multiline />
        <NumberField label="Duration (s)" path={['durationMs']} scale={1000} min={0.001} max={86400} hint="virtual time" />
        <NumberField label="Seed" path={['seed']} fallback={1} integer min={0} max={4294967295} />
      </Section>
      <Section title="Authority defaults" note={<p className="inspector-note">Every router uses these unless it overrides them.</p>}>
        <SelectField
          label="Recovery mode"
          value={mode}
          options={[
            { value: 'packet-based', label: 'packet-based' },
            { value: 'inactivity-based', label: 'inactivity-based' },
          ]}
          onChange={(v) => store.getState().setField([...srd, 'mode'], v)}
          wide
        />
        <NumberField label="Inactivity timeout (s)" path={[...srd, 'inactivityTimeoutSec']} fallback={A.sessionRecoveryDetection.inactivityTimeoutSec} optional integer min={1} max={3600} />
        <NumberField label="Health-check ack timeout (ms)" path={['authority', 'healthCheckAckTimeoutMs']} fallback={A.healthCheckAckTimeoutMs} optional assumption="health-check-ack-timeout" />
        <NumberField label="TCP session timeout (s)" path={[...st, 'tcpMs']} fallback={A.sessionTimeouts.tcpMs} scale={1000} optional assumption="session-timeouts" />
        <NumberField label="TCP initial timeout (s)" path={[...st, 'tcpInitialMs']} fallback={A.sessionTimeouts.tcpInitialMs} scale={1000} optional hint="before the first reply" />
        <NumberField label="UDP session timeout (s)" path={[...st, 'udpMs']} fallback={A.sessionTimeouts.udpMs} scale={1000} optional />
        <NumberField label="BFD interval (ms)" path={[...bfd, 'txIntervalMs']} fallback={A.bfd.txIntervalMs} optional integer assumption="bfd-timing" />
        <NumberField label="BFD multiplier" path={[...bfd, 'multiplier']} fallback={A.bfd.multiplier} optional integer />
        <NumberField label="BFD hold-down (ms)" path={[...bfd, 'holdDownMs']} fallback={A.bfd.holdDownMs} optional />
        <NumberField label="Control packets per second" path={['authority', 'controlPacketsPerSec']} fallback={A.controlPacketsPerSec} optional integer assumption="control-budget" hint="per router" />
      </Section>
      <Problems />
    </div>
  );
}

/** Whether the lab would run, and if not, why. */
function Problems() {
  const problems = useDocProblems();
  if (problems.length === 0) {
    return <p className="doc-status ok">✓ The engine accepts this lab.</p>;
  }
  return (
    <section className="inspector-section problems" aria-label="Problems">
      <h3>
        {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before running
      </h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
