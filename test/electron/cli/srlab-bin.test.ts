import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from './helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../../electron/cli/srlab.mjs', import.meta.url));

/** Spawns the real bin from an unrelated working directory. */
function spawnSrlab(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: tempDir(), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('srlab bin', () => {
  it('exits 2 with one problem line and no stack trace for a malformed file', () => {
    const r = spawnSrlab(['run', fixture('malformed.srlab.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('this file is not valid JSON');
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(r.stdout).toBe('');
  });

  it('prints exactly one JSON object on stdout for run --json', () => {
    const r = spawnSrlab(['run', fixture('spoke-hub.srlab.json'), '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json['scenario']).toBe('cli spoke-hub: hub loses its sessions');
    expect(r.stderr).toBe('');
  });

  it('loads only what the command needs: --version and validate load no database, web server or queue client', () => {
    // Module-loading hooks (node:module register) log every module the bin resolves.
    const dir = tempDir();
    const log = join(dir, 'loaded.txt');
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(log, r.url + '\\n'); return r; }
`,
    );
    writeFileSync(
      join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });\n`,
    );
    const loaded = (args: string[]): string[] => {
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, LAUNCHER, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    };
    const heavy = (urls: string[]) => urls.filter((u) => /node_modules\/(better-sqlite3|ws|bullmq|ioredis)\//.test(u));
    const version = loaded(['--version']);
    expect(version.some((u) => u.includes('srlab'))).toBe(true);
    expect(heavy(version)).toEqual([]);
    expect(version.filter((u) => u.includes('node_modules/zod/'))).toEqual([]);
    expect(heavy(loaded(['validate', fixture('spoke-hub.srlab.json')]))).toEqual([]);
    // The log sees what is loaded: a stored run does load the database.
    expect(heavy(loaded(['run', fixture('spoke-hub.srlab.json'), '--db', join(dir, 'runs.db')])).some((u) => u.includes('better-sqlite3'))).toBe(true);
  });

  it('exits 2 for an unknown command', () => {
    const r = spawnSrlab(['frobnicate', 'run-1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
