import { describe, expect, it } from 'vitest';
import { NIL, SessionStore, sessionInfo, sideInfo, type NewSide } from '../../../engine/model/session-store.ts';
import { Simulation } from '../../../engine/index.ts';
import { spokeHub } from '../helpers/build.ts';

const side = (sess: number, o: Partial<NewSide> = {}): NewSide => ({
  sess,
  side: 1,
  path: 3,
  localPort: 16384,
  peerAddr: 7,
  peerPort: 16385,
  sendMd: true,
  now: 1.5,
  pinhole: false,
  outside: false,
  ...o,
});

describe('session store', () => {
  it('keeps every field of a session and of a side apart, fractional times included', () => {
    const st = new SessionStore(4);
    const s = st.newSession(5, 9, (40000 << 16) | 2, 6, 11, 1234.25, 42);
    st.setLan(s, 0, 17);
    const ws = st.newSide(side(s, { localPort: 65534, peerPort: 65535, peerAddr: 123456, now: 99.75, pinhole: true, outside: true }));
    st.setWan(s, 1, ws);
    st.setLearnedSide(s, 1);
    st.setExpiryCls(s, 2);
    st.setStuck(s, true);
    st.setSeenReverse(s);
    st.setMdRxSinceTx(ws, 7);
    st.setHcNonce(ws, 0x7fffffff);
    st.setHcAt(ws, 5e12 + 0.5);
    expect(sessionInfo(st, s)).toEqual({
      id: s,
      router: 5,
      alive: true,
      stuck: true,
      learnedSide: 1,
      seenReverse: true,
      proto: 6,
      cAddr: 9,
      cPort: 40000,
      innerLo: (40000 << 16) | 2,
      sAddr: 11,
      app: 42,
      lastActivity: 1234.25,
      wan0: NIL,
      wan1: ws,
      lan0: 17,
      lan1: -1,
    });
    expect(st.expiryCls(s)).toBe(2);
    const info = sideInfo(st, ws);
    expect(info).toMatchObject({
      side: 1,
      path: 3,
      localPort: 65534,
      peerPort: 65535,
      peerAddr: 123456,
      lastRx: 99.75,
      hcNonce: 0x7fffffff,
      hcAt: 5e12 + 0.5,
      pinhole: true,
      outside: true,
      sendMd: true,
    });
    expect(st.mdRxSinceTx(ws)).toBe(3); // saturates
    expect(st.isSendingTuple(ws, 123456, 65535, 65534)).toBe(true);
    expect(st.isSendingTuple(ws, 123456, 65535, 65532)).toBe(false);
    st.setPeer(ws, 8, 20000);
    expect([st.peerAddr(ws), st.peerPort(ws), st.localPort(ws)]).toEqual([8, 20000, 65534]);
  });

  it('takes freed ids back last freed first, as the old registry did (rules walk sessions in id order)', () => {
    const st = new SessionStore(2);
    const ids = [0, 1, 2, 3, 4].map(() => st.newSession(1, 1, 1, 17, 2, 0, -1));
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    st.kill(1);
    st.freeSession(1);
    st.kill(3);
    st.freeSession(3);
    expect(st.alive(1)).toBe(false);
    expect(st.alive(3)).toBe(false);
    expect(st.newSession(1, 1, 1, 17, 2, 0, -1)).toBe(3);
    expect(st.newSession(1, 1, 1, 17, 2, 0, -1)).toBe(1);
    expect(st.newSession(1, 1, 1, 17, 2, 0, -1)).toBe(5);
    // A session abandoned before it entered a table gives its id straight back.
    const t = st.newSession(1, 1, 1, 17, 2, 0, -1);
    st.freeSession(t);
    expect(st.newSession(1, 1, 1, 17, 2, 0, -1)).toBe(t);
    expect(st.sessionEnd).toBe(7);
  });

  it('keeps records when it grows, and a copy is independent of the original', () => {
    const st = new SessionStore(1);
    const made: number[] = [];
    for (let i = 0; i < 500; i++) {
      const s = st.newSession(i % 7, i + 1, i * 3, 17, i + 2, i / 4, i);
      const ws = st.newSide(side(s, { localPort: 16384 + 2 * i, now: i + 0.125 }));
      st.setWan(s, 0, ws);
      made.push(s);
    }
    const ws0 = st.wan(made[0]!, 0);
    st.aliasList(ws0).push(1, 2, -1);
    st.setLastDisableFwd(ws0, 77);
    const copy = st.copy();
    for (const s of made) {
      expect(copy.lastActivity(s)).toBe(s / 4);
      expect(copy.innerHi(s)).toBe(s + 1);
      expect(copy.lastRx(copy.wan(s, 0))).toBe(s + 0.125);
      expect(copy.localPort(copy.wan(s, 0))).toBe(16384 + 2 * s);
    }
    copy.setLastActivity(0, 9);
    copy.aliasList(ws0).push(3, 4, -1);
    copy.setLastDisableFwd(ws0, 88);
    expect(st.lastActivity(0)).toBe(0);
    expect(st.aliases(ws0)).toEqual([1, 2, -1]);
    expect(st.lastDisableFwd(ws0)).toBe(77);
    expect(copy.aliases(ws0)).toEqual([1, 2, -1, 3, 4, -1]);
    // A freed side forgets its rare part: the next side on that id starts clean.
    st.freeSide(ws0);
    const again = st.newSide(side(0));
    expect(again).toBe(ws0);
    expect(st.aliases(again)).toBeNull();
    expect(st.lastDisableFwd(again)).toBe(-1);
  });

  it('leaves no session or side behind when a run ends with every session expired', () => {
    const sim = new Simulation(spokeHub({ durationMs: 8000, sessionTimeouts: { udpMs: 1000 }, traffic: [{ protocol: 'udp', pattern: 'bidirectional', sessions: 5, ratePps: 20, stopMs: 3000 }] }));
    sim.runUntil(2_000_000);
    expect(sim.w.routerList.map((r) => r.sessions)).toEqual([5, 5]);
    sim.run();
    const st = sim.w.sessions;
    let alive = 0;
    for (let s = 0; s < st.sessionEnd; s++) if (st.alive(s)) alive++;
    expect(alive).toBe(0);
    for (const r of sim.w.routerList) {
      expect(r.lan.size).toBe(0);
      expect(r.wan.size).toBe(0);
      expect(r.sessions).toBe(0);
    }
  });
});
