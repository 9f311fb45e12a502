/**
 * The one subscription to the live run's events. Snapshots are queued and folded into the store
 * at most once per animation frame, so a burst (the host sends up to 20 a second, a slow frame
 * may see several) costs one render. A timer backs the frame up: a hidden window gets no frames,
 * and the queue must not grow while nobody looks.
 */
import { useEffect } from 'react';
import type { Events, LiveSnapshot } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLabStore } from '../store/context.tsx';
import { count } from './format.ts';
import { failedWords } from '../runs/outcome-words.ts';

const FALLBACK_MS = 250;

/** Words for how a run ended, for the notice. */
export function endedText(e: Events['sim:ended']): { kind: 'info' | 'error'; text: string } {
  if (e.status === 'failed') return { kind: 'error', text: `The run failed${e.message ? `: ${e.message}` : ''}` };
  const s = e.summary?.sessions;
  const failed = s ? failedWords(s) : '';
  const numbers = s ? `: ${count(s.total)} sessions, ${count(s.affected)} affected, ${count(s.recovered)} recovered${failed ? `, ${failed}` : ''}` : '';
  return { kind: 'info', text: `Run ${e.status}${numbers}` };
}

/** Subscribes to `sim:snapshot` and `sim:ended` for the app's lifetime (call once). */
export function useLiveConnection(): void {
  const api = useApi();
  const store = useLabStore();
  useEffect(() => {
    let queue: LiveSnapshot[] = [];
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
      const batch = queue;
      queue = [];
      store.getState().applySnapshots(batch);
    };
    // Until the host has said what is live, snapshots wait: a run already going is joined from
    // its whole picture (sim:state), and the snapshots that raced it are folded in after.
    let early: LiveSnapshot[] | null = [];
    const offSnapshot = api.on('sim:snapshot', (snap) => {
      if (early) {
        early.push(snap);
        return;
      }
      queue.push(snap);
      if (frame === null) frame = requestAnimationFrame(flush);
      if (timer === null) timer = setTimeout(flush, FALLBACK_MS);
    });
    const offEnded = api.on('sim:ended', (e) => {
      join(null);
      flush();
      const s = store.getState();
      s.endLive(e);
      const { kind, text } = endedText(e);
      s.notify(kind, text);
    });
    // A run may already be live (the window reloaded, or another window started it).
    let isMounted = true;
    const join = (full: LiveSnapshot | null) => {
      if (!early) return;
      const later = early;
      early = null;
      const s = store.getState();
      if (full && s.live?.runId !== full.runId) s.joinLive(full, later);
      else s.applySnapshots(later);
    };
    void api.call('sim:state').then((r) => {
      if (isMounted) join(r.ok ? r.value : null);
    });
    return () => {
      isMounted = false;
      offSnapshot();
      offEnded();
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, store]);
}
