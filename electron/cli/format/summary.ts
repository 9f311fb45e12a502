/** The human-readable `srlab run` summary: a header, then small aligned tables. */
import { CONTROL_KIND_LABELS, CONTROL_KINDS, DETAIL_ROUTERS, LOSS_CAUSES, RECOVERY_KINDS, type ControlKind, type RunSummary } from '../../../engine/index.ts';
import { renderCounters } from './counters.ts';
import { count, duration, ms, renderTable } from './table.ts';

const CONTROL_LABELS: Record<ControlKind, string> = CONTROL_KIND_LABELS;

/** What the summary needs beyond the engine's summary. */
export interface SummaryContext {
  /** Wall time of the run, ms. */
  wallMs: number;
  /** `--set` assignments applied, shown so the output says what was run. */
  sets: readonly string[];
}

/** The whole summary, ending with a newline. */
export function renderRunSummary(s: RunSummary, ctx: SummaryContext): string {
  const sections = [header(s, ctx), sessions(s), packets(s), control(s), exposure(s), ['Counters (non-zero)', ...renderCounters(s.counters)]];
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function header(s: RunSummary, ctx: SummaryContext): string[] {
  const speed = ctx.wallMs > 0 ? s.durationMs / ctx.wallMs : Infinity;
  const speedText = !Number.isFinite(speed) ? 'too fast to time' : `${speed >= 10 ? Math.round(speed) : speed.toFixed(1)}× real time`;
  const lines = [
    s.scenario,
    `  seed ${s.seed} · ${duration(s.durationMs)} virtual · ${duration(ctx.wallMs)} wall (${speedText})`,
    `  fingerprint ${s.fingerprint} · engine ${s.engineVersion} · ${count(s.events)} events`,
  ];
  for (const set of ctx.sets) lines.push(`  --set ${set}`);
  return lines;
}

function sessions(s: RunSummary): string[] {
  const x = s.sessions;
  const o = x.outageMs;
  const main = renderTable(
    ['total', 'affected', 'recovered', 'failed', 'outage p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((header) => ({ header, align: 'right' as const })),
    [[count(x.total), count(x.affected), count(x.recovered), count(x.failed), ms(o.p50), ms(o.p95), ms(o.p99), ms(o.max)]],
  );
  const recovered = RECOVERY_KINDS.filter((k) => x.recoveredBy[k] > 0).map((k) => [k, count(x.recoveredBy[k])]);
  const byLines = recovered.length === 0 ? ['  recovered by: (no affected sessions)'] : renderTable([{ header: 'recovered by' }, { header: 'sessions', align: 'right' }], recovered);
  return ['Sessions', ...main, '', ...byLines];
}

function packets(s: RunSummary): string[] {
  const p = s.packets;
  const lossPct = p.sent > 0 ? ((100 * p.lost) / p.sent).toFixed(2) : '0.00';
  const main = renderTable(
    ['sent', 'delivered', 'lost', 'lost %'].map((header) => ({ header, align: 'right' as const })),
    [[count(p.sent), count(p.delivered), count(p.lost), lossPct]],
  );
  const causes = LOSS_CAUSES.filter((c) => p.lostBy[c] > 0).map((c) => [c, count(p.lostBy[c])]);
  const byLines = causes.length === 0 ? ['  lost by: (no packets lost)'] : renderTable([{ header: 'lost by' }, { header: 'packets', align: 'right' }], causes);
  const places = Object.entries(p.lostAt ?? {}).map(([at, by]) => [
    at,
    Object.entries(by)
      .map(([c, n]) => `${c} ${count(n ?? 0)}`)
      .join(', '),
  ]);
  const whereLines = places.length === 0 ? [] : ['', ...renderTable([{ header: 'lost at' }, { header: 'by cause' }], places)];
  const inFlight = (p.inFlight ?? 0) > 0 ? [`  still in flight at the end: ${count(p.inFlight)}`] : [];
  return ['Packets', ...main, ...inFlight, '', ...byLines, ...whereLines];
}

function control(s: RunSummary): string[] {
  let totalCount = 0;
  let totalBytes = 0;
  const rows = CONTROL_KINDS.map((k) => {
    const { count: n, bytes } = s.control[k];
    totalCount += n;
    totalBytes += bytes;
    return [CONTROL_LABELS[k], count(n), count(bytes)];
  });
  rows.push(['total', count(totalCount), count(totalBytes)]);
  return ['Control overhead', ...renderTable([{ header: 'kind' }, { header: 'count', align: 'right' }, { header: 'bytes', align: 'right' }], rows)];
}

function exposure(s: RunSummary): string[] {
  const all = Object.entries(s.exposure.byRouter);
  // A big lab lists the routers that answered, most first, not a thousand zeros.
  const isDigest = all.length > DETAIL_ROUTERS;
  const listed = isDigest
    ? all
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, DETAIL_ROUTERS)
    : all;
  const rows = listed.map(([router, n]) => [router, count(n)]);
  if (isDigest && listed.length < all.length) {
    const rest = all.length - listed.length;
    const restSum = s.exposure.total - listed.reduce((a, [, n]) => a + n, 0);
    rows.push([`${rest} other routers`, count(restSum)]);
  }
  rows.push(['total', count(s.exposure.total)]);
  const split = `  of which answering scanners ${count(s.exposure.scanner ?? 0)}, packets of sessions nobody holds ${count(s.exposure.lostSession ?? 0)}`;
  return ['Exposure (enable-metadata sent for packets of no live session)', ...renderTable([{ header: 'router' }, { header: 'packets', align: 'right' }], rows), split];
}
