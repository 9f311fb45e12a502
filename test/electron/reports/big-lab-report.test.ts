/**
 * A 1 000-spoke lab's run, as the CLI prints it and as its report shows it: totals and a dozen
 * routers, not a thousand blocks; a map, not 8 000 overlapping labels.
 */
import { describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS, parseScenario, Simulation, type Scenario } from '../../../engine/index.ts';
import { renderRunSummary } from '../../../electron/cli/format/summary.ts';
import { countersHtml } from '../../../electron/services/reports/counters.ts';
import { isBigTopology, topologyChart } from '../../../electron/services/reports/topology.ts';

function bigLab(): Scenario {
  const r = parseScenario({
    ...generateLab({ ...GENERATE_DEFAULTS, spokes: 1000, hubs: 2, sessionsPerClient: 1, durationMs: 30_000 }),
    faults: [
      { atMs: 10_000, type: 'session-loss', node: 'spoke700', fraction: 1 },
      { atMs: 12_000, type: 'scan', target: 'hub2', durationMs: 2000, ratePps: 20 },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('a 1 000-spoke lab’s run summary and report', () => {
  const scenario = bigLab();
  const { summary } = new Simulation(scenario).run();

  it('prints the total and a dozen routers, the one that lost its sessions among them, and says where the rest are', () => {
    const text = renderRunSummary(summary, { wallMs: 1000, sets: [] });
    expect(text.split('\n').length).toBeLessThan(150);
    expect(text).toContain('  all 1002 routers, summed');
    expect(text).toMatch(/^ {2}spoke700$/m);
    expect(text).toContain('990 more routers not shown');
    // Exposure: the router that answered the scanner, then the rest in one line.
    expect(text).toMatch(/^ {2}hub2 +40$/m);
    expect(text).toMatch(/^ {2}1001 other routers +0$/m);
  });

  it('shows the same digest in the report, pointing to the export that has every router', () => {
    const page = String(countersHtml(summary.counters));
    expect(page.match(/class="router-counters"/g)).toHaveLength(13);
    expect(page).toContain('all 1002 routers, summed');
    expect(page).toContain('Counters CSV export');
  });

  it('draws the network as a map: only hubs and servers named, no link labels', () => {
    expect(isBigTopology(scenario)).toBe(true);
    const svg = topologyChart(scenario);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.sort()).toEqual(['Data centre (server1)', 'hub1', 'hub2']);
    expect(svg.length).toBeLessThan(3_000_000);
  });
});
