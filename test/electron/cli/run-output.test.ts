import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_CSV_COLUMNS } from '../../../electron/services/reports/csv-format.ts';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const SPOKE_HUB = fixture('spoke-hub.srlab.json');

describe('srlab run summary', () => {
  it('starts with the scenario name, then seed, durations, speed, fingerprint and engine', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    expect(r.code).toBe(0);
    const [name, timing, identity] = r.stdout.split('\n');
    expect(name).toBe('cli spoke-hub: hub loses its sessions');
    expect(timing).toMatch(/^ {2}seed 1 · 20 s virtual · [\d.]+ m?s wall \((\d+(\.\d)?× real time|too fast to time)\)$/);
    expect(identity).toMatch(/^ {2}fingerprint [0-9a-f]{16} · engine \d+\.\d+\.\d+ · \d+ events$/);
  });

  it('has the sessions, packets, control, exposure and counters sections', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    const titles = r.stdout
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .slice(1);
    expect(titles.map((t) => t.split(' ')[0])).toEqual(['Sessions', 'Packets', 'Control', 'Exposure', 'Counters']);
  });

  it('shows only the recovered-by kinds that occurred', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    const sessions = r.stdout.slice(r.stdout.indexOf('\nSessions\n'), r.stdout.indexOf('\nPackets\n'));
    const json = JSON.parse((await srlab(['run', SPOKE_HUB, '--json'])).stdout) as { sessions: { recoveredBy: Record<string, number> } };
    for (const [kind, n] of Object.entries(json.sessions.recoveredBy)) {
      expect(sessions.includes(`\n  ${kind} `)).toBe(n > 0);
    }
  });

  it('says so when no session was affected', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'faults=[]']);
    expect(r.stdout).toContain('recovered by: (no affected sessions)');
  });

  it('says "(all counters zero)" for a router whose counters never moved', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'traffic=[]', '--set', 'faults=[]']);
    expect(r.stdout).toContain('  spoke1\n    (all counters zero)');
  });

  it('lists the --set assignments it ran with', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'faults=[]']);
    expect(r.stdout).toContain('\n  --set faults=[]\n');
  });

  it('fits in 100 columns', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('prints no escape codes when stderr is not a terminal', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    expect(r.stdout + r.stderr).not.toContain('\x1b');
    expect(r.stderr).toBe('');
  });
});

describe('srlab run --sessions', () => {
  async function csvRows(extra: readonly string[] = []): Promise<{ rows: string[]; json: Record<string, any> }> {
    const file = join(tempDir(), 'sessions.csv');
    const r = await srlab(['run', SPOKE_HUB, '--json', '--sessions', file, ...extra]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    return { rows: text.slice(0, -2).split('\r\n'), json: JSON.parse(r.stdout) as Record<string, any> };
  }

  it('writes a header row then one row per session', async () => {
    const { rows, json } = await csvRows();
    expect(rows[0]).toBe(SESSION_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + json['sessions'].total);
  });

  it('starts every row with the scenario name, seed and fingerprint', async () => {
    const { rows, json } = await csvRows(['--seed', '9']);
    for (const row of rows.slice(1)) expect(row.startsWith(`cli spoke-hub: hub loses its sessions,9,${json['fingerprint']},`)).toBe(true);
  });

  it('has the context columns first and then the session fields', () => {
    expect(SESSION_CSV_COLUMNS.slice(0, 4)).toEqual(['scenario', 'seed', 'fingerprint', 'id']);
    expect(SESSION_CSV_COLUMNS).toContain('recoveredBy');
  });

  it('quotes a scenario name holding a comma and a quote', async () => {
    const { rows } = await csvRows(['--set', 'name=a, "b"']);
    expect(rows[1]!.startsWith('"a, ""b""",1,')).toBe(true);
  });

  it('leaves no temporary file behind', async () => {
    const dir = tempDir();
    await srlab(['run', SPOKE_HUB, '--sessions', join(dir, 's.csv')]);
    expect(readdirSync(dir)).toEqual(['s.csv']);
  });

  it('replaces an existing file whole', async () => {
    const file = join(tempDir(), 's.csv');
    writeFileSync(file, 'old content\n'.repeat(1000));
    await srlab(['run', SPOKE_HUB, '--sessions', file]);
    expect(readFileSync(file, 'utf8')).not.toContain('old content');
  });

  it('exits 2 before running when the CSV cannot be written', async () => {
    const file = join(tempDir(), 'no-such-dir', 's.csv');
    const r = await srlab(['run', SPOKE_HUB, '--sessions', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`--sessions: cannot write ${file}: no such file or directory`]);
    expect(r.stdout).toBe('');
  });

  it('exits 1, prints nothing on stdout and keeps the old file when the final write fails', async () => {
    const file = join(tempDir(), 's.csv');
    writeFileSync(file, 'old\n');
    let writes = 0;
    const r = await srlab(['run', SPOKE_HUB, '--sessions', file], {
      writeFile: (path, data) => {
        if (++writes === 2) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        writeFileSync(path, data);
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`srlab: cannot write ${file}: no space left on the device\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('srlab run on a terminal', () => {
  it('shows progress on stderr and clears it before the summary', async () => {
    let t = 0;
    const r = await srlab(['run', SPOKE_HUB], { isStderrTty: true, now: () => (t += 300) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\rrunning \d+% of 20\.0 s virtual…/);
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('keeps the fingerprint of a run without progress', async () => {
    let t = 0;
    const tty = await srlab(['run', SPOKE_HUB, '--json'], { isStderrTty: true, now: () => (t += 300) });
    const piped = await srlab(['run', SPOKE_HUB, '--json']);
    expect(JSON.parse(tty.stdout).fingerprint).toBe(JSON.parse(piped.stdout).fingerprint);
  });
});

describe('srlab internal errors', () => {
  it('exits 1 and says it is an internal error when something unexpected throws', async () => {
    const r = await srlab(['run', SPOKE_HUB], {
      now: () => {
        throw new Error('clock broke');
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^srlab: internal error: Error: clock broke/);
  });
});
