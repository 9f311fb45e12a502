/** CSV basics shared by the reports and the CLI: RFC 4180 fields and the `--sessions` CSV (one row per session, the run's context on every row). */
import type { RunResult, SessionOutcome } from '../../../engine/index.ts';

// A Record over every key makes the compiler insist on a column for each SessionOutcome field
// (but the list of outages, which does not fit a cell: the run view and JSON carry it).
const SESSION_FIELDS = Object.keys({
  id: true,
  traffic: true,
  client: true,
  server: true,
  protocol: true,
  clientPort: true,
  startMs: true,
  endMs: true,
  sent: true,
  delivered: true,
  lost: true,
  outages: true,
  outageTotalMs: true,
  outageMaxMs: true,
  recoveredBy: true,
  failed: true,
  gaveUp: true,
  successor: true,
} satisfies Record<Exclude<keyof SessionOutcome, 'outageList'>, true>) as Exclude<keyof SessionOutcome, 'outageList'>[];

/** Columns of the sessions CSV, in order. */
export const SESSION_CSV_COLUMNS: readonly string[] = ['scenario', 'seed', 'fingerprint', ...SESSION_FIELDS];

/** What a spreadsheet reads as the start of a formula (and tab/CR, which some strip first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted only when it holds a quote, comma or line break. Text that
 * a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`: a scenario or node name
 * is whatever the file says) gets a leading `'`, so it is shown as text. Numbers are written as
 * they are: -3 stays a number.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header and one row per session, CRLF line ends as RFC 4180 asks. */
export function sessionsCsv(result: RunResult): string {
  const { scenario, seed, fingerprint } = result.summary;
  const rows = [SESSION_CSV_COLUMNS.map(csvField).join(',')];
  for (const s of result.sessions) {
    rows.push([scenario, seed, fingerprint, ...SESSION_FIELDS.map((f) => s[f])].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
