/**
 * The N-1 report (the What if view's export): one self-contained HTML file with the baseline it
 * measured against, the ranking table worst first, and the blast-radius map — every element
 * coloured by the harm of its failure, the same levels the app draws.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { n1Report } from '../../../electron/services/reports/n1-report.ts';
import { generateLab, GENERATE_DEFAULTS, HARM_COLORS, harmLevel, parseScenario, type Scenario, type WhatIfRank, type WhatIfState } from '../../../engine/index.ts';
import { expectSelfContained } from './self-contained.ts';

function scenario(json: unknown): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.scenario;
}

const DUAL_HUB = scenario(JSON.parse(readFileSync(new URL('../../../assets/scenarios/09-dual-hub-failover.srlab.json', import.meta.url), 'utf8')));

const RANKING: WhatIfRank[] = [
  { rank: 1, kind: 'hub', element: 'hub1', sessionsLost: 12, sessionsAffected: 40, worstOutageMs: 9_500, runIds: ['r-hub1'] },
  { rank: 2, kind: 'hub', element: 'hub2', sessionsLost: 0, sessionsAffected: 0, worstOutageMs: 0, runIds: ['r-hub2'] },
];

function state(over: Partial<WhatIfState> = {}): WhatIfState {
  return {
    sweepId: 's-test',
    scenarioName: DUAL_HUB.name,
    failEach: 'hub',
    state: 'done',
    done: 3,
    total: 3,
    elapsedMs: 4_200,
    etaMs: 0,
    baseline: { keptFaults: false, labFaults: 1, failAtMs: 20_000, failForMs: 10_000 },
    baselineRunId: 'r-base',
    ranking: RANKING,
    ...over,
  };
}

/** The map's node fills, by node id (each node is a <g> with its rect, label and tooltip). */
function nodeFills(doc: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of doc.matchAll(/<g><rect [^>]*fill="(#[0-9A-Fa-f]{6})"[^>]*\/>(?:<text[^>]*>[^<]*<\/text>)?<title>([^:<]+):/g)) out[m[2]!] = m[1]!;
  return out;
}

describe('N-1 report', () => {
  it('is one self-contained file with the ranking table worst first and every run id', () => {
    const doc = n1Report({ scenario: DUAL_HUB, state: state() });
    expectSelfContained(doc);
    const rows = [...doc.matchAll(/<tr><td class="n">(\d+)<\/td><td>(\w+) <b>([^<]+)<\/b>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows).toEqual(['1 hub hub1', '2 hub hub2']);
    for (const id of ['r-hub1', 'r-hub2', 'r-base', 's-test']) expect(doc).toContain(id);
    expect(doc).toMatch(/<b>hub hub1<\/b> hurts most/);
  });

  it('names the elements that tie at the head of the ranking together, not the first alone', () => {
    const tied: WhatIfRank[] = [1, 2, 3, 4].map((i) => ({ rank: 1, kind: 'spoke', element: `spoke${i}`, sessionsLost: 0, sessionsAffected: 10, worstOutageMs: 15_000, runIds: [] }));
    const doc = n1Report({ scenario: DUAL_HUB, state: state({ failEach: 'spoke', ranking: tied }) });
    expect(doc).toContain('4 hurt most, alike: <b>spoke spoke1, spoke spoke2, spoke spoke3 and 1 more</b>; each 0 sessions lost');
    const harmless = tied.map((r) => ({ ...r, sessionsAffected: 0, worstOutageMs: 0 }));
    expect(n1Report({ scenario: DUAL_HUB, state: state({ failEach: 'spoke', ranking: harmless }) })).toContain('none harms a session beyond the baseline');
  });

  it('colours every element of the map by the harm of its failure (untested ones grey)', () => {
    const doc = n1Report({ scenario: DUAL_HUB, state: state() });
    expect(doc).toContain('aria-label="Blast-radius map"');
    const worst = { lost: 12, affected: 40 };
    const fills = nodeFills(doc);
    expect(Object.keys(fills).sort()).toEqual(DUAL_HUB.nodes.map((n) => n.id).sort());
    expect(fills['hub1']).toBe(HARM_COLORS[harmLevel(RANKING[0], worst)]);
    expect(fills['hub2']).toBe(HARM_COLORS[harmLevel(RANKING[1], worst)]);
    expect(fills['hub1']).not.toBe(fills['hub2']);
    for (const id of ['client1', 'spoke1', 'server1']) expect(fills[id]).toBe(HARM_COLORS.untested);
  });

  it('says which baseline the harm is measured against', () => {
    expect(n1Report({ scenario: DUAL_HUB, state: state() })).toContain('without its own 1 fault(s) (a fault-free baseline)');
    expect(n1Report({ scenario: DUAL_HUB, state: state({ baseline: { keptFaults: true, labFaults: 1, failAtMs: 20_000, failForMs: 10_000 } }) })).toContain(
      'with its own 1 fault(s) kept in every run',
    );
  });

  it('escapes what the lab names (a name cannot inject markup)', () => {
    const hostile = { ...DUAL_HUB, name: '<img src=x onerror=alert(1)>' };
    const doc = n1Report({ scenario: hostile, state: state({ scenarioName: hostile.name }) });
    expectSelfContained(doc);
    expect(doc).not.toContain('<img');
    expect(doc).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('draws a big lab without node labels, every node still in the map', () => {
    const big = scenario(generateLab({ ...GENERATE_DEFAULTS, spokes: 150, hubs: 2 }));
    const ranking: WhatIfRank[] = [{ rank: 1, kind: 'spoke', element: 'spoke7', sessionsLost: 2, sessionsAffected: 2, worstOutageMs: 1_000, runIds: ['r-7'] }];
    const doc = n1Report({ scenario: big, state: state({ failEach: 'spoke', ranking, baseline: { keptFaults: false, labFaults: 0, failAtMs: 20_000, failForMs: 10_000 } }) });
    expectSelfContained(doc);
    const svg = doc.slice(doc.indexOf('aria-label="Blast-radius map"'));
    expect(svg.slice(0, svg.indexOf('</svg>'))).not.toContain('<text');
    expect(Object.keys(nodeFills(doc))).toHaveLength(big.nodes.length);
    expect(nodeFills(doc)['spoke7']).toBe(HARM_COLORS.severe);
  });
});
