import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../../engine/index.ts';
import { renderRunReport } from '../../../electron/services/reports/run-report.ts';
import { esc } from '../../../electron/services/reports/html.ts';
import { dur, int } from '../../../electron/services/reports/format.ts';
import { runNarrative } from '../../../electron/services/reports/narrative.ts';
import { runAs, scenarioFrom, templateJson, templateRun } from '../../engine/compare/template-runs.ts';
import { expectSelfContained, svgCount } from './self-contained.ts';

const packet = templateRun('01', 'run-0001', 'packet-based');
const inactivity = templateRun('02', 'run-0002', 'inactivity-based, 2 s');
const report = renderRunReport({ runId: 'run-0002', scenario: inactivity.scenario, result: inactivity.result, createdAt: '2026-11-22T12:40:00Z', status: 'finished' });

describe('renderRunReport', () => {
  it('is one self-contained document: no external URL, script, link or src', () => {
    expect(report.startsWith('<!doctype html>')).toBe(true);
    expectSelfContained(report);
  });

  it('has a header with scenario name, run id, date and status', () => {
    expect(report).toContain(esc(inactivity.scenario.name));
    expect(report).toContain('run-0002');
    expect(report).toContain('2026-11-22 12:40 UTC');
    expect(report).toContain('finished');
  });

  it('shows the headline numbers', () => {
    const s = inactivity.result.summary;
    expect(report).toContain(`${int(s.sessions.affected)}<small> of ${int(s.sessions.total)}</small>`);
    expect(report).toContain(`<div class="v">${dur(s.sessions.outageMs.p50)}</div>`);
    expect(report).toContain(`<div class="v">${dur(s.sessions.outageMs.max)}</div>`);
    expect(report).toContain(`<div class="v">${int(s.packets.lost)}</div>`);
    expect(report).toContain(`<div class="v">${int(s.exposure.total)}</div><div class="k">exposure</div>`);
  });

  it('summarises the run in one plain sentence', () => {
    expect(report).toContain(esc(runNarrative(inactivity.result.summary, 1)));
  });

  it('lists every model assumption by title', () => {
    for (const a of ASSUMPTIONS) expect(report).toContain(esc(a.title));
  });

  it('draws its charts as inline SVG: topology, three time series and the outage distribution', () => {
    expect(svgCount(report)).toBe(5);
  });

  it('prints well: print rules, page breaks, charts kept whole', () => {
    expect(report).toContain('@media print');
    expect(report).toMatch(/break-before: page/);
    expect(report).toMatch(/\.chart[^{]*\{[^}]*break-inside: avoid/);
  });

  it("shows each router's effective mode and says the real product sets it per authority", () => {
    expect(report).toContain('inactivity-based, 2 s');
    expect(report).toContain('configures session-recovery-detection once per authority');
  });

  it('ends with seed, engine version, fingerprint and the effective scenario in a details block', () => {
    const s = inactivity.result.summary;
    expect(report).toContain(s.fingerprint);
    expect(report).toContain(s.engineVersion);
    expect(report).toMatch(/<details><summary>Effective scenario \(JSON\)<\/summary><pre>/);
  });

  it('escapes hostile text in names, labels and descriptions', () => {
    const raw = templateJson('01') as Record<string, unknown>;
    const hostile = scenarioFrom(raw, ['name=<script>alert("name")</script>', 'description=<img src=x onerror=alert(1)>', 'nodes[hub1].label=<script>alert(2)</script>']);
    const run = runAs(hostile, 'run-<b>', '<i>label</i>');
    const doc = renderRunReport({ runId: 'run-<b>', label: '<i>label</i>', scenario: hostile, result: run.result, status: '<u>ok</u>' });
    expectSelfContained(doc);
    expect(doc).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    for (const raw of ['<i>label</i>', 'run-<b>', '<u>ok</u>', '<img src=x', '<script>alert(2)']) expect(doc).not.toContain(raw);
    expect(doc).toContain('&lt;i&gt;label&lt;/i&gt;');
    expect(doc).toContain('run-&lt;b&gt;');
  });

  it('renders a run without faults or traffic', () => {
    const quiet = scenarioFrom(templateJson('01'), ['faults=[]', 'traffic=[]', 'durationMs=3000']);
    const run = runAs(quiet, 'run-q', 'quiet');
    const doc = renderRunReport({ runId: 'run-q', scenario: quiet, result: run.result });
    expectSelfContained(doc);
    expect(doc).toContain('The scenario opened no sessions.');
    expect(doc).toContain('No faults');
  });
});

describe('runNarrative', () => {
  it('reads like the brief for packet-based recovery', () => {
    expect(runNarrative(packet.result.summary, 1)).toBe(
      '14 of 14 sessions were interrupted by the fault; all recovered, the worst after 1.02 s, by enable-metadata answering their next packet (packet-based detection).',
    );
  });

  it('says so when no session recovered, and counts reconnections', () => {
    const half = templateRun('07', 'run-7', 'half').result.summary;
    const text = runNarrative(half, 1);
    expect(text).toContain('none recovered: all failed');
    expect(text).toContain(`${half.sessions.recoveredBy['new-session']} sessions reconnected as new sessions`);
  });

  it('gives recovered and failed counts when some of each', () => {
    const nat = templateRun('10', 'run-10', 'nat').result.summary;
    expect(nat.sessions.recovered).toBeGreaterThan(0);
    expect(nat.sessions.failed).toBeGreaterThan(0);
    expect(runNarrative(nat, 1)).toContain(`; ${nat.sessions.recovered} recovered, by`);
    expect(runNarrative(nat, 1)).toContain(`and ${nat.sessions.failed} failed`);
  });

  it('adds the exposure when routers answered packets of no session', () => {
    const scan = templateRun('03', 'run-3', 'scan').result.summary;
    expect(runNarrative(scan, 1)).toContain(`Routers answered ${int(scan.exposure.total)} packets that belonged to no session`);
  });
});
