/**
 * The property an engineer relies on before trusting any number: whatever the lab and whatever
 * single fault hits it, the network settles. After the fault's effect is over, metadata overhead
 * is back to the fault-free level, nobody replaces sessions any more, no packet ever reaches the
 * wrong session, and the books balance (sent = delivered + lost + in flight; affected =
 * recovered + failed; control overhead = the routers' own counters). Throughout, the routers'
 * tables and the session store agree and no session or side record leaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS, Simulation, type RunResult, type Scenario } from '../../../engine/index.ts';
import { labArb, labsOf, SETTLED_FROM_MS, type LabPlan } from '../helpers/random-topology.ts';
import { tableProblems } from '../helpers/build.ts';

const ADDED = COUNTER_PATHS.indexOf('packet-processing/action/success/metadata/added');
const REPLACED = COUNTER_PATHS.indexOf('emulator/session-replaced');
const CREATED = COUNTER_PATHS.indexOf('emulator/sessions-created');

/** Sum of one counter over every router, now. */
function total(sim: Simulation, counter: number): number {
  return sim.w.routerList.reduce((n, r) => n + r.counters[counter]!, 0);
}

/** Runs to the settle time, then to the end; what happened in the settled window. */
function settledWindow(s: Scenario): { result: RunResult; metadata: number; replaced: number; created: number; appStarts: number } {
  const sim = new Simulation(s);
  // Every 2.5 s through the fault and its aftermath.
  for (let t = 2500; t <= SETTLED_FROM_MS; t += 2500) {
    sim.runUntil(t * 1000);
    expect(tableProblems(sim), `tables and session store at ${t / 1000} s`).toEqual([]);
  }
  const md = total(sim, ADDED);
  const rep = total(sim, REPLACED);
  const cre = total(sim, CREATED);
  const apps = sim.w.apps.length;
  const result = sim.run();
  expect(tableProblems(sim), 'tables and session store, at the end').toEqual([]);
  return { result, metadata: total(sim, ADDED) - md, replaced: total(sim, REPLACED) - rep, created: total(sim, CREATED) - cre, appStarts: sim.w.apps.length - apps };
}

/** The books of one run balance. */
function balances(r: RunResult): void {
  const p = r.summary.packets;
  expect(p.sent, 'sent = delivered + lost + in flight').toBe(p.delivered + p.lost + p.inFlight);
  const s = r.summary.sessions;
  expect(s.affected, 'affected = recovered + failed').toBe(s.recovered + s.failed);
  const sum = (path: string) => Object.values(r.summary.counters).reduce((n, c) => n + c[`packet-processing/action/${path}`]!, 0);
  const emu = (path: string) => Object.values(r.summary.counters).reduce((n, c) => n + c[`emulator/${path}`]!, 0);
  expect(r.summary.control.sessionMetadata.count).toBe(sum('success/metadata/added'));
  expect(r.summary.control.healthCheck.count).toBe(sum('success/metadata/added-session-health-check'));
  expect(r.summary.control.ack.count).toBe(sum('success/metadata/generated-session-health-check-acknowledgement'));
  expect(r.summary.control.disableForwardMetadata.count).toBe(sum('success/metadata/sent-disable-forward-metadata'));
  expect(r.summary.control.enableMetadata.count).toBe(emu('enable-metadata-sent'));
  expect(emu('enable-metadata-sent')).toBe(emu('enable-metadata-answering-packet') + emu('enable-metadata-answering-health-check') + emu('enable-metadata-answering-scanner'));
  expect(r.summary.exposure.total).toBe(r.summary.exposure.scanner + r.summary.exposure.lostSession);
}

function settles(plan: LabPlan): void {
  const { faulty, clean, description } = labsOf(plan);
  const base = settledWindow(clean);
  const hit = settledWindow(faulty);
  const ctx = description;
  balances(base.result);
  balances(hit.result);
  expect(base.result.summary.packets.lostBy.misdelivered, `${ctx}: fault-free run misdelivers`).toBe(0);
  expect(hit.result.summary.packets.lostBy.misdelivered, `${ctx}: a packet reached the wrong session`).toBe(0);
  expect(hit.replaced, `${ctx}: sessions still replaced after the fault's effect ended`).toBe(0);
  // New application sessions (a client that gave up reconnects) open hops with metadata too:
  // each may add a handshake's worth per hop, nothing more.
  const allowance = hit.created * 4;
  expect(hit.metadata, `${ctx}: metadata overhead after settling (fault-free: ${base.metadata}, sessions created: ${hit.created})`).toBeLessThanOrEqual(base.metadata + allowance);
  expect(hit.result.summary.exposure.lostSession, `${ctx}: enable-metadata for live sessions counted as exposure`).toBe(0);
}

describe('every lab settles after a fault (property)', () => {
  it('holds for random chains, stars, dual hubs and spoke–hub–spoke labs with NAT, mixed modes and one fault each', () => {
    fc.assert(fc.property(labArb, settles), { numRuns: Number(process.env['SRLAB_PROPERTY_RUNS'] ?? 25), seed: 20261202 });
  });
});
