/** `redis://[user:password@]HOST:PORT[/DB]` (or `rediss://` for TLS), checked into connection options. */

/** Where the queue's Redis is. */
export interface QueueUrl {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL without its password, for messages. */
  display: string;
}

/** The parsed URL, or a plain-words problem. */
export function parseQueueUrl(text: string): { ok: true; url: QueueUrl } | { ok: false; problem: string } {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, problem: `must be a Redis URL like redis://HOST:PORT, got "${text}"` };
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') return { ok: false, problem: `must start with redis:// or rediss://, got "${text}"` };
  if (u.hostname === '') return { ok: false, problem: `has no host, got "${text}"` };
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 15) return { ok: false, problem: `the database number after the port must be 0 to 15, got "${dbText}"` };
  const display = `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${port}${db ? `/${db}` : ''}`;
  return {
    ok: true,
    url: {
      host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      db,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      tls: u.protocol === 'rediss:',
      display,
    },
  };
}
