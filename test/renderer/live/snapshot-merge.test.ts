import { describe, expect, it } from 'vitest';
import { foldSnapshots } from '../../../renderer/src/store/sim-slice.ts';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import type { LiveSnapshot } from '../../../engine/index.ts';
import { bareSnapshot } from './helpers.tsx';

const badge = (sessions: number) => ({ up: true, mode: 'packet-based' as const, timeoutSec: 5, version: '6.1.0', sessions, inOutage: 0, exposure: 0 });
/** A running snapshot of run-1 at 100 ms, changed by `over`. */
const snap = (over: Partial<LiveSnapshot>): LiveSnapshot => ({ ...bareSnapshot('running', 100), ...over });

describe('live snapshots in the store', () => {
  it('keeps every router badge when later snapshots carry only the changed ones', () => {
    const s = createLabStore().getState();
    const first = foldSnapshots(s, [snap({ routers: { spoke1: badge(1), hub1: badge(1) } })], 0);
    const next = foldSnapshots(first, [snap({ tMs: 150, events: 20, routers: { hub1: badge(3) } })], 0);
    expect(next.live!.routers).toEqual({ spoke1: badge(1), hub1: badge(3) });
  });

  it('keeps every badge when a delta repeats the full answer to a pause', () => {
    const s = createLabStore().getState();
    const full = snap({ state: 'paused', routers: { spoke1: badge(1), hub1: badge(2) } });
    const afterFull = foldSnapshots(s, [full], 0);
    const afterDelta = foldSnapshots(afterFull, [snap({ state: 'paused', routers: {} })], 0);
    expect(Object.keys(afterDelta.live!.routers).sort()).toEqual(['hub1', 'spoke1']);
  });

  it('starts afresh for another run', () => {
    const s = createLabStore().getState();
    const a = foldSnapshots(s, [snap({ routers: { spoke1: badge(1) } })], 0);
    const b = foldSnapshots(a, [snap({ runId: 'run-2', routers: { hub9: badge(1) } })], 0);
    expect(Object.keys(b.live!.routers)).toEqual(['hub9']);
  });

  it('groups the packets in flight by link once per snapshot', () => {
    const s = createLabStore().getState();
    const f = foldSnapshots(
      s,
      [
        snap({
          packetsInFlight: [
            { link: 'wan1', dir: 0, kind: 'data', progress: 0.5 },
            { link: 'lan1', dir: 1, kind: 'bfd', progress: 0.1 },
            { link: 'wan1', dir: 1, kind: 'ack', progress: 0.9 },
          ],
        }),
      ],
      0,
    );
    expect(f.dotsByLink['wan1']!.map((d) => d.kind)).toEqual(['data', 'ack']);
    expect(f.dotsByLink['lan1']).toHaveLength(1);
  });
});
