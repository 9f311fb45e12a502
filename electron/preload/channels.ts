/**
 * The two IPC channels between the preload and main. Imported by both sides (the preload's
 * bundle inlines them), so the names cannot drift apart. Imports nothing.
 */

/** Renderer → main: `invoke(CALL_CHANNEL, method, params)`, answered with an ApiResult. */
export const CALL_CHANNEL = 'srlab:call';
/** Main → renderer: every event, as `{ event, payload }`. */
export const EVENT_CHANNEL = 'srlab:event';

/** What travels on EVENT_CHANNEL. */
export interface EventEnvelope {
  event: string;
  payload: unknown;
}
