/** Number and time formatting for reports: readable for managers, exact enough for engineers. */

/** An integer with thousands separators: `25,776`. */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A number with up to `digits` decimals and separators: `1,021.5`. */
export function num(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A duration given in ms, in the unit a person would say: `850 ms`, `1.02 s`, `12.4 s`, `2 min 5 s`. */
export function dur(ms: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${num(ms, a < 10 ? 2 : 0)} ms`;
  // Number() drops trailing zeros: 1000 ms reads "1 s", not "1.00 s".
  if (a < 10_000) return `${Number((ms / 1000).toFixed(2))} s`;
  if (a < 120_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const total = Math.round(a / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
  return ms < 0 ? `−${text}` : text;
}

/** A virtual time in ms as seconds on the run's clock: `20.000 s`. */
export function at(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A fraction as a percentage: `12.5 %`, `<0.1 %` for tiny non-zero values. */
export function pct(fraction: number, digits = 1): string {
  const p = fraction * 100;
  if (p !== 0 && Math.abs(p) < 10 ** -digits) return `${p < 0 ? '>−' : '<'}${(10 ** -digits).toFixed(digits)} %`;
  return `${p.toFixed(digits)} %`;
}

/** A number with its sign always shown: `+50`, `−3` (true minus, so it reads well in print). */
export function signed(text: string, n: number): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text.replace(/^[-−]/, '')}`;
  return text;
}

/** A date as `2025-03-14 09:26 UTC` (no locale: the report reads the same everywhere). */
export function date(value: string | Date | undefined): string {
  if (value === undefined) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A relative change with its sign, digits by size: `+1,371 %`, `+4.1 %`, `−0.01 %`, `<0.01 %` when tinier. */
export function relPct(fraction: number): string {
  const p = Math.abs(fraction * 100);
  const digits = p >= 10 ? 0 : p >= 1 ? 1 : 2;
  const text = p > 0 && p < 0.01 ? '<0.01 %' : `${p.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} %`;
  return fraction > 0 ? `+${text}` : fraction < 0 ? `−${text}` : text;
}
