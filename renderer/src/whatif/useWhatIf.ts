/** The analysis the host is running or ran last: fetched once, then kept up to date by events. */
import { useEffect, useState } from 'react';
import type { WhatIfState } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';

/** The current What-if state (null: none yet) and whether the first fetch is in. */
export function useWhatIf(): { state: WhatIfState | null; isLoaded: boolean; error: string | null } {
  const api = useApi();
  const [state, setState] = useState<WhatIfState | null>(null);
  const [isLoaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on('whatif:progress', (s) => setState(s));
    void api.call('whatif:state').then((r) => {
      if (!live) return;
      if (r.ok) setState((cur) => cur ?? r.value);
      else setError(r.error.message);
      setLoaded(true);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { state, isLoaded, error };
}
