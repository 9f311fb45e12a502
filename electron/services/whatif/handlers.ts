/** The whatif:* methods (N-1 analysis of the lab on screen). */
import { ok, type Handlers } from '../api/results.ts';
import type { WhatIfService } from './service.ts';

/** Handlers answering from one What-if service. */
export function whatIfHandlers(s: WhatIfService): Handlers<'whatif:start' | 'whatif:state' | 'whatif:cancel' | 'whatif:report'> {
  return {
    'whatif:start': (p) => s.start(p),
    'whatif:state': () => {
      // The view asks when it opens: an analysis is likely to follow.
      s.prepare();
      return ok(s.state());
    },
    'whatif:cancel': () => ok(s.cancel()),
    'whatif:report': (p) => s.report(p.sweepId),
  };
}
