/** `srlab replay`: re-runs a stored run and confirms it reproduces its fingerprint. */
import { replayRun, type ReplayOutcome } from '../../services/runs/index.ts';
import { BadInput, CliFailure, EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import { duration } from '../format/table.ts';
import type { CliIo } from '../io.ts';
import { dbFileFor, openForReading } from './db-access.ts';

/** `replay`'s options as commander hands them over. */
export interface ReplayFlags {
  db?: string;
  json?: boolean;
}

/** Exit 0 when the fingerprint matches, 1 when it does not, 2 for an unknown run or bad database. */
export function replayCommand(runId: string, flags: ReplayFlags, io: CliIo): number {
  const file = dbFileFor(flags.db);
  const db = openForReading(file);
  if (db === null) throw new BadInput([`there is no run ${runId} in ${file} (there is no database there)`]);
  try {
    const r = replayRun(db, runId, () => io.now());
    if (!r.ok) {
      if (r.reason === 'invalid-scenario') throw new CliFailure(r.message);
      throw new BadInput([r.message]);
    }
    io.stdout(flags.json ? `${JSON.stringify(toJson(r, file))}\n` : render(r));
    return r.match ? EXIT_OK : EXIT_FAILURE;
  } finally {
    db.close();
  }
}

function toJson(r: ReplayOutcome, file: string) {
  return {
    runId: r.runId,
    db: file,
    scenario: r.scenario,
    seed: r.seed,
    durationMs: r.durationMs,
    match: r.match,
    originalFingerprint: r.originalFingerprint,
    replayFingerprint: r.replayFingerprint,
    firstDifferenceAtMs: r.firstDifferenceAtMs,
    liveFaults: r.liveFaults,
    engineVersion: r.engineVersion,
    wallMs: Math.round(r.wallMs * 10) / 10,
  };
}

function render(r: ReplayOutcome): string {
  const faults = r.liveFaults === 0 ? 'no live faults' : `${r.liveFaults} live fault${r.liveFaults === 1 ? '' : 's'} re-applied`;
  const lines = [
    `replay of run ${r.runId}: ${r.scenario}`,
    `  seed ${r.seed} · ${duration(r.durationMs)} virtual · ${faults} · ${duration(r.wallMs)} wall`,
    `  stored fingerprint  ${r.originalFingerprint}  (engine ${r.engineVersion.stored})`,
    `  replay fingerprint  ${r.replayFingerprint}  (engine ${r.engineVersion.current})`,
  ];
  if (r.match) lines.push('  match: the replay reproduced the stored run exactly');
  else {
    lines.push(`  MISMATCH: the replay first differs at or before ${duration(r.firstDifferenceAtMs ?? r.durationMs)} virtual`);
    if (r.engineVersion.stored !== r.engineVersion.current) lines.push(`  (stored by engine ${r.engineVersion.stored}; this is engine ${r.engineVersion.current})`);
  }
  return lines.join('\n') + '\n';
}
