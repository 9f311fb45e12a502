import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Fingerprint } from '../../../engine/core/fingerprint.ts';
import { firstDivergence, parseScenarioText, Simulation } from '../../../engine/index.ts';

type Ev = [time: number, node: number, kind: number];

const evArb: fc.Arbitrary<Ev> = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 255 }));

function hexOf(events: readonly Ev[]): string {
  const fp = new Fingerprint();
  for (const [t, n, k] of events) fp.add(t, n, k);
  return fp.hex();
}

describe('Fingerprint', () => {
  it('is 16 hex digits', () => {
    expect(hexOf([])).toMatch(/^[0-9a-f]{16}$/);
    expect(hexOf([[1, 2, 3]])).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same for the same events in the same order', () => {
    fc.assert(
      fc.property(fc.array(evArb, { maxLength: 200 }), (events) => {
        expect(hexOf(events)).toBe(hexOf([...events]));
      }),
      { numRuns: 50 },
    );
  });

  it('changes when one event differs in time, node or kind', () => {
    fc.assert(
      fc.property(fc.array(evArb, { minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 ** 20 }), (events, at, field, delta) => {
        const i = at % events.length;
        const changed = events.map((e) => [...e] as Ev);
        const e = changed[i]!;
        if (field === 0) e[0] = e[0] + delta;
        else if (field === 1) e[1] = (e[1] + delta) % 0x1000000;
        else e[2] = (e[2] + (delta % 255) + 1) % 256;
        fc.pre(e[field] !== events[i]![field]);
        expect(hexOf(changed)).not.toBe(hexOf(events));
      }),
      { numRuns: 50 },
    );
  });

  it('changes when an event is added or removed', () => {
    fc.assert(
      fc.property(fc.array(evArb, { minLength: 1, maxLength: 100 }), (events) => {
        expect(hexOf(events.slice(1))).not.toBe(hexOf(events));
        expect(hexOf([...events, events[0]!])).not.toBe(hexOf(events));
      }),
      { numRuns: 50 },
    );
  });

  it('changes when two different events swap places', () => {
    fc.assert(
      fc.property(evArb, evArb, (a, b) => {
        fc.pre(a.join() !== b.join());
        expect(hexOf([b, a])).not.toBe(hexOf([a, b]));
      }),
      { numRuns: 50 },
    );
  });

  it('counts the events folded in', () => {
    const fp = new Fingerprint();
    for (let i = 0; i < 7; i++) fp.add(i, 0, 1);
    expect(fp.count).toBe(7);
  });
});

describe('the run fingerprint covers actions, not only events', () => {
  const load = (f: string) => {
    const r = parseScenarioText(readFileSync(fileURLToPath(new URL(`../../../assets/scenarios/${f}`, import.meta.url)), 'utf8'));
    if (!r.ok) throw new Error(f);
    return r.scenario;
  };

  it('tells apart two runs with the same events whose routers act differently (scanner vs packet- and inactivity-based hub)', () => {
    const a = load('03-scanner-against-hub-packet-based.srlab.json');
    const b = load('04-scanner-against-hub-inactivity-based.srlab.json');
    const ra = new Simulation(a).run();
    const rb = new Simulation(b).run();
    expect(ra.summary.events).toBe(rb.summary.events);
    expect(ra.summary.fingerprint).not.toBe(rb.summary.fingerprint);
    const d = firstDivergence(
      { scenario: a, options: {}, checkpoints: ra.checkpoints, fingerprint: ra.summary.fingerprint },
      { scenario: b, options: {}, checkpoints: rb.checkpoints, fingerprint: rb.summary.fingerprint },
    );
    expect(d.kind).toBe('diverged');
    if (d.kind !== 'diverged') return;
    // The first scanner probe: one hub answers, the other drops it silently.
    expect(d.tMs).toBe(10_000);
    expect(d.a?.action).toBe('counted emulator/enable-metadata-sent on hub1');
    expect(d.b?.action).toBe('counted emulator/no-flow-dropped-silently on hub1');
  });

  it('moves with every packet sent, lost or delivered and every counter change', () => {
    const fp = (log: (f: Fingerprint) => void) => {
      const f = new Fingerprint();
      f.add(5, 1, 1);
      log(f);
      return f.hex();
    };
    const none = fp(() => {});
    const sent = fp((f) => f.act(3, 0x100000));
    const counted = fp((f) => f.act(3, 0x400000 | 17));
    expect(new Set([none, sent, counted]).size).toBe(3);
    expect(fp((f) => f.act(3, 0x100000))).toBe(sent);
  });
});
