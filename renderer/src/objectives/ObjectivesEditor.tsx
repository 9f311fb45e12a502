/**
 * The inspector's Objectives tab, for instructors: write what students should achieve — a
 * number of the run's summary, a router counter, a time series over a window before or after a
 * fault, or a router's effective mode — with the text students read and an optional hint.
 * Every field is checked by the engine as it is typed (the same rules `srlab check` applies).
 */
import { useShallow } from 'zustand/react/shallow';
import { COUNTER_PATHS, METRIC_PATHS, OBJECTIVE_OPS, SERIES_NAMES, SERIES_STATS, type ScenarioInput } from '../../../engine/index.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { NumberField, Section, SelectField, TextField } from '../inspector/fields.tsx';

type Kind = 'metric' | 'counter' | 'series' | 'mode';
type DocObjective = NonNullable<ScenarioInput['objectives']>[number];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'metric', label: 'a number of the run summary' },
  { value: 'counter', label: "a router's counter" },
  { value: 'series', label: 'a time series over a window' },
  { value: 'mode', label: "a router's effective recovery mode" },
];

function kindOf(o: DocObjective): Kind {
  const e = o.expect;
  return e.counter !== undefined ? 'counter' : e.series !== undefined ? 'series' : e.mode !== undefined ? 'mode' : 'metric';
}

/** A fresh expectation of `kind` (on the first hub, else the first router). */
function freshExpect(kind: Kind, router: string): DocObjective['expect'] {
  switch (kind) {
    case 'metric':
      return { metric: 'sessions.outageMs.max', op: '<=', value: 1000 };
    case 'counter':
      return { counter: COUNTER_PATHS[0], node: router, op: '>', value: 0 };
    case 'series':
      return { series: 'sessionsInOutage', stat: 'max', op: '==', value: 0 };
    case 'mode':
      return { node: router, mode: 'packet-based' };
  }
}

function nextId(taken: readonly string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`objective-${i}`)) return `objective-${i}`;
}

/** The Objectives tab of the inspector. */
export function ObjectivesEditor() {
  const store = useLabStore();
  const ids = useLab(useShallow((s) => (s.doc.objectives ?? []).map((o) => o.id)));
  const routers = useLab(
    useShallow((s) =>
      s.doc.nodes
        .filter((n) => n.kind === 'spoke' || n.kind === 'hub')
        .sort((a, b) => (a.kind === 'hub' ? -1 : 0) - (b.kind === 'hub' ? -1 : 0))
        .map((n) => n.id),
    ),
  );
  const add = () =>
    store.getState().edit((d) => {
      (d.objectives ??= []).push({ id: nextId(ids), text: 'Every session comes back within a second', expect: freshExpect('metric', routers[0] ?? '') });
    });
  return (
    <div className="inspector-pane">
      <header className="inspector-head">
        <h2>Objectives</h2>
      </header>
      <p className="insp-muted">
        What students should achieve, graded live in the Objectives panel and by <code>srlab check</code>. Faults are named F1, F2… in time order.
      </p>
      {ids.map((_, i) => (
        <ObjectiveForm key={i} index={i} routers={routers} />
      ))}
      <div className="inspector-actions">
        <button type="button" onClick={add}>
          Add objective
        </button>
      </div>
    </div>
  );
}

