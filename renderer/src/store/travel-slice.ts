/** Which run time travel shows (the paused live run, or a stored run), and opening/closing it. */
import type { Slice, TravelSlice } from './types.ts';

/** Creates the travel slice. */
export const createTravelSlice: Slice<TravelSlice> = (set, get) => ({
  travel: null,
  openTravel: (travel) => set({ travel, view: 'timetravel' }),
  closeTravel: () => {
    const t = get().travel;
    // Back where it was opened from: a stored run's page, or the lab.
    if (t?.kind === 'run') set({ view: 'history', openRunId: t.runId });
    else set({ view: 'lab' });
  },
});
