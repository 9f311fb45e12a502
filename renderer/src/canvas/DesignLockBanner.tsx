/**
 * Says, over the canvas, that the design is locked while a run is live and offers the way out:
 * stopping the run (its results are kept). Nothing is shown when no run is live.
 */
import { useLab } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';
import { useRunActions } from '../live/useRunActions.ts';

/** The "stop the run to edit" banner. */
export function DesignLockBanner() {
  const isLocked = useLab((s) => isRunLive(s.live));
  const isBusy = useLab((s) => s.isBusy);
  const actions = useRunActions();
  if (!isLocked) return null;
  return (
    <div className="design-lock" role="status" aria-label="Design locked">
      <span>The design is locked while the run is live. Select a router or link to inject a fault.</span>
      <button type="button" disabled={isBusy} onClick={() => void actions.stop()}>
        Stop the run to edit
      </button>
    </div>
  );
}
