/**
 * Sweeps across machines (BullMQ on Redis): a redis-server of our own on a random port, three
 * `srlab worker` processes, one SIGKILLed in the middle of a run. Every fingerprint must equal
 * the same sweep run locally; nothing lost, nothing stored twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS, parseScenario } from '../../../engine/index.ts';
import { openDatabase } from '../../../electron/services/db/index.ts';
import { listRuns } from '../../../electron/services/db/repos/runs.ts';
import { parseQueueUrl, queueExecutor } from '../../../electron/services/queue/index.ts';
import { planSweep } from '../../../electron/services/sweeps/plan.ts';
import { runSweep } from '../../../electron/services/sweeps/run-sweep.ts';
import { srlab } from '../cli/helpers.ts';

const REDIS = '/usr/bin/redis-server';
const SRLAB = fileURLToPath(new URL('../../../electron/cli/srlab.mjs', import.meta.url));
const hasRedis = existsSync(REDIS);
if (!hasRedis && process.env.SRLAB_REQUIRE_REDIS === '1') throw new Error(`${REDIS} is missing (apt-get install redis-server)`);

/** A live worker process and everything it printed. */
interface WorkerProc {
  proc: ChildProcess;
  log: string;
}

const dir = mkdtempSync(join(tmpdir(), 'srlab-queue-'));
let redis: ChildProcess | null = null;
let url = '';
const workers: WorkerProc[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once `pred` holds, polling `text()` (state, never a fixed sleep). */
async function until(what: string, pred: () => boolean, ms = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startWorker(): WorkerProc {
  const proc = spawn(process.execPath, [SRLAB, 'worker', '--queue', url, '--concurrency', '1', '--lock-ms', '2000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const w: WorkerProc = { proc, log: '' };
  proc.stderr!.on('data', (d: Buffer) => (w.log += d.toString()));
  workers.push(w);
  return w;
}

/** A lab whose runs last long enough (about a second each) to be killed in the middle. */
function labFile(): string {
  const lab = generateLab({ ...GENERATE_DEFAULTS, spokes: 4, hubs: 2, clientsPerSpoke: 2, sessionsPerClient: 20, pattern: 'bidirectional', durationMs: 120_000 });
  const file = join(dir, 'lab.srlab.json');
  writeFileSync(file, JSON.stringify(lab));
  return file;
}

type SweepJson = { runs: { label: string; fingerprint: string | null; runId: string | null; error: string | null }[]; duplicates: number; mismatches: unknown[] };

describe.skipIf(!hasRedis)('srlab sweep --queue (BullMQ on Redis)', () => {
  let file = '';
  let local: SweepJson;

  beforeAll(async () => {
    // Build the CLI bundle once, before three workers race to build it.
    expect(spawnSync(process.execPath, [SRLAB, '--version']).status).toBe(0);
    const port = await freePort();
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    redis.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await until('redis-server to accept connections', () => /Ready to accept connections/.test(out), 30_000);
    url = `redis://127.0.0.1:${port}`;
    file = labFile();
    const r = await srlab(['sweep', file, '--fail-each', 'router', '--no-store', '--json']);
    expect(r.code).toBe(0);
    local = JSON.parse(r.stdout) as SweepJson;
    for (let i = 0; i < 3; i++) startWorker();
    await until('three workers serving the queue', () => workers.every((w) => /serving redis:/.test(w.log)));
  }, 240_000);

  afterAll(() => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    if (redis?.pid) process.kill(redis.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries the run of a SIGKILLed worker elsewhere; every fingerprint equals the local sweep; each run stored once', async () => {
    const db = join(dir, 'runs.db');
    const sweep = srlab(['sweep', file, '--fail-each', 'router', '--queue', url, '--db', db, '--json']);
    const victim = workers[0]!;
    await until('the first worker to start a run', () => /started (\S+)/.test(victim.log));
    const killedJob = /started (\S+)/.exec(victim.log)![1]!;
    victim.proc.kill('SIGKILL');
    const r = await sweep;
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as SweepJson;
    // The killed worker's run was finished by another worker.
    expect(workers.slice(1).some((w) => w.log.includes(`done ${killedJob}`))).toBe(true);
    // Its log says the run was taken over from a lost worker, not started afresh.
    expect(workers.slice(1).some((w) => new RegExp(`started ${killedJob} \\(.*\\), attempt 1, taken over from a lost worker`).test(w.log))).toBe(true);
    expect(victim.log).not.toContain(`done ${killedJob}`);
    // The workers forked runs from the prefix they share, as local sweep threads do.
    expect(workers.some((w) => /done \S+ \(hub hub1 fails\): fingerprint \w+, forked at 40 s/.test(w.log))).toBe(true);
    // Nothing lost: every run of the local sweep, same labels, same fingerprints.
    expect(out.runs.map((x) => x.label)).toEqual(local.runs.map((x) => x.label));
    expect(out.runs.map((x) => x.fingerprint)).toEqual(local.runs.map((x) => x.fingerprint));
    expect(out.runs.every((x) => x.error === null)).toBe(true);
    expect(out.mismatches).toEqual([]);
    // Nothing stored twice: one completed row per run.
    const d = openDatabase(db, { readonly: true });
    try {
      const rows = listRuns(d, { limit: 1000 });
      expect(rows).toHaveLength(local.runs.length);
      expect(new Set(rows.map((x) => x.label)).size).toBe(local.runs.length);
      expect(rows.every((x) => x.status === 'completed')).toBe(true);
    } finally {
      d.close();
    }
  }, 240_000);

  it('stores a run delivered twice once and checks both fingerprints are the same', async () => {
    // A worker that freezes (SIGSTOP) loses its lock; another runs the job; the frozen one then
    // wakes (SIGCONT) and delivers the same run too.
    await until('two live workers', () => workers.filter((w) => w.proc.exitCode === null && w.proc.signalCode === null).length >= 2);
    const [sleeper, other] = workers.filter((w) => w.proc.exitCode === null && w.proc.signalCode === null) as [WorkerProc, WorkerProc];
    const before = sleeper.log.length;
    const beforeOther = other.log.length;
    const sweep = srlab(['sweep', file, '--fail-each', 'router', '--queue', url, '--no-store', '--json']);
    await until('the sleeper to start a run', () => /started (\S+)/.test(sleeper.log.slice(before)));
    const job = /started (\S+)/.exec(sleeper.log.slice(before))![1]!;
    sleeper.proc.kill('SIGSTOP');
    await until('the other worker to take the frozen run over', () => other.log.slice(beforeOther).includes(`started ${job}`));
    sleeper.proc.kill('SIGCONT');
    const r = await sweep;
    const out = JSON.parse(r.stdout) as SweepJson;
    expect(out.runs.map((x) => x.fingerprint)).toEqual(local.runs.map((x) => x.fingerprint));
    expect(out.duplicates).toBeGreaterThanOrEqual(1);
    expect(out.mismatches).toEqual([]);
  }, 240_000);

  it('forks the runs of another lab from that lab, not from the prefix of an earlier sweep with the same fork keys', async () => {
    // Same seed and no --vary: its runs' fork keys are those of the sweeps above; the workers
    // still hold those sweeps' prefixes.
    const other = generateLab({ ...GENERATE_DEFAULTS, spokes: 3, hubs: 2, clientsPerSpoke: 1, sessionsPerClient: 10, natEvery: 2, durationMs: 60_000 });
    expect(other.seed).toBe(JSON.parse(readFileSync(file, 'utf8')).seed);
    const otherFile = join(dir, 'other.srlab.json');
    writeFileSync(otherFile, JSON.stringify(other));
    const here = await srlab(['sweep', otherFile, '--fail-each', 'router', '--no-store', '--json']);
    expect(here.code, here.stderr).toBe(0);
    const r = await srlab(['sweep', otherFile, '--fail-each', 'router', '--queue', url, '--no-store', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const fingerprints = (x: string) => (JSON.parse(x) as SweepJson).runs.map((run) => `${run.label}: ${run.fingerprint}`);
    expect(fingerprints(r.stdout)).toEqual(fingerprints(here.stdout));
    expect(fingerprints(r.stdout)).not.toEqual(local.runs.map((run) => `${run.label}: ${run.fingerprint}`));
  }, 240_000);

  it('has a worker of another engine version refuse the run with a clear reason', async () => {
    const raw = JSON.parse(JSON.stringify(generateLab({ ...GENERATE_DEFAULTS, spokes: 1, hubs: 1, durationMs: 5000 }))) as unknown;
    expect(parseScenario(raw).ok).toBe(true);
    const plan = planSweep(raw, { vary: [], seeds: 1 });
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    const parsed = parseQueueUrl(url);
    if (!parsed.ok) throw new Error(parsed.problem);
    const notices: string[] = [];
    // The coordinator pretends to be of another engine version.
    const run = await runSweep({
      jobs: plan.jobs,
      spec: { vary: [], seeds: 1, scenarioFile: 'lab' },
      db: null,
      executor: queueExecutor(parsed.url, { engineVersion: '0.0.0-other' }),
      onNotice: (t) => notices.push(t),
    });
    expect(run.outcomes[0]!.result).toBeNull();
    expect(run.outcomes[0]!.error).toMatch(/refused run 0 \(as is\): it runs engine \S+, the sweep was planned with engine 0\.0\.0-other/);
    expect(notices.some((n) => /refused run 0/.test(n))).toBe(true);
  }, 240_000);
});
