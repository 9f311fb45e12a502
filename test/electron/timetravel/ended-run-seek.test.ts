/**
 * Time travel over the run that just ended in the lab: its own worker is kept a while and
 * answers `runs:seek` from the world copies it took while the run went, without re-running it,
 * exactly as a re-run answers (a live fault included, a stopped run's end included). Another
 * run starting drops those copies; a seek then, even one already on its way, is answered by the
 * re-run instead, which tells how far it has got.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RunDatabase } from '../../../electron/services/db/index.ts';
import { LiveRunner } from '../../../electron/services/live/runner.ts';
import { SeekService, type StoredSeek } from '../../../electron/services/timetravel/seek-service.ts';
import { parseScenario, type SeekTarget, type SeekView } from '../../../engine/index.ts';
import { until, value } from '../api-helpers.ts';

const lab = (name: string) => {
  const p = parseScenario(JSON.parse(readFileSync(new URL(`../../../assets/scenarios/${name}.srlab.json`, import.meta.url), 'utf8')) as unknown);
  if (!p.ok) throw new Error(`${name} does not load`);
  return p.scenario;
};
const HUB_LOSS = lab('01-spoke-and-hub-session-loss-packet-based');
const NAT = lab('10-nat-spoke-rebinding');

let dir: string;
let db: RunDatabase;
let runner: LiveRunner;
/** Seeks the lab makes: the run that ended last from its kept worker. */
let kept: SeekService;
/** Seeks that always re-run the stored run. */
let rerun: SeekService;
const ended: string[] = [];

const seek = async (s: SeekService, q: StoredSeek): Promise<SeekView> => ({ ...value(await s.seek(q)), wallMs: 0 });

/** Both ways answer every target alike. */
async function sameBothWays(runId: string, targets: SeekTarget[]): Promise<void> {
  for (const target of targets) {
    const q = { runId, target, limit: 50 };
    expect(await seek(kept, q), JSON.stringify(target)).toEqual(await seek(rerun, q));
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'srlab-ended-seek-'));
  db = openDatabase(join(dir, 'runs.db'));
  runner = new LiveRunner(db, (event, payload) => {
    if (event === 'sim:ended') ended.push((payload as { runId: string }).runId);
  });
  kept = new SeekService(db, runner);
  rerun = new SeekService(db);
});

afterAll(async () => {
  await runner.close();
  await kept.close();
  await rerun.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('time travel over the run that ended last', () => {
  it('is answered from the run’s own copies, as a re-run answers it: moments, events, faults, steps, the end', async () => {
    const runId = value(runner.start(HUB_LOSS, { speed: 'max', paused: false })).runId!;
    await until('the run', () => ended.includes(runId));
    // Its worker is still there, with its copies.
    expect(runner.seekEnded(runId, { tUs: 0 }, { limit: 1 })).not.toBeNull();
    const endUs = HUB_LOSS.durationMs * 1000;
    await sameBothWays(runId, [
      { tUs: endUs },
      { tUs: 86_400_000_000 },
      { tUs: 0 },
      { tUs: 24_999_999 },
      { fault: 0 },
      { event: 12_345 },
      { step: 'back', from: 40_000 },
      { step: 'forward', from: 40_000, categories: ['fault', 'control'] },
    ]);
    const end = await seek(kept, { runId, target: { tUs: endUs }, limit: 10 });
    expect(end.extent.endMs).toBe(HUB_LOSS.durationMs);
    expect(end.snapshot.state).toBe('ended');
  });

  it('keeps a live fault and a stopped run’s end, behind NAT', async () => {
    const runId = value(runner.start(NAT, { speed: 'max', paused: true })).runId!;
    runner.step(20_000);
    value(await runner.inject({ type: 'link-down', link: NAT.links[0]!.id, durationMs: 3000, atMs: 0 }));
    runner.step(30_000);
    await runner.stop();
    await until('the run', () => ended.includes(runId));
    const view = await seek(kept, { runId, target: { tUs: 86_400_000_000 }, limit: 10 });
    expect(view.faults.some((f) => f.source === 'live' && f.fault.type === 'link-down')).toBe(true);
    expect(view.snapshot.events).toBe(50_000);
    await sameBothWays(runId, [{ tUs: 86_400_000_000 }, { event: 20_001 }, { step: 'back', from: 50_000 }, { tUs: 1_000_000 }]);
  });

  it('tells how far the re-run of an older stored run has got, from 0 to the run’s end', async () => {
    const runId = value(runner.start(HUB_LOSS, { speed: 'max', paused: false })).runId!;
    await until('the run', () => ended.includes(runId));
    const heard: { doneMs: number; endMs: number }[] = [];
    const told = new SeekService(db, {
      seekEnded: () => null,
      emit: (event, payload) => {
        if (event === 'runs:seek-progress' && 'doneMs' in payload && payload.runId === runId) heard.push({ doneMs: payload.doneMs, endMs: payload.endMs });
      },
    });
    try {
      await seek(told, { runId, target: { tUs: 30_000_000 }, limit: 10 });
      expect(heard[0]).toEqual({ doneMs: 0, endMs: HUB_LOSS.durationMs });
      expect(heard.at(-1)).toEqual({ doneMs: HUB_LOSS.durationMs, endMs: HUB_LOSS.durationMs });
      expect(heard.map((p) => p.doneMs)).toEqual([...heard.map((p) => p.doneMs)].sort((a, b) => a - b));
      // The run is re-run once: later seeks say nothing.
      heard.length = 0;
      await seek(told, { runId, target: { tUs: 10_000_000 }, limit: 10 });
      expect(heard).toEqual([]);
    } finally {
      await told.close();
    }
  });

  it('drops the copies when another run starts: the seek on its way, and the next, are answered by a re-run', async () => {
    const first = value(runner.start(HUB_LOSS, { speed: 'max', paused: false })).runId!;
    await until('the run', () => ended.includes(first));
    const q = { runId: first, target: { event: 30_000 }, limit: 50 };
    const onItsWay = kept.seek(q);
    const second = value(runner.start(HUB_LOSS, { speed: 1, paused: true })).runId!;
    expect(runner.seekEnded(first, { tUs: 0 }, { limit: 1 })).toBeNull();
    const expected = await seek(rerun, q);
    expect({ ...value(await onItsWay), wallMs: 0 }).toEqual(expected);
    expect(await seek(kept, q)).toEqual(expected);
    await runner.stop();
    await until('the run', () => ended.includes(second));
  });
});
