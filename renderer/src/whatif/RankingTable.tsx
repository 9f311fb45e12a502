/** The ranking of an N-1 analysis: one row per failed element, worst first, each opening its run. */
import { memo } from 'react';
import type { WhatIfRank } from '../../../engine/index.ts';
import { count } from '../live/format.ts';

const SHOWN = 200;

/** The table (the first 200 rows; the report has them all). */
export const RankingTable = memo(function RankingTable({ ranking, onOpen }: { ranking: readonly WhatIfRank[]; onOpen: (r: WhatIfRank) => void }) {
  return (
    <table className="whatif-ranking" aria-label="What hurts most when it fails">
      <thead>
        <tr>
          <th className="n">rank</th>
          <th>element that fails</th>
          <th className="n">sessions lost</th>
          <th className="n">sessions hit</th>
          <th className="n">worst outage</th>
          <th>run</th>
        </tr>
      </thead>
      <tbody>
        {ranking.slice(0, SHOWN).map((r) => (
          <tr key={`${r.kind} ${r.element}`}>
            <td className="n">{r.rank}</td>
            <td>
              {r.kind} <b>{r.element}</b>
            </td>
            <td className="n">{count(r.sessionsLost)}</td>
            <td className="n">{count(r.sessionsAffected)}</td>
            <td className="n">{(r.worstOutageMs / 1000).toFixed(1)} s</td>
            <td>
              {r.runIds.length > 0 ? (
                <button type="button" className="link-button" onClick={() => onOpen(r)} aria-label={`Open the run where ${r.kind} ${r.element} fails`}>
                  open run
                </button>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
        {ranking.length > SHOWN && (
          <tr>
            <td colSpan={6} className="muted">
              … and {ranking.length - SHOWN} more in the N-1 report.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
});
