/**
 * The N-1 report of a what-if analysis: one self-contained HTML file with what was failed and
 * against which baseline, the ranking table (sessions lost, sessions hit, worst outage) and the
 * blast-radius map — the lab drawn as on the canvas, every element coloured by the harm its
 * failure causes (engine/whatif/blast-radius.ts, the same data the app draws).
 */
import { blastRadiusMap, worstHead, HARM_COLORS, HARM_WORDS, type HarmLevel, type Scenario, type WhatIfRank, type WhatIfState } from '../../../engine/index.ts';
import { html, trusted, type Html } from './html.ts';
import { assumptionsSection, documentShell, footer, header, section } from './page.ts';
import { dur, int, num } from './format.ts';
import { CHART_WIDTH } from './style.ts';

/** What the report shows. */
export interface N1ReportInput {
  scenario: Scenario;
  state: WhatIfState;
}

const LEVELS: HarmLevel[] = ['severe', 'high', 'medium', 'low', 'none', 'untested'];
const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The map as SVG (scaled to the page; big labs drop their labels). */
export function blastRadiusSvg(scenario: Pick<Scenario, 'nodes' | 'links'>, ranking: readonly WhatIfRank[]): string {
  const m = blastRadiusMap(scenario, ranking);
  const pad = 40;
  const vb = `${m.bounds.x - pad} ${m.bounds.y - pad} ${m.bounds.width + 2 * pad} ${m.bounds.height + 2 * pad}`;
  const height = Math.min(900, Math.round(((m.bounds.height + 2 * pad) / (m.bounds.width + 2 * pad)) * CHART_WIDTH));
  const labels = m.nodes.length <= 200;
  const tip = (id: string, r: WhatIfRank | undefined, level: HarmLevel) =>
    `<title>${esc(id)}: ${r ? `rank ${r.rank}, ${num(r.sessionsLost)} sessions lost, ${num(r.sessionsAffected)} hit, worst outage ${dur(r.worstOutageMs)}` : HARM_WORDS[level]}</title>`;
  const parts: string[] = [];
  for (const l of m.links) {
    const tested = l.level !== 'untested';
    parts.push(
      `<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" stroke="${tested ? HARM_COLORS[l.level] : '#C7CDD4'}" stroke-width="${tested ? 8 : 2}" stroke-linecap="round">${tip(l.id, l.rank, l.level)}</line>`,
    );
  }
  for (const n of m.nodes) {
    const router = n.kind === 'spoke' || n.kind === 'hub';
    const dark = n.level === 'severe';
    parts.push(
      `<g><rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="${router ? 14 : 8}" fill="${HARM_COLORS[n.level]}" stroke="${router ? '#374151' : '#9CA3AF'}" stroke-width="${router ? 2 : 1}"/>` +
        (labels
          ? `<text x="${n.x + n.w / 2}" y="${n.y + n.h / 2 + 6}" text-anchor="middle" font-size="18" font-weight="${router ? 650 : 400}" fill="${dark ? '#fff' : '#1F2937'}">${esc(n.id)}${n.rank ? ` · #${n.rank.rank}` : ''}</text>`
          : '') +
        `${tip(n.id, n.rank, n.level)}</g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="Blast-radius map" style="max-width:100%;height:auto;font-family:system-ui,sans-serif">${parts.join('')}</svg>`;
}

function legend(): Html {
  return html`<p class="note">${LEVELS.map((l) => html`<span style="display:inline-flex;align-items:center;gap:5px;margin-right:14px"><span style="display:inline-block;width:14px;height:14px;border-radius:3px;border:1px solid #9CA3AF;background:${HARM_COLORS[l]}"></span>${HARM_WORDS[l]}</span>`)}</p>`;
}

function rankingTable(ranking: readonly WhatIfRank[]): Html {
  const rows = ranking.map(
    (r) =>
      html`<tr><td class="n">${r.rank}</td><td>${r.kind} <b>${r.element}</b></td><td class="n">${num(r.sessionsLost)}</td><td class="n">${num(r.sessionsAffected)}</td><td class="n">${dur(r.worstOutageMs)}</td><td class="mono">${r.runIds.join(' ')}</td></tr>`,
  );
  return html`<table><thead><tr><th class="n">rank</th><th>element that fails</th><th class="n">sessions lost</th><th class="n">sessions hit</th><th class="n">worst outage</th><th>stored runs</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The whole report. */
export function n1Report(input: N1ReportInput): string {
  const { scenario, state: s } = input;
  const b = s.baseline;
  const baselineWords =
    b.labFaults === 0
      ? 'the lab as is (it has no faults of its own)'
      : b.keptFaults
        ? `the lab with its own ${b.labFaults} fault(s) kept in every run`
        : `the lab without its own ${b.labFaults} fault(s) (a fault-free baseline)`;
  const head = worstHead(s.ranking);
  const harm = (r: WhatIfRank) => `${num(r.sessionsLost)} sessions lost and ${num(r.sessionsAffected)} hit by an outage beyond the baseline, the worst outage ${dur(r.worstOutageMs)}`;
  const lede = !head
    ? html`<p class="lede">Nothing was failed.</p>`
    : head.harmless
      ? html`<p class="lede">Of ${int(s.ranking.length)} elements failed one at a time, none harms a session beyond the baseline.</p>`
      : head.tied.length === 1
        ? html`<p class="lede">Of ${int(s.ranking.length)} elements failed one at a time, <b>${head.names}</b> hurts most: ${harm(head.tied[0]!)}.</p>`
        : html`<p class="lede">Of ${int(s.ranking.length)} elements failed one at a time, ${int(head.tied.length)} hurt most, alike: <b>${head.names}</b>; each ${harm(head.tied[0]!)}.</p>`;
  const body = html`${header('N-1 analysis', scenario.name, [
    ['failed', `each ${s.failEach === 'router' ? 'spoke and hub' : s.failEach}`],
    ['runs', int(s.total)],
    ['at', `${num(b.failAtMs / 1000)} s for ${num(b.failForMs / 1000)} s`],
    ['wall time', dur(s.elapsedMs)],
  ])}
${lede}
<p class="note">Every run fails one element (${s.failEach === 'link' ? 'the link goes down' : 'the router restarts'}) at ${num(b.failAtMs / 1000)} s for ${num(b.failForMs / 1000)} s. Harm is measured beyond the baseline: ${baselineWords}.</p>
${section('map', 'Blast radius', [legend(), trusted(blastRadiusSvg(scenario, s.ranking))])}
${section('ranking', 'What hurts most when it fails', rankingTable(s.ranking))}
${assumptionsSection()}
${footer([
  ['sweep', s.sweepId],
  ['baseline run', s.baselineRunId ?? '—'],
])}`;
  return documentShell(`N-1: ${scenario.name}`, body);
}
