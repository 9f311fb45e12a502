/** What every report page shares: the document shell, the header, the assumptions, the footer. */
import { ASSUMPTIONS, ENGINE_VERSION } from '../../../engine/index.ts';
import { html, trusted, type Html, type HtmlValue } from './html.ts';
import { REPORT_CSS } from './style.ts';

/** A whole self-contained HTML document: inline CSS, no script, no external reference. */
export function documentShell(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Session Recovery Lab ${ENGINE_VERSION}">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`.text;
}

/** One item of a header's meta line. */
export type MetaItem = [label: string, value: HtmlValue];

/** Header: a kicker, the title, the meta line and an optional description. */
export function header(kicker: string, title: string, meta: readonly MetaItem[], description?: string): Html {
  return html`<header>
<div class="kicker">Session Recovery Lab · ${kicker}</div>
<h1>${title}</h1>
<div class="meta">${meta.map(([k, v]) => html`<span>${k} <b>${v}</b></span>`)}</div>
${description ? html`<p class="description">${description}</p>` : ''}
</header>`;
}

/** A report section; `major` ones start on a new page when printed. */
export function section(id: string, title: string, body: HtmlValue, major = true): Html {
  return html`<section id="${id}"${major ? html` class="major"` : ''}><h2>${title}</h2>${body}</section>`;
}

/** Every assumption of the model, with its section of the model and the setting that changes it. */
export function assumptionsSection(): Html {
  const items = ASSUMPTIONS.map(
    (a) =>
      html`<div class="assumption"><span class="t">${a.title}</span><span class="s">${a.section}${a.knob ? html` · setting <code>${a.knob}</code>` : ''}${a.source === 'engine' ? ' · emulator decision' : ''}</span><div>${a.text}</div></div>`,
  );
  const intro = html`<p class="note">Where public documentation of the real router is silent, the emulator makes these assumptions. Results depend on them; a setting named beside an assumption changes it in a scenario.</p>`;
  return section('assumptions', 'Model assumptions', [intro, items]);
}

/** Footer: the identifiers that let anyone reproduce the run(s). */
export function footer(items: readonly MetaItem[], extra?: HtmlValue): Html {
  return html`<footer><div class="meta">${items.map(([k, v]) => html`<span>${k} <b class="mono">${v}</b></span>`)}</div>${extra ?? ''}</footer>`;
}

/** A labelled `<details>` block with pretty-printed JSON. */
export function jsonDetails(summary: string, value: unknown): Html {
  return html`<details><summary>${summary}</summary><pre>${JSON.stringify(value, null, 2)}</pre></details>`;
}
