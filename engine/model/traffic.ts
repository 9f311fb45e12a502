import type { TrafficDef } from '../scenario/schema.ts';
import type { RandomStream } from '../core/rng.ts';

/** A traffic definition resolved against the topology, with times in µs. */
export class TrafficRuntime {
  readonly proto: number;
  readonly tcp: boolean;
  readonly pattern: 0 | 1 | 2 | 3;
  readonly startUs: number;
  readonly stopUs: number;
  readonly intervalUs: number;
  readonly periodUs: number;
  readonly activeUs: number;
  readonly idleUs: number;
  readonly appTimeoutUs: number;
  /** Event-queue lanes for the periodic client and server ticks of this definition. */
  clientLane = -1;
  serverLane = -1;
  /** Next client port to hand out. */
  nextPort = 20000;

  readonly def: TrafficDef;
  /** Index of the definition. */
  readonly index: number;
  /** Node indices of the client and the server. */
  readonly client: number;
  readonly server: number;
  /** The client's LAN link. */
  readonly clientLink: number;
  /** Service index (server, port and protocol). */
  readonly svc: number;
  readonly serverPort: number;
  readonly rng: RandomStream;

  constructor(o: { def: TrafficDef; index: number; client: number; server: number; clientLink: number; svc: number; serverPort: number; rng: RandomStream; durationUs: number }) {
    const def = o.def;
    const durationUs = o.durationUs;
    this.def = def;
    this.index = o.index;
    this.client = o.client;
    this.server = o.server;
    this.clientLink = o.clientLink;
    this.svc = o.svc;
    this.serverPort = o.serverPort;
    this.rng = o.rng;
    this.tcp = def.protocol === 'tcp';
    this.proto = this.tcp ? 6 : 17;
    this.pattern = PATTERNS[def.pattern];
    this.startUs = Math.round(def.startMs * 1000);
    this.stopUs = def.stopMs === null ? durationUs : Math.min(durationUs, Math.round(def.stopMs * 1000));
    this.intervalUs = Math.max(1, Math.round(def.intervalMs * 1000));
    this.periodUs = Math.max(1, Math.round(1_000_000 / def.ratePps));
    this.activeUs = def.burst ? Math.round(def.burst.activeMs * 1000) : 0;
    this.idleUs = def.burst ? Math.round(def.burst.idleMs * 1000) : 0;
    this.appTimeoutUs = Math.round(def.appTimeoutMs * 1000);
  }

  /** Hands out a client port (wrapping inside the ephemeral range). */
  port(): number {
    const p = this.nextPort;
    this.nextPort = p >= 65000 ? 20000 : p + 1;
    return p;
  }

  /**
   * When a session with burst phase `phaseUs` may next send at or after `t`: `t` itself while in
   * an active period, else the start of the next one.
   */
  nextActive(t: number, phaseUs: number): number {
    if (this.activeUs === 0) return t;
    const cycle = this.activeUs + this.idleUs;
    const rel = t - this.startUs - phaseUs;
    if (rel < 0) return t;
    const inCycle = rel % cycle;
    return inCycle < this.activeUs ? t : t + (cycle - inCycle);
  }
}

const PATTERNS = { 'request-response': 0, 'stream-up': 1, 'stream-down': 2, bidirectional: 3 } as const;

/** Pattern indices. */
export const enum Pattern {
  RequestResponse = 0,
  StreamUp = 1,
  StreamDown = 2,
  Bidirectional = 3,
}
