/**
 * The What if view: N-1 analysis of the lab on screen. Pick what fails (each spoke, hub, router
 * or link), run it with a progress bar, then read the blast-radius map and the ranking; every
 * failed element opens the run of its failure. The N-1 report exports both.
 */
import { useMemo, useState } from 'react';
import { parseScenario, worstHead, type FailEachKind, type Scenario, type WhatIfRank, type WhatIfState } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { downloadText } from '../runs/download.ts';
import { count } from '../live/format.ts';
import { BlastRadiusMap } from './BlastRadiusMap.tsx';
import { RankingTable } from './RankingTable.tsx';
import { useWhatIf } from './useWhatIf.ts';
import './whatif.css';

const FAIL_WORDS: Record<FailEachKind, string> = { spoke: 'each spoke', hub: 'each hub', router: 'each router (spokes and hubs)', link: 'each link' };

function eta(ms: number | null): string {
  if (ms === null) return 'estimating the time left…';
  const s = Math.round(ms / 1000);
  return s < 60 ? `about ${s} s left` : `about ${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s left`;
}

function baselineWords(s: WhatIfState): string {
  const b = s.baseline;
  const when = `each fails at ${b.failAtMs / 1000} s for ${b.failForMs / 1000} s`;
  if (b.labFaults === 0) return `Baseline: the lab as is (it has no faults of its own); ${when}.`;
  if (b.keptFaults) return `Baseline: the lab's own ${b.labFaults} fault(s) kept in every run; ${when}.`;
  return `Baseline: fault-free — the lab's own ${b.labFaults} fault(s) removed from every run; ${when}.`;
}

/** Which elements hurt most: several when their failures cause the same harm. */
function WorstLine({ ranking }: { ranking: readonly WhatIfRank[] }) {
  const head = worstHead(ranking);
  if (!head) return <>Nothing was failed.</>;
  if (head.harmless) return <>No element&apos;s failure harms a session beyond the baseline.</>;
  const r = head.tied[0]!;
  const harm = `${count(r.sessionsLost)} sessions lost, ${count(r.sessionsAffected)} hit`;
  return head.tied.length === 1 ? (
    <>
      Worst: <b>{head.names}</b> — {harm}.
    </>
  ) : (
    <>
      Worst, {head.tied.length} alike: <b>{head.names}</b> — each {harm}.
    </>
  );
}

