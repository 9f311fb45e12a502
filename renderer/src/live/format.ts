/** Number and time formatting shared by the live panels, History and Compare. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** `mm:ss.mmm` of a virtual time in ms (hours prepended past 60 minutes). */
export function clock(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const frac = t % 1000;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(frac).padStart(3, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** A count with thousands separators (`12,345`). */
export function count(n: number): string {
  return grouped.format(n);
}

/** Milliseconds in the unit that reads best: `850 ms`, `2.04 s`, `3 min 5 s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${precise.format(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** Bytes as B / kB / MB (decimal, as link speeds are). */
export function bytes(n: number): string {
  if (Math.abs(n) < 1000) return `${count(n)} B`;
  if (Math.abs(n) < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}

/** A speed multiplier as the controls show it: `0.1×`, `1000×`, `max`. */
export function speedLabel(s: number | 'max'): string {
  return s === 'max' ? 'max' : `${s}×`;
}

/** Achieved speed, rounded to what a glance can use. */
export function achieved(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '—';
  return x >= 100 ? `${Math.round(x)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

/** A date-time as `2025-03-01 14:02:33` in local time. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A detail value as text (booleans as yes/no). */
export function detailValue(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}
