/**
 * The browser host: serves the built renderer and the API over a WebSocket on loopback, like
 * Jupyter — every HTTP request and WebSocket needs the token (in the URL once, then an
 * HttpOnly SameSite=Strict cookie for the page's own assets). Same contract, validation and
 * services as the Electron bridge.
 *
 * Nothing a client sends may end the process: request targets are parsed by hand (the URL
 * parser throws on `//x:abc/`), every socket has an error handler, a message must be a JSON
 * object, and each connection may only queue so much work (`busy` beyond it). The Host header
 * must name this machine or the configured host, so a DNS-rebinding page cannot reach the lab.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ApiResult, EventName, Events } from '../../../engine/index.ts';
import { ConnectionQueue, type QueueLimits } from './connection-queue.ts';
import { hostAllowed, splitTarget } from './request.ts';

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
  /** How much one connection may have running and waiting (defaults in connection-queue.ts). */
  limits?: Partial<QueueLimits>;
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
/** Largest WebSocket message accepted; a bigger one closes the connection (1009). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

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

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: string, text: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`, () => socket.destroy());
}

const BAD_HOST = "Forbidden: this lab answers only to this machine's own addresses (localhost, 127.0.0.1, [::1]) or the host it was started with.";
const NO_TOKEN = 'Forbidden: this Session Recovery Lab needs the token printed when it started (open the full URL with ?token=…).';

/** Starts the host; resolves once it listens. */
export async function startHost(o: HostOptions): Promise<RunningHost> {
  const token = o.token ?? randomBytes(24).toString('hex');
  const lastBytes = new Map<string, number>();
  const root = normalize(o.rendererDir + sep);
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  // A socket reset by the client must not surface as an unhandled 'error'.
  server.on('connection', (socket) => socket.on('error', () => socket.destroy()));

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => res.destroy());
    if (!hostAllowed(req.headers.host, o.host)) return refuse(res, 421, BAD_HOST);
    const target = splitTarget(req.url);
    if (target === null) return refuse(res, 400, 'Bad request: the address is not a valid path');
    const okQuery = sameToken(target.query.get('token'), token);
    if (!okQuery && !sameToken(cookieToken(req), token)) return refuse(res, 403, NO_TOKEN);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const file = normalize(join(root, target.path === '/' ? 'index.html' : target.path));
    if (!file.startsWith(root)) return refuse(res, 404, 'Not found');
    let body: Buffer;
    try {
      const st = await stat(file);
      if (!st.isFile()) return refuse(res, 404, 'Not found');
      body = await readFile(file);
    } catch {
      return refuse(res, 404, 'Not found');
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (extname(file) === '.html') {
      // The page talks only to its own API socket: ws:// on exactly the host it was loaded from.
      const ws = `ws://${req.headers.host}`;
      headers['content-security-policy'] =
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ${ws}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;
      headers['x-frame-options'] = 'DENY';
    }
    if (okQuery) headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', () => {});
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const target = splitTarget(req.url);
    if (!hostAllowed(req.headers.host, o.host)) return refuseUpgrade(socket, '421 Misdirected Request', BAD_HOST);
    if (target === null) return refuseUpgrade(socket, '400 Bad Request', 'Bad request: the address is not a valid path');
    const origin = req.headers.origin;
    const host = req.headers.host;
    // A page from another origin must not drive the lab even if it guessed the port.
    const originOk = origin === undefined || origin === `http://${host}` || origin === `https://${host}`;
    if (target.path !== '/api' || !originOk || (!sameToken(target.query.get('token'), token) && !sameToken(cookieToken(req), token))) {
      return refuseUpgrade(socket, '403 Forbidden', 'Forbidden: the API needs the lab token.');
    }
    try {
      wss.handleUpgrade(req, socket, head, (ws) => connection(ws));
    } catch {
      socket.destroy();
    }
  });

  function connection(ws: WebSocket): void {
    // Invalid UTF-8, an unmasked frame, a bad close code or an oversized message: ws closes the
    // socket with the right code and reports it here; without a listener it would throw.
    ws.on('error', () => ws.terminate());
    const reply = (id: number | null, result: ApiResult<unknown>): void => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        ws.send(JSON.stringify({ id, result }));
      } catch (e) {
        ws.send(JSON.stringify({ id, result: { ok: false, error: { code: 'internal', message: `the answer could not be sent (${e instanceof Error ? e.message : String(e)})` } } }));
      }
    };
    const queue = new ConnectionQueue(o.handle, reply, () => ws.bufferedAmount, o.limits);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const msg = isBinary ? undefined : parseMessage(data);
      if (msg === undefined) return reply(null, { ok: false, error: { code: 'bad-params', message: 'a message must be a JSON object {"id": number, "method": "…", "params": {…}}' } });
      queue.push(typeof msg['id'] === 'number' ? msg['id'] : null, msg['method'], msg['params']);
    });
    ws.on('close', () => queue.close());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  server.on('error', () => {});
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
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A message's JSON object, or undefined when it is not one (`null`, a number, not JSON…). */
function parseMessage(data: RawData): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    value = JSON.parse(buf.toString('utf8'));
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
