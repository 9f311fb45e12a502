/**
 * The IPC end of the bridge in main: one `invoke` channel answering `call(method, params)`
 * from the preload. Every call is checked before it reaches the API: the sending frame must be
 * the main frame of a page of the app (app://lab), the method a string; the dispatcher then validates the method
 * and params against the contract. Every answer is an ApiResult: nothing throws across IPC
 * (a rejected invoke would show the page Electron's internal error text).
 *
 * The binding takes the ipcMain-like object and the dispatcher as parameters, so tests pass
 * fakes for Electron's side and the real createApi dispatcher for ours.
 */
import type { ApiError, ApiResult } from '../../engine/index.ts';
import { CALL_CHANNEL } from '../preload/channels.ts';
import { isAppUrl } from './protocol.ts';

/** A frame as main sees it: its URL and its parent (null for a page's main frame). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** What main needs of an invoke event: the frame that sent it (null once it is gone) and its page. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender?: { readonly mainFrame: unknown };
}

/** The part of Electron's ipcMain the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<ApiResult<unknown>>): void;
  removeHandler(channel: string): void;
}

/** Answers one call (the API's `handle`, possibly wrapped with the shell's own methods). */
export type Dispatch = (method: string, params: unknown) => Promise<ApiResult<unknown>>;

/** Options of {@link bindApi}. */
export interface BindOptions {
  /** Whether a frame URL may call the API (default: app://lab pages only). */
  isTrustedUrl?: (url: string) => boolean;
  /** Told about refused senders (default: nothing). */
  onRefused?: (url: string | null) => void;
}

const fail = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/** Checks and answers one invoke; never throws. */
export async function answerCall(event: InvokeEventLike, method: unknown, params: unknown, dispatch: Dispatch, o: BindOptions = {}): Promise<ApiResult<unknown>> {
  const frame = event.senderFrame;
  const url = frame?.url ?? null;
  // The page's main frame only: an app://lab frame inside it (an iframe of a report, say) is
  // not the lab, whatever its URL.
  const isMainFrame = frame !== null && frame.parent === null && (event.sender === undefined || event.sender.mainFrame === frame);
  if (url === null || !isMainFrame || !(o.isTrustedUrl ?? isAppUrl)(url)) {
    o.onRefused?.(url);
    return fail('unauthorized', 'only the lab’s own pages may use its API');
  }
  if (typeof method !== 'string') return fail('bad-method', `the method must be a string, got ${method === null ? 'null' : typeof method}`);
  try {
    const result = await dispatch(method, params);
    return result;
  } catch (error) {
    return fail('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Registers the API on CALL_CHANNEL; returns the function that removes it. */
export function bindApi(ipc: IpcMainLike, dispatch: Dispatch, o: BindOptions = {}): () => void {
  ipc.handle(CALL_CHANNEL, (event, method, params) => answerCall(event, method, params, dispatch, o));
  return () => ipc.removeHandler(CALL_CHANNEL);
}
