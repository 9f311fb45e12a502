/**
 * Says so when the run on screen was started in another window or tab (one host runs one lab at
 * a time, and every window sees it): the run controls act on that run, and the lab drawn here
 * may not be the one it runs — "Show its lab" loads the lab it runs, read-only until it ends.
 */
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';

/** The "run started elsewhere" strip (nothing when this window started the run, or none is live). */
export function RunOwnership() {
  const api = useApi();
  const store = useLabStore();
  const isElsewhere = useLab((s) => s.runOwner === 'elsewhere' && isRunLive(s.live));
  const runId = useLab((s) => s.live?.runId ?? null);
  if (!isElsewhere) return null;
  const showLab = async () => {
    if (!runId) return;
    const r = await api.call('runs:get', { id: runId });
    const s = store.getState();
    if (!r.ok) return s.notify('error', `Could not load the lab of run ${runId}: ${r.error.message}`);
    s.loadDoc(structuredClone(r.value.scenario), null);
  };
  return (
    <div className="run-owner" role="status" aria-label="Run started elsewhere">
      <span>This run was started in another window{runId ? ` (run ${runId})` : ''}; you see all of it, and Run, Pause, Step and Stop act on it.</span>
      {runId && (
        <button type="button" className="link-button" onClick={() => void showLab()}>
          Show its lab
        </button>
      )}
    </div>
  );
}
