/**
 * Flag values that commander hands over as text. Checked by hand rather than with commander's
 * argParser so every bad flag is reported, each on its own line naming the flag.
 */
import { MAX_DURATION_MS } from '../../engine/index.ts';

const MAX_SEED = 4_294_967_295;

/** A checked flag value, or a problem line naming the flag. */
export type FlagValue<T> = { ok: true; value: T } | { ok: false; line: string };

/** `--seed`: a whole number 0…4294967295, written in plain digits. */
export function parseSeedFlag(text: string): FlagValue<number> {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(value) && value <= MAX_SEED) return { ok: true, value };
  return { ok: false, line: `--seed: must be a whole number from 0 to ${MAX_SEED} (got ${JSON.stringify(text)})` };
}

/** `--duration-ms`: virtual time in ms, 1…86400000, decimals allowed as in a scenario file. */
export function parseDurationFlag(text: string): FlagValue<number> {
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (value >= 1 && value <= MAX_DURATION_MS) return { ok: true, value };
  return { ok: false, line: `--duration-ms: must be a number of ms from 1 to ${MAX_DURATION_MS} (24 h) (got ${JSON.stringify(text)})` };
}
