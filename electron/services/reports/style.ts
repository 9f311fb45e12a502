/**
 * The reports' one stylesheet, inlined in every file (a report must open anywhere, offline).
 * Light and restrained on screen; in print, A4 or Letter, sections start on a new page, charts
 * and table rows are never split, and colour badges keep their colour (with text that says the
 * same thing, for grey printers).
 */
import { VERDICT_COLORS } from '../../../engine/index.ts';

/** Width ECharts renders charts at, px; the SVGs scale down to the page (A4 at 12 mm ≈ 700 px). */
export const CHART_WIDTH = 880;

/** The system font stack used by the page and, so that they match, by the charts. */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

/** The stylesheet. */
export const REPORT_CSS = `
:root { --ink: #1F2937; --muted: #5B6472; --line: #E3E6EA; --soft: #F6F7F9; --accent: #0B5FA5;
  --better: ${VERDICT_COLORS.better}; --worse: ${VERDICT_COLORS.worse}; --changed: ${VERDICT_COLORS.changed}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.45 ${FONT_STACK}; }
main { max-width: 960px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 24px; line-height: 1.25; margin: 4px 0 6px; font-weight: 650; text-wrap: balance; }
h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); font-weight: 650; }
h3 { font-size: 14px; margin: 18px 0 6px; font-weight: 650; }
p { margin: 6px 0 10px; }
section { margin-top: 34px; }
.kicker { font-size: 11px; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); font-weight: 650; }
.meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 0; }
.meta b { color: var(--ink); font-weight: 600; }
.description { color: var(--muted); max-width: 760px; font-size: 13px; }
.note { color: var(--muted); font-size: 12.5px; }
.lede { font-size: 16.5px; line-height: 1.5; margin: 14px 0 6px; max-width: 820px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(108px, 1fr)); gap: 10px; margin: 16px 0 8px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); break-inside: avoid; }
.kpi .v { font-size: 26px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kpi .v small { font-size: 14px; font-weight: 500; color: var(--muted); }
.kpi .k { font-size: 12px; color: var(--muted); margin-top: 2px; }
.kpi.bad .v { color: var(--worse); }
.kpi.good .v { color: var(--better); }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; border-bottom: 1.5px solid #C9CED6; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.compact { width: auto; min-width: 420px; }
table.compact td:first-child { padding-right: 40px; }
table.runs { table-layout: fixed; }
table.runs th[scope=row] { width: 150px; color: var(--muted); font-weight: 500; border-bottom: 1px solid var(--line); }
table.runs td { overflow-wrap: anywhere; }
th.run-col { min-width: 130px; text-align: right; }
table.kpi-table tr.branch td { font-family: ${MONO}; font-size: 11px; color: var(--muted); border-bottom: none; padding: 8px 8px 0; }
table.kpi-table .leaf { font-family: ${MONO}; font-size: 12px; padding-left: 12px; }
tr.group td { background: var(--soft); font-weight: 600; font-size: 12px; color: var(--ink); padding-top: 7px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
code, .mono { font-family: ${MONO}; font-size: 12px; }
.chart { margin: 8px 0 4px; break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
.chart figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.chip { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11.5px; line-height: 18px; white-space: nowrap; border: 1px solid transparent; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.runline { display: inline-block; width: 26px; height: 0; border-top-width: 3px; margin-right: 8px; vertical-align: middle; }
.yes { color: var(--worse); font-weight: 600; }
.delta { display: block; font-size: 11.5px; white-space: nowrap; }
.delta.better { color: var(--better); } .delta.worse { color: var(--worse); } .delta.changed { color: var(--changed); } .delta.same { color: #98A2B3; }
.delta .word { font-size: 10px; text-transform: uppercase; letter-spacing: .04em; margin-left: 3px; }
.counters { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 8px 24px; }
.counters table { margin: 0; }
.counters td.leaf { padding-left: 18px; font-family: ${MONO}; font-size: 12px; }
.counters tr.branch td { font-family: ${MONO}; font-size: 11.5px; color: var(--muted); border-bottom: none; padding-top: 8px; }
.zeros { font-family: ${MONO}; font-size: 11px; color: #8A93A0; margin: 4px 0 0; line-height: 1.5; }
.assumption { margin: 0 0 10px; break-inside: avoid; }
.assumption .t { font-weight: 600; }
.assumption .s { color: var(--muted); font-size: 12px; margin-left: 6px; }
details { margin-top: 8px; }
details pre { background: var(--soft); border: 1px solid var(--line); padding: 10px; font-size: 11px; overflow: auto; max-height: 480px; white-space: pre-wrap; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
footer .meta { font-size: 12px; }
.callout { border-left: 3px solid var(--accent); background: #F3F7FB; padding: 8px 12px; font-size: 13px; margin: 8px 0; }
@page { margin: 12mm 12mm 14mm; }
@media print {
  body { font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  section.major { break-before: page; margin-top: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  .chart, .kpis, figure, .assumption, tbody.grp { break-inside: avoid; }
  details pre { max-height: none; overflow: visible; }
  details:not([open]) > *:not(summary) { display: none; }
  .kpi { background: #fff; padding: 6px 8px; }
  .kpis { grid-template-columns: repeat(7, 1fr); gap: 6px; }
  .kpi .v { font-size: 19px; white-space: nowrap; }
  .kpi .k { font-size: 10px; }
  .counters { grid-template-columns: 1fr 1fr; gap: 6px 16px; }
  .counters td.leaf { font-size: 10.5px; padding-left: 10px; }
  .screen-only { display: none; }
}
`;
