/**
 * Generates the screenshot fixtures with the real engine (not part of the test suite):
 *   npx tsx test/renderer/live/shots/make-fixtures.ts [out.json]
 * Writes the live snapshots of template 02 (inactivity-based, 2 s) every 250 ms up to 24 s,
 * session tables at the end, stored runs (three settings of 02, plus 08 and 03) and the
 * comparison of the three 02 runs, in the shapes the host answers them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASSUMPTIONS, sessionTable, Simulation, SnapshotBuilder, type LiveSnapshot, type ScenarioInput } from '../../../../engine/index.ts';
import { comparisonOf, scenarioWith, storedRun } from '../run-fixtures.ts';

const out = process.argv[2] ?? '/tmp/srlab-shots/fixtures.json';
const TEMPLATES = join(process.cwd(), 'assets/scenarios');
const file = (prefix: string) => readdirSync(TEMPLATES).find((f) => f.startsWith(prefix) && f.endsWith('.srlab.json'))!;
const raw = (prefix: string) => JSON.parse(readFileSync(join(TEMPLATES, file(prefix)), 'utf8')) as ScenarioInput;

// The live run, as the host's worker would stream it.
const liveScenario = scenarioWith(raw('02'));
let builder: SnapshotBuilder | null = null;
const sim = new Simulation(liveScenario, { trace: (e) => builder?.onTrace(e) });
builder = new SnapshotBuilder(sim);
const snapshots: LiveSnapshot[] = [];
for (let t = 250; t <= 24_000; t += 250) {
  sim.runUntil(t * 1000);
  snapshots.push(builder.build('live-1', 'running', 1, 0.98 + (t % 1000) / 50_000));
}
const sessions = Object.fromEntries(['spoke1', 'hub1'].map((r) => [r, sessionTable(sim, r, 200)]));

const runs = [
  storedRun('r-pb', scenarioWith(raw('02'), ['authority.sessionRecoveryDetection.mode=packet-based']), 'packet-based', '2026-03-02T09:12:05Z'),
  storedRun('r-ib2', scenarioWith(raw('02')), 'inactivity-based, 2 s', '2026-03-02T09:13:40Z'),
  storedRun('r-ib5', scenarioWith(raw('02'), ['authority.sessionRecoveryDetection.inactivityTimeoutSec=5']), 'inactivity-based, 5 s', '2026-03-02T09:15:12Z'),
  storedRun('r-bfd', scenarioWith(raw('08')), null, '2026-03-01T16:40:00Z'),
  storedRun('r-scan', scenarioWith(raw('03')), null, '2026-03-01T15:02:31Z'),
];
const comparison = comparisonOf(runs.slice(0, 3));

const fixtures = {
  templates: [{ file: file('02'), name: liveScenario.name, description: liveScenario.description }],
  template: { file: file('02'), scenario: raw('02') },
  snapshots,
  sessions,
  runs: runs.map((r) => r.row).reverse(),
  details: Object.fromEntries(runs.map((r) => [r.row.id, r.detail])),
  runSessions: Object.fromEntries(runs.map((r) => [r.row.id, r.result.sessions])),
  comparison,
  assumptions: ASSUMPTIONS,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(fixtures));
console.log(`wrote ${out}: ${snapshots.length} snapshots, ${runs.length} runs, ${(JSON.stringify(fixtures).length / 1e6).toFixed(1)} MB`);
