/** Run ids: short enough to type after `srlab replay`, sortable by creation time. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * `<ms since epoch, base 36, 8 chars>-<5 random base-36 chars>`, e.g. `mbx1k3q2-7f3qa`. The
 * random part (60 million values) makes two ids in the same millisecond all but impossible;
 * the primary key catches the rest.
 */
export function newRunId(nowMs: number): string {
  const time = Math.max(0, Math.floor(nowMs)).toString(36).padStart(8, '0');
  const bytes = randomBytes(5);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 36];
  return `${time}-${tail}`;
}
