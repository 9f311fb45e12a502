/** The run report's charts: the time series with faults marked, and the outage distribution. */
import { CONTROL_KINDS, RECOVERY_KINDS, type RecoveryKind, type SessionOutcome, type TimeSeries, CONTROL_KIND_LABELS, CONTROL_COLORS, METRIC_COLORS, RECOVERY_COLORS } from '../../../engine/index.ts';
import { AXIS, SPLIT, figure, startupClip, svgChart, timeSeriesChart, trailingMean } from './charts.ts';
import { faultCaption, type FaultMark } from './faults.ts';
import { html, type Html } from './html.ts';

/** Sessions in outage, delivered and lost packets/s, control packets/s by kind. */
export function seriesFigures(ts: TimeSeries, faults: readonly FaultMark[]): Html[] {
  const note = faultCaption(faults);
  const sessions = timeSeriesChart({
    tMs: ts.tMs,
    yName: 'sessions',
    faults,
    lines: [
      { name: 'sessions in outage', color: METRIC_COLORS.inOutage, values: ts.sessionsInOutage, area: true, width: 2 },
      { name: 'active sessions', color: METRIC_COLORS.active, values: ts.activeSessions, dash: 'dashed' },
    ],
  });
  const packets = timeSeriesChart({
    tMs: ts.tMs,
    yName: 'packets/s',
    faults,
    lines: [
      { name: 'lost packets/s', color: METRIC_COLORS.lost, values: trailingMean(ts.tMs, ts.lostPps), area: true, width: 2 },
      { name: 'delivered packets/s', color: METRIC_COLORS.delivered, values: trailingMean(ts.tMs, ts.deliveredPps) },
    ],
  });
  const kinds = CONTROL_KINDS.filter((k) => (ts.controlPps[k] ?? []).some((v) => v > 0));
  const silent = CONTROL_KINDS.filter((k) => !kinds.includes(k)).map((k) => CONTROL_KIND_LABELS[k]);
  const lines = kinds.map((k) => ({ name: CONTROL_KIND_LABELS[k], color: CONTROL_COLORS[k], values: trailingMean(ts.tMs, ts.controlPps[k] ?? []), width: k === 'bfd' ? 1.2 : 1.8 }));
  const clip = startupClip(
    ts.tMs,
    lines.map((l) => l.values),
  );
  const control = timeSeriesChart({ tMs: ts.tMs, yName: 'packets/s', faults, legend: true, lines, ...(clip ? { yMax: clip.yMax } : {}) });
  const clipNote = clip ? ` The opening burst, every session starting at once (up to ${Math.round(clip.peak)}/s), runs off the top so the rest stays readable.` : '';
  return [
    figure(sessions, `How many sessions were in an outage at each moment (sampled every 100 ms), against all open sessions.${note}`, 'sessions in outage over time'),
    figure(packets, `Application packets delivered and lost per second, end to end (mean over the last second).${note}`, 'packets per second over time'),
    figure(
      control,
      `Control packets per second by kind, mean over the last second (for metadata and health checks: packets carrying the attribute).${silent.length ? ` Zero throughout, not drawn: ${silent.join(', ')}.` : ''}${clipNote}${note}`,
      'control packets per second over time',
    ),
  ];
}

/** Above this many affected sessions the distribution is a histogram rather than one bar per session. */
const MAX_BARS = 60;

function kindOf(s: SessionOutcome): RecoveryKind {
  return s.recoveredBy ?? 'none';
}

/** One bar per affected session, longest outage first, coloured by how it came back. */
function sortedBars(affected: readonly SessionOutcome[]): string {
  const sorted = [...affected].sort((a, b) => b.outageMaxMs - a.outageMaxMs || a.id - b.id);
  const kinds = RECOVERY_KINDS.filter((k) => sorted.some((s) => kindOf(s) === k));
  const series = kinds.map((k) => ({
    type: 'bar' as const,
    name: k,
    stack: 'one',
    barMaxWidth: 34,
    itemStyle: { color: RECOVERY_COLORS[k] },
    data: sorted.map((s) => (kindOf(s) === k ? s.outageMaxMs / 1000 : null)),
  }));
  return svgChart(
    {
      grid: { left: 58, right: 22, top: 40, bottom: 58 },
      legend: { top: 2, left: 50, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      xAxis: {
        type: 'category',
        data: sorted.map((s) => `#${s.id} ${s.traffic}`),
        axisLabel: { ...AXIS, rotate: sorted.length > 16 ? 45 : 0, interval: 0, hideOverlap: true },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', name: 'longest outage (s)', nameLocation: 'middle', nameGap: 44, nameTextStyle: AXIS, axisLabel: AXIS, splitLine: SPLIT },
      series,
    },
    260,
  );
}

/** A histogram of sessions' longest outages, stacked by recovered-by kind. */
function histogram(affected: readonly SessionOutcome[]): string {
  const max = Math.max(...affected.map((s) => s.outageMaxMs), 1);
  const bins = 24;
  const width = max / bins;
  const kinds = RECOVERY_KINDS.filter((k) => affected.some((s) => kindOf(s) === k));
  const counts = new Map(kinds.map((k) => [k, new Array<number>(bins).fill(0)]));
  for (const s of affected) counts.get(kindOf(s))![Math.min(bins - 1, Math.floor(s.outageMaxMs / width))]!++;
  const label = (i: number) => `${((i * width) / 1000).toFixed(width < 100 ? 2 : 1)}–${(((i + 1) * width) / 1000).toFixed(width < 100 ? 2 : 1)}`;
  return svgChart(
    {
      grid: { left: 58, right: 22, top: 40, bottom: 58 },
      legend: { top: 2, left: 50, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      xAxis: {
        type: 'category',
        name: 'longest outage (s)',
        nameLocation: 'middle',
        nameGap: 40,
        nameTextStyle: AXIS,
        data: Array.from({ length: bins }, (_, i) => label(i)),
        axisLabel: { ...AXIS, rotate: 45, hideOverlap: true },
      },
      yAxis: { type: 'value', name: 'sessions', nameLocation: 'middle', nameGap: 44, nameTextStyle: AXIS, axisLabel: AXIS, splitLine: SPLIT, minInterval: 1 },
      series: kinds.map((k) => ({ type: 'bar' as const, name: k, stack: 'one', barCategoryGap: '8%', itemStyle: { color: RECOVERY_COLORS[k] }, data: counts.get(k)! })),
    },
    260,
  );
}

/** The outage distribution figure (or a note when no session had an outage). */
export function outageFigure(sessions: readonly SessionOutcome[]): Html {
  const affected = sessions.filter((s) => s.outages > 0 || s.failed);
  if (affected.length === 0) return html`<p class="note">No session had an outage, so there is no distribution to show.</p>`;
  if (affected.length <= MAX_BARS) {
    return figure(
      sortedBars(affected),
      "Each bar is one affected session's longest outage, longest first, coloured by what brought it back (failed sessions count as new-session or none).",
      'outage per session',
    );
  }
  return figure(histogram(affected), `How many of the ${affected.length} affected sessions had a longest outage in each range, coloured by what brought them back.`, 'outage histogram');
}
