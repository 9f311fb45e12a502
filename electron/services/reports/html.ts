/**
 * A tiny HTML builder where escaping is the default: every value interpolated into an `html`
 * template is escaped unless it is itself `Html` (built by `html`, or trusted markup wrapped by
 * `trusted`). Scenario names, labels and descriptions are user text, so a report never pastes
 * a string in unescaped by accident.
 */

/** Markup that is safe to insert as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What an `html` template accepts: markup, text (escaped), numbers, nothing, or lists of these. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(String(v));
}

/** Tagged template: `html\`<td>${name}</td>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return new Html(out);
}

/** Wraps markup produced by trusted code (ECharts' SVG, which escapes its own text). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
