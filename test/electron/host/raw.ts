/**
 * Raw-socket clients for hostile tests: HTTP requests written byte for byte (fetch refuses to
 * send `//x:abc/` or a foreign Host) and WebSocket frames built by hand (ws refuses to send an
 * unmasked frame, invalid UTF-8 or a bad close code).
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** What came back on a raw socket before it closed (or `ms` passed). */
export interface RawAnswer {
  /** The status code of the first response line, or null when none came. */
  status: number | null;
  text: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/** Opens a TCP connection to the lab. */
export function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Collects what the socket receives until the server closes it, or until `done(text)` holds. */
export function collect(s: Socket, done: (buf: Buffer) => boolean = () => false, ms = 10_000): Promise<{ buf: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve({ buf: Buffer.concat(chunks), closed });
    };
    const timer = setTimeout(() => finish(false), ms);
    s.on('data', (d: Buffer) => {
      chunks.push(d);
      if (done(Buffer.concat(chunks))) finish(false);
    });
    s.on('close', () => finish(true));
    s.on('end', () => finish(true));
    s.on('error', () => finish(true));
  });
}

/** Sends one raw HTTP request and reads the answer (the server closes after a refusal). */
export async function rawRequest(port: number, head: string): Promise<RawAnswer> {
  const s = await open(port);
  const got = collect(s, (b) => {
    const t = b.toString('latin1');
    const end = t.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const len = /content-length:\s*(\d+)/i.exec(t.slice(0, end));
    return len !== null && b.length >= end + 4 + Number(len[1]);
  });
  s.write(head);
  const { buf, closed } = await got;
  s.destroy();
  const text = buf.toString('latin1');
  const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return { status: m ? Number(m[1]) : null, text, closed };
}

/** A GET of `target` with the given Host header (and the token cookie when given). */
export function get(port: number, target: string, host = `127.0.0.1:${port}`, token?: string): Promise<RawAnswer> {
  const cookie = token ? `Cookie: srlab_token=${token}\r\n` : '';
  return rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n${cookie}Connection: close\r\n\r\n`);
}

/** The head of a WebSocket upgrade request to `target`. */
export function upgradeHead(port: number, target: string, extra = ''): string {
  const key = randomBytes(16).toString('base64');
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
}

/** Opens an API WebSocket by hand; resolves with the socket once the server said 101. */
export async function rawWebSocket(port: number, token: string): Promise<Socket> {
  const s = await open(port);
  const got = collect(s, (b) => b.includes('\r\n\r\n'));
  s.write(upgradeHead(port, `/api?token=${token}`));
  const { buf } = await got;
  s.removeAllListeners('data');
  s.removeAllListeners('close');
  s.removeAllListeners('end');
  s.removeAllListeners('error');
  s.on('error', () => {});
  if (!buf.toString('latin1').startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${buf.toString('latin1').split('\r\n')[0]}`);
  return s;
}

/** One WebSocket frame. `length` overrides the payload length written in the header. */
export function frame(opcode: number, payload: Buffer, o: { mask?: boolean; fin?: boolean; length?: number; rsv?: number } = {}): Buffer {
  const mask = o.mask ?? true;
  const len = o.length ?? payload.length;
  const head: number[] = [((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | (opcode & 0x0f)];
  const m = mask ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (len < 126) head.push(m | len);
  else if (len < 65536) {
    head.push(m | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(len);
  } else {
    head.push(m | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(len));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

/** A close frame with `code`. */
export function closeFrame(code: number): Buffer {
  const p = Buffer.alloc(2);
  p.writeUInt16BE(code);
  return frame(0x8, p);
}

/** The close code of the first close frame the server sent, or null. */
export function closeCodeOf(buf: Buffer): number | null {
  // Server frames are unmasked; walk them.
  let i = 0;
  while (i + 2 <= buf.length) {
    const op = buf[i]! & 0x0f;
    let len = buf[i + 1]! & 0x7f;
    let at = i + 2;
    if (len === 126) {
      len = buf.readUInt16BE(at);
      at += 2;
    } else if (len === 127) {
      len = Number(buf.readBigUInt64BE(at));
      at += 8;
    }
    if (op === 0x8) return len >= 2 ? buf.readUInt16BE(at) : 1005;
    i = at + len;
  }
  return null;
}
