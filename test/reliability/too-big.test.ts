/**
 * Scenarios and sweeps that would exhaust the machine are refused before they start, with the
 * JSON path and the figures; --force passes a soft limit; a heavy run stops when asked (the
 * lab's sim:stop, SIGTERM for the command line).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../electron/services/db/index.ts';
import { startLab, type RunningLab } from '../../electron/services/host/lab.ts';
import { srlab, tempDir } from '../electron/cli/helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../electron/cli/srlab.mjs', import.meta.url));
const STREAM = JSON.parse(readFileSync(new URL('../../assets/scenarios/05-one-way-stream-overhead-inactivity.srlab.json', import.meta.url), 'utf8')) as Record<string, any>;

/** The stream template with its first traffic definition and the run changed. */
function stream(traffic: Record<string, unknown>, run: Record<string, unknown> = {}): Record<string, any> {
  return { ...STREAM, faults: [], ...run, traffic: [{ ...STREAM.traffic[0], ...traffic }] };
}

function write(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Minutes of work: over the soft limit, well under the hard one. */
const SOFT = stream({ sessions: 100, ratePps: 5000 }, { durationMs: 3_600_000 });
/** Years of work. */
const HARD = stream({ sessions: 100_000, ratePps: 1_000_000 }, { durationMs: 86_400_000 });

async function waitFor<T>(probe: () => T | undefined | null | false, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('srlab run with a scenario too big to run', () => {
  it('refuses it before running, naming the path and the figures, and stores nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'runs.db');
    const r = await srlab(['run', write(dir, 'hard.srlab.json', HARD), '--db', db]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/hard\.srlab\.json: this scenario asks for about 8\.6e15 packets/);
    expect(lines[0]).toContain('lower `traffic[0].ratePps`, `traffic[0].sessions` or `durationMs`');
    expect(lines[0]).toContain('beyond what --force allows');
    const forced = await srlab(['run', write(dir, 'hard2.srlab.json', HARD), '--db', db, '--force']);
    expect(forced.code).toBe(2);
  });

  it('refuses a soft one without --force, saying --force runs it', async () => {
    const dir = tempDir();
    const r = await srlab(['run', write(dir, 'soft.srlab.json', SOFT), '--no-store']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('or pass --force to run it anyway');
  });

  it('judges the duration given by --duration-ms, not the file', async () => {
    const dir = tempDir();
    const r = await srlab(['run', write(dir, 'short.srlab.json', { ...SOFT, durationMs: 1000 }), '--no-store', '--duration-ms', '3600000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
  });

  it('runs a soft one with --force, and SIGTERM ends it promptly; the run is then interrupted', async () => {
    const dir = tempDir();
    const db = join(dir, 'runs.db');
    const child = spawn(process.execPath, [LAUNCHER, 'run', write(dir, 'soft.srlab.json', SOFT), '--force', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // Wait for the state, not a time: the run's row is committed before the engine starts.
    await waitFor(() => {
      try {
        const raw = new Sqlite(db, { readonly: true, fileMustExist: true });
        const row = raw.prepare(`SELECT status FROM runs`).get() as { status: string } | undefined;
        raw.close();
        return row?.status === 'running';
      } catch {
        return false;
      }
    }, 'the running row');
    child.kill('SIGTERM');
    const how = await exited;
    expect(how.signal === 'SIGTERM' || how.code !== 0).toBe(true);
    expect(stderr).not.toContain('asks for');
    const after = await srlab(['runs', '--db', db, '--json']);
    expect(after.stderr).toBe('');
    expect((JSON.parse(after.stdout) as { status: string }[])[0]!.status).toBe('interrupted');
  });
});

describe('srlab sweep', () => {
  it('counts the runs before planning them and refuses past the limit with the count', async () => {
    const dir = tempDir();
    const file = write(dir, 'lab.srlab.json', STREAM);
    const values = Array.from({ length: 100 }, (_, i) => i + 1).join(',');
    const r = await srlab(['sweep', file, '--vary', `traffic[0].ratePps=${values}`, '--vary', `traffic[0].packetBytes=${values}`, '--seeds', '10000', '--no-store']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}: the sweep would make 100,000,000 runs (100 × 100 × 10000 seeds); the limit is 10,000: vary fewer values, use fewer --seeds, or split it into several sweeps`,
    ]);
  });

  it('refuses a sweep one of whose runs is too big, naming the run', async () => {
    const dir = tempDir();
    const file = write(dir, 'lab.srlab.json', stream({ sessions: 100, ratePps: 50 }, { durationMs: 3_600_000 }));
    const r = await srlab(['sweep', file, '--vary', 'traffic[0].ratePps=50,5000', '--no-store']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run 2 \(ratePps=5000\): this scenario asks for/);
    expect(r.stderr).toContain('--force');
  });
});

describe('the lab with a heavy live run', () => {
  let dir: string;
  let lab: RunningLab;
  let ws: WebSocket;
  const replies = new Map<number, (r: any) => void>();
  const events: { event: string; payload: any }[] = [];
  let next = 1;
  const call = (method: string, params: unknown = {}): Promise<any> =>
    new Promise((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });

  beforeAll(async () => {
    dir = tempDir();
    const www = join(dir, 'www');
    mkdirSync(www);
    writeFileSync(join(www, 'index.html'), '<!doctype html>');
    const dbPath = join(dir, 'runs.db');
    lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {}, rendererDir: www });
    ws = new WebSocket(`ws://127.0.0.1:${lab.host.port}/api?token=${lab.host.token}`, { origin: `http://127.0.0.1:${lab.host.port}` });
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { id?: number; result?: unknown; event?: string; payload?: unknown };
      if (typeof m.id === 'number') replies.get(m.id)?.(m.result);
      else if (m.event) events.push({ event: m.event, payload: m.payload });
    });
    await new Promise((resolve) => ws.once('open', resolve));
  });

  afterAll(async () => {
    ws.close();
    await lab.close();
  });

  it('refuses a scenario past the soft limit as an error value naming the figures', async () => {
    const r = await call('sim:start', { scenario: SOFT, speed: 'max' });
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('too-big');
    expect(r.error.message).toContain('lower `traffic[0].ratePps`');
  });

  it('stops a heavy run at full speed mid-way and stores it as stopped', async () => {
    // About 2e8 events: under the soft limit, minutes of work at full speed.
    const heavy = stream({ sessions: 50, ratePps: 2000 }, { durationMs: 600_000 });
    const started = await call('sim:start', { scenario: heavy, speed: 'max' });
    expect(started.ok).toBe(true);
    await waitFor(() => events.some((e) => e.event === 'sim:snapshot' && e.payload.tMs > 0), 'the run to move');
    const stopped = await call('sim:stop');
    expect(stopped.ok).toBe(true);
    expect(stopped.value.runId).toBe(started.value.runId);
    const run = await call('runs:get', { id: started.value.runId });
    expect(run.value.status).toBe('stopped');
    // It stopped where it was: checkpoints (one per virtual second) end well before 600 s.
    expect(run.value.checkpoints.length).toBeLessThan(600);
  });
});
