/**
 * The browser host: serves the built renderer and the API over a WebSocket on loopback, like
 * Jupyter — every HTTP request and WebSocket needs the token (in the URL once, then an
 * HttpOnly SameSite=Strict cookie for the page's own assets). Same contract, validation and
 * services as the Electron bridge.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiResult, EventName, Events } from '../../../engine/index.ts';

/** Options of the host. */
export interface HostOptions {
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Answers one API call (never throws). */
  handle: (method: unknown, params: unknown) => Promise<ApiResult<unknown>>;
  /** A fixed token (tests); otherwise a random one. */
  token?: string;
}

/** A running host. */
export interface RunningHost {
  url: string;
  token: string;
  port: number;
  /** Pushes an event to every connected page. */
  broadcast<E extends EventName>(event: E, payload: Events[E]): void;
  /** Bytes of the last message of each event kind (the snapshot-size figure). */
  lastBytes: Map<string, number>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const COOKIE = 'srlab_token';

/** Whether an address is loopback (binding elsewhere needs an explicit flag). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function tokenOf(req: IncomingMessage): { fromQuery: string | null; fromCookie: string | null } {
  const url = new URL(req.url ?? '/', 'http://x');
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === COOKIE)?.[1] ?? null;
  return { fromQuery: url.searchParams.get('token'), fromCookie: cookie };
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

/** Starts the host; resolves once it listens. */
export async function startHost(o: HostOptions): Promise<RunningHost> {
  const token = o.token ?? randomBytes(24).toString('hex');
  const lastBytes = new Map<string, number>();
  const root = normalize(o.rendererDir + sep);
  const server: Server = createServer((req, res) => void serve(req, res));

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t = tokenOf(req);
    const okQuery = sameToken(t.fromQuery, token);
    if (!okQuery && !sameToken(t.fromCookie, token)) return refuse(res, 403, 'Forbidden: this Session Recovery Lab needs the token printed when it started (open the full URL with ?token=…).');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return refuse(res, 404, 'Not found');
    try {
      const st = await stat(file);
      if (!st.isFile()) return refuse(res, 404, 'Not found');
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      };
      if (extname(file) === '.html') {
        headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
        headers['x-frame-options'] = 'DENY';
      }
      if (okQuery) headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      refuse(res, 404, 'Not found');
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const t = tokenOf(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    const host = req.headers.host;
    // A page from another origin must not drive the lab even if it guessed the port.
    const originOk = origin === undefined || origin === `http://${host}` || origin === `https://${host}`;
    if (url.pathname !== '/api' || !originOk || (!sameToken(t.fromQuery, token) && !sameToken(t.fromCookie, token))) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nForbidden: the API needs the lab token.\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connection(ws));
  });

  function connection(ws: WebSocket): void {
    ws.on('message', (data) => {
      let msg: { id?: unknown; method?: unknown; params?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'bad-params', message: 'the message is not JSON' } } }));
      }
      const id = typeof msg.id === 'number' ? msg.id : null;
      void o.handle(msg.method, msg.params).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    port,
    lastBytes,
    broadcast(event, payload) {
      const text = JSON.stringify({ event, payload });
      lastBytes.set(event, Buffer.byteLength(text));
      for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(text);
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