/** The view. */
export function WhatIfView() {
  const api = useApi();
  const store = useLabStore();
  const doc = useLab((s) => s.doc);
  const { state, error } = useWhatIf();
  const parsed = useMemo(() => parseScenario(doc), [doc]);
  const [failEach, setFailEach] = useState<FailEachKind>('spoke');
  const [keepFaults, setKeepFaults] = useState(false);
  const [failAtS, setFailAtS] = useState('');
  const [failForS, setFailForS] = useState('10');
  const [seeds, setSeeds] = useState('1');
  // The lab the shown analysis ran on (the canvas may have changed since).
  const [analysed, setAnalysed] = useState<Scenario | null>(null);
  const running = state?.state === 'running';
  const lab: Scenario | null = analysed ?? (parsed.ok ? parsed.scenario : null);
  const notify = (kind: 'info' | 'error', text: string, lines?: string[]) => store.getState().notify(kind, text, lines);

  const start = async () => {
    if (!parsed.ok)
      return notify(
        'error',
        'The lab has problems; fix them before asking what if.',
        parsed.problems.map((p) => `${p.path}: ${p.message}`),
      );
    const atMs = failAtS.trim() === '' ? undefined : Math.round(Number(failAtS) * 1000);
    const forMs = Math.round(Number(failForS) * 1000);
    const r = await api.call('whatif:start', { scenario: doc, failEach, keepFaults, seeds: Number(seeds), failForMs: forMs, ...(atMs !== undefined ? { failAtMs: atMs } : {}) });
    if (!r.ok)
      return notify(
        'error',
        `Could not start the analysis: ${r.error.message}`,
        r.error.problems?.map((p) => `${p.path}: ${p.message}`),
      );
    setAnalysed(parsed.scenario);
  };
  const open = (r: WhatIfRank) => {
    const id = r.runIds[0];
    if (!id) return;
    store.getState().openRun(id);
    store.getState().setView('history');
  };
  const exportReport = async () => {
    if (!state) return;
    const r = await api.call('whatif:report', { sweepId: state.sweepId });
    if (r.ok) downloadText(r.value.filename, r.value.mime, r.value.content);
    else notify('error', `Could not export the N-1 report: ${r.error.message}`);
  };
  const durationS = parsed.ok ? parsed.scenario.durationMs / 1000 : 60;

  return (
    <div className="whatif" aria-label="What if">
      <section className="whatif-controls" aria-label="N-1 analysis">
        <h2>What if… it fails?</h2>
        <p className="muted">
          Runs the lab once without any failure, then once per element failing, and ranks the elements by the harm their failure causes: sessions lost, sessions hit by an outage, the worst outage.
        </p>
        <div className="whatif-form">
          <label>
            Fail
            <select value={failEach} onChange={(e) => setFailEach(e.target.value as FailEachKind)} disabled={running}>
              {(Object.keys(FAIL_WORDS) as FailEachKind[]).map((k) => (
                <option key={k} value={k}>
                  {FAIL_WORDS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            at (s)
            <input type="number" min={0} max={durationS} step="any" placeholder={`${Math.round(durationS / 3)}`} value={failAtS} onChange={(e) => setFailAtS(e.target.value)} disabled={running} />
          </label>
          <label>
            for (s)
            <input type="number" min={0.001} step="any" value={failForS} onChange={(e) => setFailForS(e.target.value)} disabled={running} />
          </label>
          <label>
            seeds
            <input type="number" min={1} max={20} step={1} value={seeds} onChange={(e) => setSeeds(e.target.value)} disabled={running} />
          </label>
          <label className="check">
            <input type="checkbox" checked={keepFaults} onChange={(e) => setKeepFaults(e.target.checked)} disabled={running} />
            keep the lab&apos;s own faults
          </label>
          {running ? (
            <button type="button" onClick={() => void api.call('whatif:cancel')}>
              Cancel
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void start()} disabled={!parsed.ok}>
              Run analysis
            </button>
          )}
        </div>
        {error && <p className="error">{error}</p>}
        {state && (
          <div className="whatif-status" aria-live="polite">
            <progress aria-label="Analysis progress" max={state.total} value={state.done} />
            <span>
              {state.done}/{state.total} runs ·{' '}
              {state.state === 'running' ? eta(state.etaMs) : state.state === 'done' ? `done in ${(state.elapsedMs / 1000).toFixed(1)} s` : (state.message ?? state.state)}
            </span>
            <span className="muted">{baselineWords(state)}</span>
          </div>
        )}
      </section>
      {state?.state === 'done' && lab && (
        <>
          {state.message && <p className="error">{state.message}</p>}
          <div className="whatif-actions">
            <span>
              <WorstLine ranking={state.ranking} /> Click an element to open its run.
            </span>
            {state.baselineRunId && (
              <button
                type="button"
                className="link-button"
                onClick={() => open({ rank: 0, kind: 'hub', element: 'baseline', sessionsLost: 0, sessionsAffected: 0, worstOutageMs: 0, runIds: [state.baselineRunId!] })}
              >
                Open the baseline run
              </button>
            )}
            <button type="button" onClick={() => void exportReport()}>
              Export N-1 report
            </button>
          </div>
          <BlastRadiusMap scenario={lab} ranking={state.ranking} onOpen={open} />
          <RankingTable ranking={state.ranking} onOpen={open} />
        </>
      )}
    </div>
  );
}