function ObjectiveForm({ index, routers }: { index: number; routers: string[] }) {
  const store = useLabStore();
  const o = useLab((s) => s.doc.objectives?.[index]);
  const faults = useLab((s) => (s.doc.faults ?? []).length);
  if (!o) return null;
  const base = ['objectives', index] as const;
  const ex = [...base, 'expect'] as const;
  const kind = kindOf(o);
  const e = o.expect;
  const setExpect = (fields: Record<string, unknown>) =>
    store.getState().edit((d) => {
      const target = d.objectives?.[index]?.expect as Record<string, unknown> | undefined;
      if (!target) return;
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) delete target[k];
        else target[k] = v;
      }
    });
  const routerOptions = routers.map((r) => ({ value: r, label: r }));
  const metricOptions = [...METRIC_PATHS, ...routers.map((r) => `exposure.byRouter.${r}`)].map((m) => ({ value: m, label: m }));
  const windowKind = e.window?.before !== undefined ? 'before' : e.window?.after !== undefined ? 'after' : e.window ? 'absolute' : 'all';
  const faultTags = Array.from({ length: faults }, (_, k) => ({ value: `F${k + 1}`, label: `F${k + 1}` }));
  return (
    <div className="editor-card" role="group" aria-label={`Objective ${o.id}`}>
      <Section title={`Objective ${index + 1}`}>
        <TextField label="Id" path={[...base, 'id']} />
        <TextField label="Text for students" path={[...base, 'text']} multiline />
        <TextField label="Hint (on request)" path={[...base, 'hint']} optional multiline />
        <SelectField label="Checks" value={kind} options={KINDS} wide onChange={(k) => store.getState().edit((d) => void (d.objectives![index]!.expect = freshExpect(k, routers[0] ?? '')))} />
        {kind === 'metric' && <SelectField label="Number" value={e.metric ?? ''} options={metricOptions} wide onChange={(v) => setExpect({ metric: v })} />}
        {kind === 'counter' && (
          <>
            <SelectField label="Counter" value={e.counter ?? ''} options={COUNTER_PATHS.map((c) => ({ value: c, label: c }))} wide onChange={(v) => setExpect({ counter: v })} />
            <SelectField label="Router" value={e.node ?? ''} options={routerOptions} onChange={(v) => setExpect({ node: v })} />
          </>
        )}
        {kind === 'series' && (
          <>
            <SelectField label="Series" value={e.series ?? ''} options={SERIES_NAMES.map((n) => ({ value: n, label: n }))} onChange={(v) => setExpect({ series: v })} />
            <SelectField label="Statistic" value={e.stat ?? 'max'} options={SERIES_STATS.map((n) => ({ value: n, label: n }))} onChange={(v) => setExpect({ stat: v })} />
            <SelectField
              label="Window"
              value={windowKind}
              wide
              options={[
                { value: 'all', label: 'the whole run' },
                { value: 'absolute', label: 'from … to … (ms)' },
                { value: 'before', label: 'before a fault', disabled: faults === 0 },
                { value: 'after', label: 'after a fault', disabled: faults === 0 },
              ]}
              onChange={(v) => setExpect({ window: v === 'all' ? undefined : v === 'absolute' ? { fromMs: 0 } : { [v]: 'F1' } })}
            />
            {windowKind === 'absolute' && (
              <>
                <NumberField label="From (ms)" path={[...ex, 'window', 'fromMs']} optional />
                <NumberField label="To (ms)" path={[...ex, 'window', 'toMs']} optional placeholder="the end" />
              </>
            )}
            {(windowKind === 'before' || windowKind === 'after') && (
              <SelectField label="Fault" value={e.window?.before ?? e.window?.after ?? 'F1'} options={faultTags} onChange={(v) => setExpect({ window: { ...e.window, [windowKind]: v } })} />
            )}
            {windowKind === 'after' && (
              <>
                <NumberField label="Starting (ms after)" path={[...ex, 'window', 'delayMs']} optional placeholder="0" />
                <NumberField label="Lasting (ms)" path={[...ex, 'window', 'forMs']} optional placeholder="to the end" />
              </>
            )}
          </>
        )}
        {kind === 'mode' && (
          <>
            <SelectField label="Router" value={e.node ?? ''} options={routerOptions} onChange={(v) => setExpect({ node: v })} />
            <SelectField
              label="Mode"
              value={e.mode ?? 'packet-based'}
              options={[
                { value: 'packet-based', label: 'packet-based' },
                { value: 'inactivity-based', label: 'inactivity-based' },
              ]}
              onChange={(v) => setExpect({ mode: v })}
            />
          </>
        )}
        <SelectField
          label="Must be"
          value={e.op ?? '=='}
          options={(kind === 'mode' ? (['==', '!='] as const) : OBJECTIVE_OPS).map((op) => ({ value: op, label: op }))}
          onChange={(v) => setExpect({ op: v })}
        />
        {kind !== 'mode' && <NumberField label="Value" path={[...ex, 'value']} />}
      </Section>
      <div className="inspector-actions">
        <button
          type="button"
          className="danger-button"
          onClick={() =>
            store.getState().edit((d) => {
              d.objectives?.splice(index, 1);
              if (d.objectives?.length === 0) delete d.objectives;
            })
          }
        >
          Delete objective
        </button>
      </div>
    </div>
  );
}
