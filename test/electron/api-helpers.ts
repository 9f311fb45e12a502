/** Helpers of the tests that drive the host's services through their API. */
import type { ApiResult } from '../../engine/index.ts';

/** Waits until `pred` holds, looking every 20 ms; fails naming `what` after `ms`. */
export async function until(what: string, pred: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The value of an answer that must be a success (else the test fails with its error). */
export function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
