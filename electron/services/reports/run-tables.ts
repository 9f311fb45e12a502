/** The run report's tables: headline figures, settings, traffic, faults, worst sessions, overhead. */
import {
  CONTROL_KINDS,
  LOSS_CAUSES,
  type FaultLogEntry,
  type RunSummary,
  type Scenario,
  type SessionOutcome,
  type TrafficDef,
  describeMode,
  effectiveRecovery,
  CONTROL_KIND_LABELS,
  CONTROL_COLORS,
  RECOVERY_COLORS,
} from '../../../engine/index.ts';
import { html, type Html } from './html.ts';
import { at, dur, int, pct } from './format.ts';
import { faultDetails, faultTarget } from './faults.ts';

function card(value: Html | string, label: string, tone: '' | 'good' | 'bad' = ''): Html {
  return html`<div class="kpi${tone ? ` ${tone}` : ''}"><div class="v">${value}</div><div class="k">${label}</div></div>`;
}

/** The headline figures in big numbers. */
export function headlineCards(s: RunSummary): Html {
  const x = s.sessions;
  const lostShare = s.packets.sent > 0 ? s.packets.lost / s.packets.sent : 0;
  return html`<div class="kpis">
${card(html`${int(x.affected)}<small> of ${int(x.total)}</small>`, 'sessions affected')}
${card(int(x.recovered), 'recovered', x.affected > 0 && x.failed === 0 ? 'good' : '')}
${card(int(x.failed), 'failed', x.failed > 0 ? 'bad' : '')}
${card(x.affected ? dur(x.outageMs.p50) : '—', 'median outage')}
${card(x.affected ? dur(x.outageMs.max) : '—', 'worst outage')}
${card(int(s.packets.lost), `packets lost · ${pct(lostShare, 2)}`)}
${card(int(s.exposure.total), 'exposure', s.exposure.total > 0 ? 'bad' : '')}
</div>
<p class="note">Outage: from a session's first lost packet to its next delivered one. Failed: the application gave up, or the session was still in outage at the end. Exposure: enable-metadata sent in answer to packets of no session, the behaviour security scanners flag.</p>`;
}

/** Per-router recovery settings, with the authority-wide ones above. */
export function recoverySettings(scenario: Scenario): Html {
  const a = scenario.authority;
  const rows = effectiveRecovery(scenario).map(
    (r) => html`<tr><td><b>${r.id}</b>${r.label !== r.id ? html` <span class="note">${r.label}</span>` : ''}</td><td>${r.kind}</td><td>${r.softwareVersion}</td>
<td><b>${r.mode}</b>${!r.hasFeature ? html`<div class="note">older than 6.1.0: packet-based whatever is configured (${r.configuredMode})</div>` : ''}</td>
<td class="n">${r.hasFeature && r.mode === 'inactivity-based' ? `${r.inactivityTimeoutSec} s` : html`<span class="note">not used</span>`}</td>
<td>${r.isOverridden ? html`<b>per-router override</b>` : 'authority'}</td></tr>`,
  );
  return html`<p>Authority: session-recovery-detection <b>${describeMode(a.sessionRecoveryDetection.mode, a.sessionRecoveryDetection.inactivityTimeoutSec)}</b>;
health-check acknowledgement deadline ${dur(a.healthCheckAckTimeoutMs)}; BFD every ${dur(a.bfd.txIntervalMs)} × ${a.bfd.multiplier}, hold-down ${dur(a.bfd.holdDownMs)}; control-packet budget ${int(a.controlPacketsPerSec)}/s per router.</p>
<table><thead><tr><th>router</th><th>role</th><th>version</th><th>effective mode</th><th class="n">inactivity timeout</th><th>set by</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">The real product configures session-recovery-detection once per authority. Per-router overrides exist in this lab only for what-if work (a half-upgraded network, a mixed configuration).</p>`;
}

function trafficRate(t: TrafficDef): string {
  if (t.pattern === 'request-response') return `a request every ${dur(t.intervalMs)}, ${t.responsePackets} × ${int(t.responseBytes)} B back`;
  const who = t.pattern === 'stream-up' ? 'client sends' : t.pattern === 'stream-down' ? 'server sends' : 'both send';
  return `${who} ${t.ratePps} packets/s of ${int(t.packetBytes)} B`;
}

