/**
 * The run's result, built once the run is done or stopped (ssr-model.md §7): session outcomes,
 * the summary with its conservation figures, and the per-router counters.
 */
import type { World } from '../model/world.ts';
import { CONTROL_KINDS, LOSS_CAUSES, Pk, Rec, RECOVERY_KINDS } from '../model/constants.ts';
import type { AppSession } from '../model/app-session.ts';
import { C, countersToRecord } from './counters.ts';
import { outageStats, zeroRecord, type OutageSpan, type RunResult, type RunSummary, type SessionOutcome } from './summary.ts';
import { ENGINE_VERSION } from '../version.ts';

/** Closes open outages (the run ended), settles new-session credit, and builds the result. */
export function buildResult(w: World): RunResult {
  const m = w.metrics;
  for (const app of w.apps) {
    if (app.inOutage) {
      app.failed = true;
      m.endOutage(app, w.now, true);
    }
  }
  for (const app of w.apps) {
    if (app.failed && app.gaveUp) {
      let s = app.successor;
      while (s !== null && s.delivered === 0 && s.successor !== null) s = s.successor;
      app.recoveredBy = s !== null && s.delivered > 0 ? Rec.NewSession : Rec.None;
    }
  }
  const recoveredBy = zeroRecord(RECOVERY_KINDS);
  let affected = 0;
  let failed = 0;
  for (const app of w.apps) {
    if (app.outages > 0 || app.failed) {
      affected++;
      recoveredBy[RECOVERY_KINDS[app.recoveredBy < 0 ? Rec.None : app.recoveredBy]!]++;
    }
    if (app.failed) failed++;
  }
  const counters: Record<string, Record<string, number>> = {};
  const byRouter: Record<string, number> = {};
  let exposure = 0;
  let scanner = 0;
  let lostSession = 0;
  for (const r of w.routerList) {
    counters[r.id] = countersToRecord(r.counters);
    byRouter[r.id] = r.counters[C.Exposure]!;
    exposure += r.counters[C.Exposure]!;
    scanner += r.counters[C.ExposureScanner]!;
    lostSession += r.counters[C.ExposureLostSession]!;
  }
  const lostBy = zeroRecord(LOSS_CAUSES);
  LOSS_CAUSES.forEach((c, i) => (lostBy[c] = m.lostBy[i]!));
  const control = Object.fromEntries(CONTROL_KINDS.map((k, i) => [k, { count: m.ctlCount[i]!, bytes: m.ctlBytes[i]! }])) as RunSummary['control'];
  const summary: RunSummary = {
    scenario: w.scenario.name,
    seed: w.seed,
    durationMs: w.endUs / 1000,
    engineVersion: ENGINE_VERSION,
    fingerprint: w.fp.hex(),
    sessions: {
      total: w.apps.length,
      affected,
      recovered: affected - failed,
      failed,
      outageMs: outageStats(m.outagesUs),
      recoveredBy,
    },
    packets: { sent: m.sent, delivered: m.delivered, lost: m.lost, lostBy, inFlight: appPacketsInFlight(w), lostAt: lostAt(w) },
    control,
    exposure: { total: exposure, byRouter, scanner, lostSession },
    counters,
    events: w.events,
  };
  const sessions = w.apps.map((a) => outcome(w, a));
  return { summary, sessions, series: w.series, faultLog: w.faultLog.map((e) => ({ ...e })), checkpoints: w.checkpoints };
}

function outcome(w: World, a: AppSession): SessionOutcome {
  const affected = a.outages > 0 || a.failed;
  return {
    id: a.id,
    traffic: a.traffic.def.id,
    client: w.nodeIds[a.traffic.client]!,
    server: w.nodeIds[a.traffic.server]!,
    protocol: a.traffic.def.protocol,
    clientPort: a.cPort,
    startMs: a.createdAt / 1000,
    endMs: a.endedAt < 0 ? null : a.endedAt / 1000,
    sent: a.sent,
    delivered: a.delivered,
    lost: a.lost,
    outages: a.outages,
    outageTotalMs: a.outageTotalUs / 1000,
    outageMaxMs: a.outageMaxUs / 1000,
    recoveredBy: affected ? RECOVERY_KINDS[a.recoveredBy < 0 ? Rec.None : a.recoveredBy]! : null,
    failed: a.failed,
    gaveUp: a.gaveUp,
    successor: a.successor?.id ?? null,
    outageList: spans(a),
  };
}

function spans(a: AppSession): OutageSpan[] {
  const list = a.o?.list;
  if (list === undefined || list.length === 0) return [];
  const out: OutageSpan[] = [];
  for (let i = 0; i < list.length; i += 3) {
    const by = list[i + 2]!;
    out.push({ startMs: list[i]! / 1000, endMs: list[i + 1]! / 1000, recoveredBy: by < 0 ? null : RECOVERY_KINDS[by]! });
  }
  return out;
}

/** Application packets still on a link when the run ended (sent = delivered + lost + in flight). */
function appPacketsInFlight(w: World): number {
  let n = 0;
  for (const l of w.links) {
    for (const d of l.dirs) {
      for (const p of d.queued()) if (p.kind === Pk.Data && p.app !== null) n++;
    }
  }
  return n;
}

/** Losses by place (link id, or node id for a router or host) and cause, nonzero ones only. */
function lostAt(w: World): Record<string, Partial<Record<(typeof LOSS_CAUSES)[number], number>>> {
  const out: Record<string, Partial<Record<(typeof LOSS_CAUSES)[number], number>>> = {};
  const keys = [...w.metrics.lostWhere.keys()].sort((x, y) => x - y);
  for (const where of keys) {
    const counts = w.metrics.lostWhere.get(where)!;
    const name = where >= 0 ? w.links[where]!.id : w.nodeIds[-1 - where]!;
    const row: Partial<Record<(typeof LOSS_CAUSES)[number], number>> = {};
    LOSS_CAUSES.forEach((c, i) => {
      if (counts[i]! > 0) row[c] = counts[i]!;
    });
    out[name] = row;
  }
  return out;
}
