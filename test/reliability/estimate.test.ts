/**
 * The work estimate: close to what the engine really does on the templates, and a refusal that
 * names the JSON path and the figures for scenarios that would exhaust the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWork, estimateWork, parseScenario, Simulation, type Scenario } from '../../engine/index.ts';

const DIR = new URL('../../assets/scenarios/', import.meta.url);
const raw = (name: string) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, any>;
const STREAM = '05-one-way-stream-overhead-inactivity.srlab.json';

function scenario(value: unknown): Scenario {
  const r = parseScenario(value);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

describe('the work estimate', () => {
  it('is within a factor of two of the events every template really takes, and lets them all run', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.srlab.json'))) {
      const s = scenario(raw(file));
      const real = new Simulation(s).run().summary.events;
      const e = estimateWork(s);
      expect(e.events / real, file).toBeGreaterThan(0.5);
      expect(e.events / real, file).toBeLessThan(2);
      expect(checkWork(s).level, file).toBe('ok');
    }
  });

  it('grows with the rate, the sessions and the duration', () => {
    const base = raw(STREAM);
    const e0 = estimateWork(scenario(base)).packets;
    base.traffic[0].ratePps *= 10;
    const e1 = estimateWork(scenario(base)).packets;
    base.traffic[0].sessions *= 10;
    const e2 = estimateWork(scenario(base)).packets;
    expect(e1 / e0).toBeGreaterThan(8);
    expect(e2 / e1).toBeGreaterThan(8);
  });

  it('refuses 100 000 sessions at 10⁶ pps for 24 h, naming the packets, the limit and what to lower', () => {
    const s = raw(STREAM);
    Object.assign(s.traffic[0], { sessions: 100_000, ratePps: 1_000_000 });
    Object.assign(s, { durationMs: 86_400_000, faults: [] });
    const c = checkWork(scenario(s));
    expect(c.level).toBe('hard');
    if (c.level === 'ok') return;
    expect(c.message).toMatch(/^this scenario asks for about 8\.6e15 packets \([\d.]+e\d+ engine events\)/);
    expect(c.message).toContain('the limits are');
    expect(c.message).toContain('lower `traffic[0].ratePps`, `traffic[0].sessions` or `durationMs`');
  });

  it('refuses 200 traffic definitions of 100 000 sessions for their memory, naming the group', () => {
    const s = raw(STREAM);
    s.traffic = Array.from({ length: 200 }, (_, i) => ({ ...s.traffic[0], id: `t${i}`, sessions: 100_000, ratePps: 0.001 }));
    s.faults = [];
    const c = checkWork(scenario(s));
    expect(c.level).toBe('hard');
    if (c.level === 'ok') return;
    expect(c.message).toMatch(/GB of memory for 2\.0e7 sessions/);
    expect(c.message).toContain('the 200 entries of `traffic`');
  });

  it('refuses 1 000 link flaps of 100 000 flaps each, naming faults[…].count', () => {
    const s = raw(STREAM);
    s.traffic[0].sessions = 1;
    s.faults = Array.from({ length: 1000 }, () => ({ atMs: 0, type: 'link-flap', link: s.links[0].id, downMs: 1, upMs: 1, count: 100_000 }));
    const c = checkWork(scenario(s));
    expect(c.level).toBe('hard');
    if (c.level === 'ok') return;
    expect(c.message).toContain('lower `faults[0].count`');
    expect(c.message).toContain('the 1000 entries of `faults`');
  });

  it('calls a scenario of a few minutes of work soft (--force may run it)', () => {
    const s = raw(STREAM);
    Object.assign(s.traffic[0], { sessions: 100, ratePps: 5000 });
    Object.assign(s, { durationMs: 3_600_000, faults: [] });
    const c = checkWork(scenario(s));
    expect(c.level).toBe('soft');
  });
});
