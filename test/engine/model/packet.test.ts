import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Packet, PacketPool } from '../../../engine/model/packet.ts';

/** The small fields a packet packs into one integer, with the largest value each must hold. */
const small = {
  kind: fc.integer({ min: 0, max: 7 }),
  dir: fc.integer({ min: 0, max: 1 }),
  proto: fc.integer({ min: 0, max: 255 }),
  md: fc.boolean(),
  probe: fc.boolean(),
  mis: fc.boolean(),
  appKind: fc.integer({ min: 0, max: 7 }),
};

describe('a packet', () => {
  it('keeps each packed field apart: setting one in any order never changes another', () => {
    const field = fc.constantFrom(...(Object.keys(small) as (keyof typeof small)[]));
    const write = field.chain((k) => small[k].map((v) => [k, v] as const));
    fc.assert(
      fc.property(fc.record(small), fc.array(write, { maxLength: 30 }), (start, writes) => {
        const p = new Packet();
        Object.assign(p, start);
        const expected: Record<string, number | boolean> = { ...start };
        for (const [k, v] of writes) {
          (p as unknown as Record<string, number | boolean>)[k] = v;
          expected[k] = v;
        }
        for (const k of Object.keys(small)) expect((p as unknown as Record<string, unknown>)[k], k).toBe(expected[k]);
      }),
    );
  });

  it('comes back from the pool with every field cleared', () => {
    const pool = new PacketPool();
    const p = pool.get();
    Object.assign(p, {
      kind: 5,
      dir: 1,
      proto: 17,
      md: true,
      probe: true,
      mis: true,
      appKind: 3,
      hc: 9,
      epoch: 4,
      cAddr: 7,
      cPort: 20001,
      svc: 2,
      oSrcPort: 16384,
      lanHint: 12,
      wanHint: 40,
      bytes: 200,
      wire: 240,
      sendTime: 99,
    });
    pool.release(p);
    const again = pool.get();
    expect(again).toBe(p);
    expect({ ...again, kind: again.kind, dir: again.dir, proto: again.proto, md: again.md, probe: again.probe, mis: again.mis, appKind: again.appKind }).toEqual({
      ...new Packet(),
      kind: 0,
      dir: 0,
      proto: 0,
      md: false,
      probe: false,
      mis: false,
      appKind: 0,
    });
  });
});
