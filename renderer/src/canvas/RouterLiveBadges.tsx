/**
 * A router's live badges (up or down, sessions, sessions in outage). Each badge reads its own
 * router's entry (useLiveEntry.ts) with selectors that return primitives, so a snapshot re-renders
 * only the badges whose values changed — never the node around them, nor React Flow's nodes.
 */
import { memo } from 'react';
import { useIsFar } from './useCanvasDetail.ts';
import { useLiveRouter } from './useLiveEntry.ts';

function RouterLiveBadgesImpl({ id }: { id: string }) {
  // A big lab zoomed out hides node text (canvas-detail.css): counts nobody can read are not
  // rendered either, so a snapshot changes nothing on a far canvas but the tiles' colours.
  const isFar = useIsFar();
  const up = useLiveRouter(id, (b) => (isFar ? undefined : b?.up));
  const sessions = useLiveRouter(id, (b) => (isFar ? 0 : (b?.sessions ?? 0)));
  const inOutage = useLiveRouter(id, (b) => (isFar ? 0 : (b?.inOutage ?? 0)));
  // A big lab's badges arrive a few dozen routers a snapshot (design.css hangs them under the
  // node, outside its box, so they never resize it).
  if (up === undefined) return null;
  return (
    <span className="live-badges">
      <span className={`live-state ${up ? 'up' : 'down'}`}>{up ? 'up' : 'down'}</span>
      <span className="live-sessions" title="Sessions on this router">
        {sessions} sess
      </span>
      {inOutage > 0 && (
        <span className="live-outage" title="Sessions in outage">
          {inOutage} out
        </span>
      )}
    </span>
  );
}

/** The live badges of router `id` (nothing when there is no run to show). */
export const RouterLiveBadges = memo(RouterLiveBadgesImpl);
