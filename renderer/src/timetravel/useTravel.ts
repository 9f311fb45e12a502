/**
 * Asks the host for moments of a run (`sim:seek` for the paused live run, `runs:seek` for a
 * stored one), one request at a time: a scrub replaces whatever waits behind the request in
 * flight (only the newest position matters while dragging), steps queue up and each starts
 * from where the previous one landed, so pressing Step three times moves three events.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult, EventCategory, SeekView } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import type { TravelSource } from '../store/types.ts';

/** A place to go, as the seek methods take it. */
export type TravelTarget = { tUs: number } | { event: number } | { fault: number } | { step: 'forward' | 'back'; from: number; categories?: EventCategory[] };

/** A request: an absolute target, or one computed from the moment shown when it is sent. */
type Request = { kind: 'scrub'; target: TravelTarget } | { kind: 'step'; target: (v: SeekView | null) => TravelTarget | null };

/** What the view shows. */
export interface Travel {
  view: SeekView | null;
  /** A request is on its way (the first one of a stored run re-runs it: seconds for a big run). */
  isLoading: boolean;
  error: string | null;
  /** Goes to an absolute target (replacing any request still waiting). */
  go(target: TravelTarget): void;
  /** One step through the chosen kinds of events, from where the previous request lands. */
  step(direction: 'forward' | 'back', categories: readonly EventCategory[] | null): void;
}

/** Time travel over `source`, starting at `initial`. */
export function useTravel(source: TravelSource, initial: TravelTarget): Travel {
  const api = useApi();
  const [view, setView] = useState<SeekView | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<SeekView | null>(null);
  const queue = useRef<Request[]>([]);
  const inFlight = useRef(false);
  const alive = useRef(true);
  const runId = source.kind === 'run' ? source.runId : null;

  const send = useCallback((target: TravelTarget): Promise<ApiResult<SeekView>> => (runId === null ? api.call('sim:seek', { ...target }) : api.call('runs:seek', { runId, ...target })), [api, runId]);

  const pump = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    try {
      for (let r = queue.current.shift(); r !== undefined; r = queue.current.shift()) {
        const target = r.kind === 'scrub' ? r.target : r.target(latest.current);
        if (target === null) continue;
        const res = await send(target);
        if (!alive.current) return;
        if (res.ok) {
          latest.current = res.value;
          setView(res.value);
          setError(null);
        } else {
          setError(res.error.message);
          // Steps computed from a moment that never came would go astray: drop them.
          queue.current = queue.current.filter((q) => q.kind === 'scrub');
        }
      }
    } finally {
      inFlight.current = false;
      if (alive.current) setLoading(false);
    }
  }, [send]);

  const go = useCallback(
    (target: TravelTarget) => {
      queue.current = [{ kind: 'scrub', target }];
      void pump();
    },
    [pump],
  );

  const step = useCallback(
    (direction: 'forward' | 'back', categories: readonly EventCategory[] | null) => {
      queue.current.push({
        kind: 'step',
        target: (v) => (v === null ? null : { step: direction, from: v.snapshot.events, ...(categories ? { categories: [...categories] } : {}) }),
      });
      void pump();
    },
    [pump],
  );

  // A new source starts afresh at its initial moment.
  const first = useRef(initial);
  first.current = initial;
  useEffect(() => {
    alive.current = true;
    latest.current = null;
    setView(null);
    setError(null);
    queue.current = [{ kind: 'scrub', target: first.current }];
    void pump();
    return () => {
      alive.current = false;
      queue.current = [];
    };
  }, [pump]);

  return { view, isLoading, error, go, step };
}
