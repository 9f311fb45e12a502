/**
 * The report of one run, as one self-contained HTML file a manager can open, read and print:
 * what was tested, what happened in a sentence and a few big numbers, then the evidence.
 */
import type { RunResult, Scenario } from '../../../engine/index.ts';
import { html } from './html.ts';
import { date, dur, int } from './format.ts';
import { faultMarks, faultsInTimeOrder } from './faults.ts';
import { assumptionsSection, documentShell, footer, header, jsonDetails, section } from './page.ts';
import { runNarrative } from './narrative.ts';
import { countersHtml } from './counters.ts';
import { outageFigure, seriesFigures } from './run-charts.ts';
import { faultTable, headlineCards, packetsAndOverhead, recoverySettings, trafficTable, worstSessionsTable } from './run-tables.ts';
import { isBigTopology, topologyChart } from './topology.ts';
import { figure } from './charts.ts';

/** What a run report needs: plain data (a stored run or one just run), no database. */
export interface RunReportInput {
  runId: string;
  /** The effective scenario the run ran (after `--set`). */
  scenario: Scenario;
  result: RunResult;
  /** When the run was made (ISO text or a Date); shown in the header. */
  createdAt?: string | Date;
  /** The run's status as the store keeps it, e.g. `finished`, `stopped`. */
  status?: string;
  /** A short name for the run, if the user gave one. */
  label?: string;
  /** `--set` assignments the run was made with, shown so the report says what was run. */
  sets?: readonly string[];
}

/** The run report: one HTML document with inline CSS and SVG charts, no script, no external reference. */
export function renderRunReport(input: RunReportInput): string {
  const { scenario, result, runId } = input;
  const s = result.summary;
  // One order for the table and the chart marks, so F1, F2… name the same faults in both.
  const faultLog = faultsInTimeOrder(result.faultLog);
  const faults = faultMarks(faultLog, s.durationMs);
  const live = result.faultLog.filter((f) => f.source === 'live').length;
  const top = header(
    'Run report',
    scenario.name,
    [
      ['run', input.label ? `${runId} · ${input.label}` : runId],
      ['date', date(input.createdAt)],
      ['status', input.status ?? 'finished'],
      ['seed', String(s.seed)],
      ['virtual time', dur(s.durationMs)],
      ['faults', `${result.faultLog.length}${live ? ` (${live} injected live)` : ''}`],
    ],
    scenario.description,
  );
  const sets = input.sets?.length ? html`<p class="note">Run with ${input.sets.map((x, i) => html`${i ? ', ' : ''}<code>--set ${x}</code>`)}.</p>` : '';
  const summary = html`<section id="summary"><p class="lede">${runNarrative(s, result.faultLog.length)}</p>${headlineCards(s)}${sets}</section>`;
  // Not a page break in print: the picture of what was tested belongs with the summary.
  const setup = section(
    'setup',
    'What was tested',
    [
      figure(
        topologyChart(scenario),
        isBigTopology(scenario)
          ? `The network as drawn in the scenario, ${scenario.nodes.length} nodes: hubs and servers named, spokes as blue marks, clients as small grey ones; WAN links blue, NAT links orange. The table below gives every router's recovery mode.`
          : 'The network as drawn in the scenario: routers show the recovery mode they actually run; links show one-way latency (and NAT, where there is one).',
        'network topology',
      ),
      html`<h3>Session-recovery settings</h3>`,
      recoverySettings(scenario),
    ],
    false,
  );
  const timeline = section('timeline', 'What happened', [
    html`<h3>Traffic</h3>`,
    trafficTable(scenario),
    html`<h3>Faults</h3>`,
    faultTable(faultLog),
    html`<h3>Over time</h3>`,
    seriesFigures(result.series, faults),
  ]);
  // Flows on from the charts (no page break): forced breaks around variable-height content leave half-empty pages.
  const sessions = section(
    'sessions',
    'Sessions',
    [html`<h3>Outage per session</h3>`, outageFigure(result.sessions), html`<h3>Worst sessions</h3>`, result.sessions.length ? worstSessionsTable(result.sessions) : ''],
    false,
  );
  const packets = section('packets', 'Packets, overhead and exposure', packetsAndOverhead(s), false);
  const counters = section('counters', 'Router counters', [
    html`<p class="note">Laid out like the router's <code>show stats</code>: non-zero counters by branch, then the ones that stayed at zero. Counters under <code>emulator/</code> are the lab's own, not the product's.</p>`,
    countersHtml(s.counters),
  ]);
  const foot = footer(
    [
      ['run', runId],
      ['seed', String(s.seed)],
      ['engine', s.engineVersion],
      ['fingerprint', s.fingerprint],
      ['events', int(s.events)],
    ],
    jsonDetails('Effective scenario (JSON)', scenario),
  );
  return documentShell(`${scenario.name} — run ${runId}`, html`${top}${summary}${setup}${timeline}${sessions}${packets}${counters}${assumptionsSection()}${foot}`);
}
