import { describe, expect, it } from 'vitest';
import { checkGenerateOptions, generateLab, GENERATE_DEFAULTS, parseScenario, type GenerateOptions, type Scenario } from '../../../engine/index.ts';

function lab(o: Partial<GenerateOptions> & { spokes: number }): Scenario {
  const r = parseScenario(generateLab({ ...GENERATE_DEFAULTS, ...o }));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

/** Pairs of nodes whose drawn boxes overlap (routers 190 × 78, hosts 160 × 52). */
function overlaps(s: Scenario): string[] {
  const boxes = s.nodes.map((n) => ({ id: n.id, x: n.position!.x, y: n.position!.y, w: n.kind === 'spoke' || n.kind === 'hub' ? 190 : 160, h: n.kind === 'spoke' || n.kind === 'hub' ? 78 : 52 }));
  boxes.sort((a, b) => a.x - b.x);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < a.x + a.w; j++) {
      const b = boxes[j]!;
      if (b.y < a.y + a.h && a.y < b.y + b.h) out.push(`${a.id}/${b.id}`);
    }
  }
  return out;
}

describe('generateLab', () => {
  it('makes a valid lab of the asked size: every spoke dual-homed, clients and sessions as asked', () => {
    const s = lab({ spokes: 50, hubs: 3, clientsPerSpoke: 2, sessionsPerClient: 4 });
    expect(s.nodes.filter((n) => n.kind === 'spoke')).toHaveLength(50);
    expect(s.nodes.filter((n) => n.kind === 'hub')).toHaveLength(3);
    expect(s.nodes.filter((n) => n.kind === 'client')).toHaveLength(100);
    expect(s.links.filter((l) => l.id.startsWith('wan'))).toHaveLength(100);
    expect(s.traffic.reduce((n, t) => n + t.sessions, 0)).toBe(400);
  });

  it('puts the hubs in a row above a grid of spokes, with no two nodes on top of each other', () => {
    const s = lab({ spokes: 1000, hubs: 4 });
    const hubs = s.nodes.filter((n) => n.kind === 'hub');
    expect(new Set(hubs.map((h) => h.position!.y)).size).toBe(1);
    const spokesTop = Math.min(...s.nodes.filter((n) => n.kind === 'spoke').map((n) => n.position!.y));
    expect(spokesTop).toBeGreaterThan(hubs[0]!.position!.y);
    expect(overlaps(s)).toEqual([]);
  });

  it('lays spokes out in rings around the hubs without overlaps', () => {
    const s = lab({ spokes: 300, hubs: 2, clientsPerSpoke: 2, layout: 'rings' });
    expect(overlaps(s)).toEqual([]);
  });

  it('puts every k-th spoke behind NAT and sets the recovery mode and pattern', () => {
    const s = lab({ spokes: 9, natEvery: 3, mode: 'inactivity-based', pattern: 'stream-up' });
    const natted = new Set(s.links.filter((l) => l.nat !== null).map((l) => l.nat!.inside));
    expect([...natted].sort()).toEqual(['spoke3', 'spoke6', 'spoke9']);
    expect(s.authority.sessionRecoveryDetection.mode).toBe('inactivity-based');
    expect(s.traffic.every((t) => t.pattern === 'stream-up' && t.protocol === 'udp')).toBe(true);
  });

  it('gives the same file for the same options', () => {
    expect(JSON.stringify(generateLab({ ...GENERATE_DEFAULTS, spokes: 40, layout: 'rings' }))).toBe(JSON.stringify(generateLab({ ...GENERATE_DEFAULTS, spokes: 40, layout: 'rings' })));
  });
});

describe('checkGenerateOptions', () => {
  it('names every bad option', () => {
    const r = checkGenerateOptions({ spokes: 0, hubs: 100, pattern: 'chatty' as GenerateOptions['pattern'], layout: 'spiral' as GenerateOptions['layout'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.option).sort()).toEqual(['hubs', 'layout', 'pattern', 'spokes']);
    expect(r.problems.find((p) => p.option === 'spokes')!.message).toBe('must be a whole number from 1 to 10000');
  });

  it('needs the number of spokes', () => {
    const r = checkGenerateOptions({});
    expect(r.ok ? [] : r.problems.map((p) => p.option)).toEqual(['spokes']);
  });
});
