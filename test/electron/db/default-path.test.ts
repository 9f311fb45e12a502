import { describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../../electron/services/db/index.ts';

describe('defaultDbPath', () => {
  it('uses ~/.local/share/session-recovery-lab on Linux without XDG_DATA_HOME', () => {
    expect(defaultDbPath({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/session-recovery-lab/runs.db');
  });

  it('uses $XDG_DATA_HOME on Linux when it is absolute', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: '/data/ann' }, 'linux', '/home/ann')).toBe('/data/ann/session-recovery-lab/runs.db');
  });

  it('ignores a relative $XDG_DATA_HOME, as the XDG spec says', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: 'data' }, 'linux', '/home/ann')).toBe('/home/ann/.local/share/session-recovery-lab/runs.db');
  });

  it('uses the XDG rule on other Unixes too', () => {
    expect(defaultDbPath({}, 'freebsd', '/usr/home/ann')).toBe('/usr/home/ann/.local/share/session-recovery-lab/runs.db');
  });

  it('uses Application Support on macOS, even with XDG_DATA_HOME set', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: '/x' }, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Session Recovery Lab/runs.db');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Session Recovery Lab\\runs.db');
  });

  it('falls back to AppData\\Roaming under the home folder on Windows without %APPDATA%', () => {
    expect(defaultDbPath({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Session Recovery Lab\\runs.db');
  });

  it('lets SRLAB_DB override the folder on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32']) expect(defaultDbPath({ SRLAB_DB: '/tmp/x.db', APPDATA: 'C:\\a' }, platform, '/h')).toBe('/tmp/x.db');
  });

  it('ignores an empty SRLAB_DB', () => {
    expect(defaultDbPath({ SRLAB_DB: '' }, 'linux', '/home/ann')).toBe('/home/ann/.local/share/session-recovery-lab/runs.db');
  });
});
