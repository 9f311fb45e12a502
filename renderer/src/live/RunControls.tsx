/**
 * The header's run toolbar: Run / Pause / Step / Stop, speed, seed and the virtual clock. It is
 * mounted for the app's whole life (the header never unmounts), so it also owns the one
 * subscription to the live run's events.
 */
import { useLab } from '../store/context.tsx';
import { SPEEDS } from '../store/sim-slice.ts';
import { achieved, clock, speedLabel } from './format.ts';
import { phaseOf, useRunActions } from './useRunActions.ts';
import { useLiveConnection } from './useLiveConnection.ts';
import '../live.css';

const PHASE_WORDS = { idle: 'Ready', running: 'Running', paused: 'Paused', ended: 'Ended' } as const;

/** The run toolbar. */
export function RunControls() {
  useLiveConnection();
  const actions = useRunActions();
  const phase = useLab((s) => phaseOf(s.live));
  const isBusy = useLab((s) => s.isBusy);
  const tMs = useLab((s) => s.live?.tMs ?? 0);
  const durationMs = useLab((s) => s.live?.durationMs ?? (typeof s.doc.durationMs === 'number' ? s.doc.durationMs : 0));
  const achievedSpeed = useLab((s) => s.live?.achievedSpeed ?? 0);
  const speed = useLab((s) => s.runSpeed);
  const seed = useLab((s) => s.runSeed);
  const setSeed = useLab((s) => s.setRunSeed);
  const docSeed = useLab((s) => (typeof s.doc.seed === 'number' ? s.doc.seed : 1));
  const endedRunId = useLab((s) => (s.live?.state === 'ended' ? (s.lastEnded?.runId ?? null) : null));
  const openRun = useLab((s) => s.openRun);
  const setView = useLab((s) => s.setView);
  const openTravel = useLab((s) => s.openTravel);
  const isTravelling = useLab((s) => s.view === 'timetravel');

  const isLive = phase === 'running' || phase === 'paused';
  const progress = durationMs > 0 ? Math.min(1, tMs / durationMs) : 0;
  return (
    <div className="run-controls" role="toolbar" aria-label="Run controls">
      <button
        type="button"
        className="run-primary"
        disabled={isBusy || phase === 'running'}
        onClick={() => void actions.run()}
        title={phase === 'paused' ? 'Resume the run (Space)' : 'Run the lab (Space)'}
      >
        Run
      </button>
      <button type="button" disabled={phase !== 'running'} onClick={() => void actions.pause()} title="Pause (Space)">
        Pause
      </button>
      <span className="run-step">
        <button type="button" disabled={phase !== 'paused'} onClick={() => void actions.step(1)} title="Run one event">
          Step
        </button>
        <button type="button" disabled={phase !== 'paused'} onClick={() => void actions.step(100)} aria-label="Step 100 events" title="Run 100 events">
          +100
        </button>
      </span>
      <button type="button" disabled={isBusy || !isLive} onClick={() => void actions.stop()} title="Stop the run and keep its results">
        Stop
      </button>
      <label className="run-field">
        <span>Speed</span>
        <select value={String(speed)} onChange={(e) => void actions.setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="run-field">
        <span>Seed</span>
        <input
          type="number"
          min={0}
          step={1}
          className="run-seed"
          value={seed}
          placeholder={String(docSeed)}
          disabled={isLive}
          onChange={(e) => setSeed(e.target.value)}
          title="Empty: the scenario's seed"
        />
      </label>
      <div className={`run-clock run-clock-${phase}`} role="timer" aria-label="Virtual clock" aria-live="off">
        <span className="run-phase">{PHASE_WORDS[phase]}</span>
        <span className="run-time">
          {clock(tMs)} <span className="run-dim">/ {clock(durationMs)}</span>
        </span>
        <span className="run-achieved" title="Virtual time ÷ wall time over the last second">
          {phase === 'running' ? achieved(achievedSpeed) : speedLabel(speed)}
        </span>
        <span className="run-progress" aria-hidden="true">
          <span style={{ width: `${progress * 100}%` }} />
        </span>
      </div>
      {(phase === 'paused' || endedRunId) && !isTravelling && (
        <button
          type="button"
          className="link-button"
          title="Go back to any moment of the run: the lab, its sessions and events as they were then"
          onClick={() => openTravel(phase === 'paused' || !endedRunId ? { kind: 'live' } : { kind: 'run', runId: endedRunId })}
        >
          Time travel
        </button>
      )}
      {endedRunId && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            openRun(endedRunId);
            setView('history');
          }}
        >
          Results
        </button>
      )}
    </div>
  );
}
