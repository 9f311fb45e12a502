/**
 * A selected node. Routers: label, software version, and per-router overrides of the recovery
 * and BFD settings (empty = the authority's value, shown as the placeholder), with a visible
 * note that the real product sets session-recovery-detection once per authority. Hosts: label.
 */
import { DEFAULT_SOFTWARE_VERSION, isRouterKind } from '../../../engine/index.ts';
import { AUTHORITY_DEFAULTS, KIND_NAMES, nodeName } from '../design/doc-model.ts';
import { KindIcon } from '../canvas/node-icons.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { NumberField, Section, SelectField, TextField } from './fields.tsx';
import { NodeLinks } from './NodeLinks.tsx';

type ModeChoice = 'default' | 'packet-based' | 'inactivity-based';

const MODE_OPTIONS: { value: ModeChoice; label: string }[] = [
  { value: 'default', label: 'Authority default' },
  { value: 'packet-based', label: 'packet-based' },
  { value: 'inactivity-based', label: 'inactivity-based' },
];

function olderThan61(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 6 || (major === 6 && minor < 1);
}

/** Properties of node `index` of the document. */
export function NodeInspector({ index }: { index: number }) {
  const store = useLabStore();
  const node = useLab((s) => s.doc.nodes[index]);
  const authority = useLab((s) => s.doc.authority);
  const showAssumption = useLab((s) => s.showAssumption);
  if (!node) return null;
  const base = ['nodes', index] as const;
  const router = node.kind === 'spoke' || node.kind === 'hub' ? node : null;
  const srd = { ...AUTHORITY_DEFAULTS.sessionRecoveryDetection, ...authority?.sessionRecoveryDetection };
  const bfd = { ...AUTHORITY_DEFAULTS.bfd, ...authority?.bfd };
  const version = router?.softwareVersion ?? DEFAULT_SOFTWARE_VERSION;
  return (
    <div className="inspector-pane">
      <header className="inspector-head">
        <span className={`lab-node-icon kind-${node.kind}`}>
          <KindIcon kind={node.kind} />
        </span>
        <div>
          <h2>{nodeName(node)}</h2>
          <div className="insp-muted">
            {KIND_NAMES[node.kind]} · id <code>{node.id}</code>
          </div>
        </div>
      </header>
      <Section title="Node">
        <TextField label="Label" path={[...base, 'label']} placeholder={node.id} wide />
        {router && <TextField label="Software version" path={[...base, 'softwareVersion']} placeholder={DEFAULT_SOFTWARE_VERSION} optional hint="6.1.0 or later has the recovery feature" />}
      </Section>
      {router && olderThan61(version) && <p className="inspector-warning">Before 6.1.0 a router always behaves as packet-based: it never probes or acknowledges.</p>}
      {router && (
        <Section
          title="Session recovery (this router)"
          note={
            <p className="inspector-note">
              The real product configures session-recovery-detection once per authority; a per-router override is a what-if.{' '}
              <button type="button" className="why-link" onClick={() => showAssumption('per-router-override')}>
                Why?
              </button>
            </p>
          }
        >
          <SelectField
            label="Recovery mode"
            value={(router.sessionRecoveryDetection?.mode ?? 'default') as ModeChoice}
            options={MODE_OPTIONS}
            onChange={(v) => store.getState().setField([...base, 'sessionRecoveryDetection', 'mode'], v === 'default' ? undefined : v)}
            hint={`Authority: ${srd.mode}`}
            wide
          />
          <NumberField
            label="Inactivity timeout (s)"
            path={[...base, 'sessionRecoveryDetection', 'inactivityTimeoutSec']}
            optional
            integer
            min={1}
            max={3600}
            placeholder={String(srd.inactivityTimeoutSec)}
            hint="empty = the authority's (grey)"
          />
        </Section>
      )}
      {router && (
        <Section title="BFD (this router)" note={<p className="insp-muted">Empty fields use the authority's value, shown in grey.</p>}>
          <NumberField label="BFD interval (ms)" path={[...base, 'bfd', 'txIntervalMs']} optional integer placeholder={String(bfd.txIntervalMs)} />
          <NumberField label="BFD multiplier" path={[...base, 'bfd', 'multiplier']} optional integer placeholder={String(bfd.multiplier)} />
          <NumberField label="BFD hold-down (ms)" path={[...base, 'bfd', 'holdDownMs']} optional placeholder={String(bfd.holdDownMs)} />
        </Section>
      )}
      <NodeLinks id={node.id} />
      <div className="inspector-actions">
        <button type="button" className="danger-button" onClick={() => store.getState().deleteItems([node.id], [])}>
          Delete {isRouterKind(node.kind) ? 'router' : node.kind}
        </button>
      </div>
    </div>
  );
}
