/**
 * Reading what an HTTP client sent without trusting it: the request target and the Host header.
 * Nothing here throws; a value that cannot be read is `null`, which the server answers with 4xx.
 */

/** A request target split into its decoded path and its query. */
export interface Target {
  /** Percent-decoded path, always starting with `/`. */
  path: string;
  query: URLSearchParams;
}

/**
 * Splits `target` (the request line's origin-form, `/path?query`) by hand: `new URL` throws on
 * `//`, `//x:abc/` and friends, and `decodeURIComponent` on `%`, `%ff` or overlong UTF-8 like
 * `%c0%ae`. Returns null for anything that is not a plain path.
 */
export function splitTarget(target: string | undefined): Target | null {
  const t = target ?? '/';
  if (!t.startsWith('/')) return null;
  const q = t.indexOf('?');
  const raw = q < 0 ? t : t.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  return { path, query: new URLSearchParams(q < 0 ? '' : t.slice(q + 1)) };
}

/** The host name of a Host header (`name`, `1.2.3.4`, `[::1]`), lower case, or null when malformed. */
export function hostNameOf(header: string | undefined): string | null {
  if (header === undefined || header.length === 0 || header.length > 300) return null;
  let name: string;
  let rest: string;
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    if (end < 0) return null;
    name = header.slice(0, end + 1);
    rest = header.slice(end + 1);
  } else {
    const colon = header.indexOf(':');
    name = colon < 0 ? header : header.slice(0, colon);
    rest = colon < 0 ? '' : header.slice(colon);
  }
  if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)$/.test(name)) return null;
  return name.toLowerCase();
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** How the configured listen address is written in a Host header. */
function asHostName(host: string): string {
  const h = host.toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

/**
 * Whether a request's Host header names this machine: loopback names (`localhost`, `127.x.x.x`,
 * `[::1]`) or the host the lab listens on. When it listens on every address (`0.0.0.0`, `::`,
 * which needs --allow-remote) any IP literal is accepted too. A DNS-rebinding page always sends
 * its own domain name, so it is refused.
 */
export function hostAllowed(header: string | undefined, listenHost: string): boolean {
  const name = hostNameOf(header);
  if (name === null) return false;
  if (name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  const own = asHostName(listenHost);
  if (name === own) return true;
  const wildcard = own === '0.0.0.0' || own === '[::]' || own === '[::0]';
  return wildcard && (IPV4.test(name) || name.startsWith('['));
}
