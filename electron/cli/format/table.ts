/** Plain-text tables for a terminal: no borders, columns two spaces apart, numbers right-aligned. */

/** A column: its heading and which side its cells hug. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Lays out `rows` under `columns`, each line prefixed by `indent` spaces; trailing spaces are
 * trimmed. A row shorter than the columns is padded with empty cells.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = 2): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => {
    const parts = columns.map((c, i) => {
      const cell = cells[i] ?? '';
      const w = widths[i] ?? 0;
      return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
    });
    return (' '.repeat(indent) + parts.join('  ')).trimEnd();
  };
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

/** An integer count as plain digits (easy to copy into a script or compare with `show stats`). */
export function count(n: number): string {
  return String(n);
}

/** Milliseconds with one decimal. */
export function ms(n: number): string {
  return n.toFixed(1);
}

/** A virtual or wall duration in words: `850 ms`, `20 s`, `1.234 s`, `2 min 5 s`. */
export function duration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Number(milliseconds.toFixed(1))} ms`;
  if (milliseconds < 120_000) return `${Number((milliseconds / 1000).toFixed(3))} s`;
  const totalS = Math.round(milliseconds / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', s > 0 ? `${s} s` : ''].filter(Boolean).join(' ');
}
