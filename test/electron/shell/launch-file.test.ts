/** A file handed over by a second launch is checked like a file the person opens. */
import { mkdirSync, mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptLaunchFile } from '../../../electron/main/launch-args.ts';

const dir = mkdtempSync(join(tmpdir(), 'srlab-launch-'));
writeFileSync(join(dir, 'lab.srlab.json'), '{}');
writeFileSync(join(dir, 'notes.txt'), 'x');
mkdirSync(join(dir, 'folder.srlab.json'));

describe('acceptLaunchFile', () => {
  it('accepts an existing .srlab.json file, relative to the sender’s folder', () => {
    expect(acceptLaunchFile('lab.srlab.json', dir, statSync)).toBe(join(dir, 'lab.srlab.json'));
    expect(acceptLaunchFile(join(dir, 'lab.srlab.json'), '/', statSync)).toBe(join(dir, 'lab.srlab.json'));
  });

  it.each([
    ['a number', 42],
    ['an object', { path: 'lab.srlab.json' }],
    ['an empty path', ''],
    ['a path with a NUL byte', 'lab.srlab.json\0.txt'],
    ['another kind of file', join(dir, 'notes.txt')],
    ['a system file', '/etc/passwd'],
    ['a device', '/dev/zero'],
    ['a folder named like a scenario', join(dir, 'folder.srlab.json')],
    ['a file that does not exist', join(dir, 'missing.srlab.json')],
    ['a very long path', `${'a/'.repeat(3000)}x.srlab.json`],
  ])('refuses %s', (_what, value) => {
    expect(acceptLaunchFile(value, dir, statSync)).toBeNull();
  });

  it('refuses a file over 20 MB', () => {
    expect(acceptLaunchFile(join(dir, 'lab.srlab.json'), dir, () => ({ isFile: () => true, size: 21 * 1024 * 1024 }))).toBeNull();
  });
});
