/**
 * The app:// protocol: the built renderer (dist/renderer) served from a privileged custom
 * scheme instead of file:// (Electron security checklist: "avoid the file protocol"), with the
 * Content-Security-Policy sent as a response header. Resolution is a pure function over the
 * request URL, so traversal and headers are tested without Electron.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/** The scheme and host of every page of the app: `app://lab/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window opens. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the scheme (registerSchemesAsPrivileged): standard (relative URLs, an origin)
 * and secure (a secure context, like https). Deliberately not `corsEnabled` (it would let
 * other origins read these files), `bypassCSP` or `allowServiceWorkers`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * The page's CSP. Scripts only from the app itself (no inline, no eval); inline styles because
 * React Flow and ECharts position elements with style attributes; no remote origin anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The MIME type served for a file name. */
export function mimeType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every response of the scheme. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}

/** Where a request goes: a file under the root, or a refusal with its status. */
export type AppResolution = { ok: true; file: string; headers: Record<string, string> } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Whether a URL is a page or file of the app (scheme and host both match). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps `app://lab/<path>` to a file under `root`. Refuses other hosts, undecodable paths, NUL
 * bytes and anything that resolves outside `root` (`..`, encoded `%2e%2e%2f`, backslashes,
 * absolute paths). `/` serves index.html. Pure: no file is touched.
 */
export function resolveAppRequest(url: string, root: string): AppResolution {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 404, reason: 'not the app origin' };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'undecodable path' };
  }
  if (path.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  const segments = path.split(/[\\/]+/).filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  const base = resolve(root);
  const file = resolve(base, ...(segments.length === 0 ? ['index.html'] : segments));
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  return { ok: true, file, headers: { ...securityHeaders(), 'content-type': mimeType(file) } };
}

/** Reads a file (injectable for tests). */
export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * Answers one request of the scheme (the `protocol.handle` callback): GET/HEAD only, the file's
 * bytes with its MIME type and the security headers, else a plain-text refusal.
 */
export async function respondToAppRequest(request: { url: string; method: string }, root: string, read: ReadFile = readFile): Promise<Response> {
  const refuse = (status: number, text: string): Response => new Response(`${text}\n`, { status, headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  const r = resolveAppRequest(request.url, root);
  if (!r.ok) return refuse(r.status, r.status === 400 ? 'Bad request' : r.status === 403 ? 'Forbidden' : 'Not found');
  let body: Uint8Array;
  try {
    body = await read(r.file);
  } catch {
    return refuse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers: r.headers });
}
