import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

  it('exits 2 for an unknown command', () => {
    const r = spawnSrlab(['frobnicate', 'run-1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