/** The traffic definitions: what the sessions were doing. */
export function trafficTable(scenario: Scenario): Html {
  if (scenario.traffic.length === 0) return html`<p class="note">No traffic defined.</p>`;
  const rows = scenario.traffic.map(
    (t) =>
      html`<tr><td><b>${t.id}</b></td><td>${t.from} → ${t.to}</td><td>${t.protocol.toUpperCase()}</td><td>${t.pattern}</td><td class="n">${int(t.sessions)}</td><td>${trafficRate(t)}${t.burst ? html`<div class="note">bursts: ${dur(t.burst.activeMs)} on, ${dur(t.burst.idleMs)} idle</div>` : ''}</td></tr>`,
  );
  return html`<table><thead><tr><th>traffic</th><th>from → to</th><th>protocol</th><th>pattern</th><th class="n">sessions</th><th>load</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The faults as they happened (scheduled from the scenario or injected live). */
export function faultTable(log: readonly FaultLogEntry[]): Html {
  if (log.length === 0) return html`<p class="note">No faults: the run shows the network undisturbed.</p>`;
  const rows = log.map(
    (e, i) => html`<tr><td><b>F${i + 1}</b></td><td class="n">${at(e.atMs)}</td><td>${e.fault.type}</td><td>${faultTarget(e.fault)}</td><td>${faultDetails(e.fault)}</td>
<td><span class="chip" style="background:${e.source === 'live' ? '#FEF3C7' : '#EEF2F6'}">${e.source === 'live' ? 'injected live' : 'scheduled'}</span></td></tr>`,
  );
  return html`<table><thead><tr><th>mark</th><th class="n">at</th><th>fault</th><th>target</th><th>what happens</th><th>source</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A coloured label for a recovered-by kind; `failed` wins. */
export function recoveryChip(s: Pick<SessionOutcome, 'recoveredBy' | 'failed'>): Html {
  if (s.recoveredBy === null) return html`<span class="note">—</span>`;
  const c = RECOVERY_COLORS[s.recoveredBy];
  return html`<span class="chip" style="border-color:${c};color:#1F2937"><span class="swatch" style="background:${c}"></span>${s.recoveredBy}</span>`;
}

/** Sessions with an outage or a failure, worst first (longest outage, then total outage). */
export function worstSessions(sessions: readonly SessionOutcome[], n = 10): SessionOutcome[] {
  return sessions
    .filter((s) => s.outages > 0 || s.failed)
    .sort((a, b) => b.outageMaxMs - a.outageMaxMs || b.outageTotalMs - a.outageTotalMs || a.id - b.id)
    .slice(0, n);
}

/** The top-10 table of worst sessions. */
export function worstSessionsTable(sessions: readonly SessionOutcome[]): Html {
  const worst = worstSessions(sessions);
  if (worst.length === 0) return html`<p class="note">No session had an outage.</p>`;
  const rows = worst.map(
    (
      s,
    ) => html`<tr><td class="n">${s.id}</td><td>${s.traffic}</td><td>${s.protocol.toUpperCase()} ${s.client} → ${s.server}</td><td class="n">${s.outages}</td><td class="n"><b>${dur(s.outageMaxMs)}</b></td><td class="n">${dur(s.outageTotalMs)}</td><td class="n">${int(s.lost)}</td>
<td>${recoveryChip(s)}</td><td>${s.failed ? html`<span class="yes">failed</span>${s.gaveUp ? html`<div class="note">gave up${s.successor !== null ? `, reopened as #${s.successor}` : ''}</div>` : html`<div class="note">in outage at the end</div>`}` : 'no'}</td></tr>`,
  );
  const affected = sessions.filter((s) => s.outages > 0 || s.failed).length;
  return html`<table><thead><tr><th class="n">session</th><th>traffic</th><th>path</th><th class="n">outages</th><th class="n">longest</th><th class="n">total</th><th class="n">lost pkts</th><th>recovered by</th><th>failed</th></tr></thead><tbody>${rows}</tbody></table>
${affected > worst.length ? html`<p class="note">${worst.length} of ${affected} affected sessions shown; the sessions CSV export has them all.</p>` : ''}`;
}

/** Packets, loss causes, control overhead by kind, exposure by router. */
export function packetsAndOverhead(s: RunSummary): Html {
  const p = s.packets;
  const causes = LOSS_CAUSES.filter((c) => p.lostBy[c] > 0);
  const lossRows = causes.map((c) => html`<tr><td>lost: ${c}</td><td class="n">${int(p.lostBy[c])}</td><td class="n">${pct(p.sent ? p.lostBy[c] / p.sent : 0, 2)}</td></tr>`);
  let count = 0;
  let bytes = 0;
  const ctlRows = CONTROL_KINDS.map((k) => {
    count += s.control[k].count;
    bytes += s.control[k].bytes;
    return html`<tr><td><span class="swatch" style="background:${CONTROL_COLORS[k]}"></span>${CONTROL_KIND_LABELS[k]}</td><td class="n">${int(s.control[k].count)}</td><td class="n">${int(s.control[k].bytes)}</td></tr>`;
  });
  const exposure = Object.entries(s.exposure.byRouter).map(([r, n]) => html`<tr><td>${r}</td><td class="n">${int(n)}</td></tr>`);
  return html`<h3>Application packets</h3>
<table class="compact"><thead><tr><th></th><th class="n">packets</th><th class="n">of sent</th></tr></thead><tbody>
<tr><td>sent</td><td class="n">${int(p.sent)}</td><td class="n"></td></tr>
<tr><td>delivered</td><td class="n">${int(p.delivered)}</td><td class="n">${pct(p.sent ? p.delivered / p.sent : 0, 2)}</td></tr>
<tr><td><b>lost</b></td><td class="n"><b>${int(p.lost)}</b></td><td class="n">${pct(p.sent ? p.lost / p.sent : 0, 2)}</td></tr>${lossRows}</tbody></table>
<p class="note">Sent minus delivered minus lost is what was still in flight when the run ended. no-flow: a router had no session for the packet.</p>
<h3>Control overhead</h3>
<table class="compact"><thead><tr><th>kind</th><th class="n">packets</th><th class="n">bytes</th></tr></thead><tbody>${ctlRows}
<tr><td><b>total</b></td><td class="n"><b>${int(count)}</b></td><td class="n"><b>${int(bytes)}</b></td></tr></tbody></table>
<p class="note">Session metadata and health checks ride on data packets (their bytes are the added attributes); acknowledgements, enable-metadata, disable-forward-metadata and BFD are packets of their own.</p>
<h3>Exposure</h3>
<table class="compact"><thead><tr><th>router</th><th class="n">enable-metadata sent for packets of no session</th></tr></thead><tbody>${exposure}
<tr><td><b>total</b></td><td class="n"><b>${int(s.exposure.total)}</b></td></tr></tbody></table>`;
}
