/**
 * The blast-radius map: the lab as the canvas draws it, each element coloured by the harm its
 * failure causes (engine/whatif/blast-radius.ts). Elements that were failed are buttons: they
 * open the run of their failure. A lab that fits the frame at a legible scale is shown whole;
 * a bigger one keeps a legible scale and pans with the scroll bars; big labs drop node labels.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { blastRadiusMap, HARM_COLORS, HARM_WORDS, type HarmLevel, type Scenario, type WhatIfRank } from '../../../engine/index.ts';
import { count } from '../live/format.ts';

const LEVELS: HarmLevel[] = ['severe', 'high', 'medium', 'low', 'none', 'untested'];
const PAD = 40;
/** Below this scale a router's label is under 10 px: show the map larger and let it scroll. */
const MIN_FIT = 0.5;

/**
 * The map's width on screen for a drawing of `w` × `h` units in a frame of `frame` pixels
 * (null until measured): the whole map when it fits at a legible scale (never enlarged), else
 * a legible scale the frame scrolls over.
 */
export function mapWidth(w: number, h: number, frame: { w: number; h: number } | null): { width: number; whole: boolean } {
  const fit = frame ? Math.min(frame.w / w, frame.h / h) : 0;
  if (fit >= MIN_FIT) return { width: w * Math.min(fit, 1), whole: true };
  return { width: Math.max(900, Math.min(w * 0.6, 6000)), whole: false };
}

/** The scroll frame's width and the height it may take (its CSS `max-height`). */
function useFrame(): [React.RefObject<HTMLDivElement | null>, { w: number; h: number } | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const maxHeight = parseFloat(getComputedStyle(el).maxHeight);
      setFrame(el.clientWidth > 0 && maxHeight > 0 ? { w: el.clientWidth, h: maxHeight } : null);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return [ref, frame];
}

function describe(id: string, r: WhatIfRank | undefined, level: HarmLevel): string {
  if (!r) return `${id}: ${HARM_WORDS[level]}`;
  return `${id}: rank ${r.rank} — ${count(r.sessionsLost)} sessions lost, ${count(r.sessionsAffected)} hit, worst outage ${(r.worstOutageMs / 1000).toFixed(1)} s`;
}

/** The map; `onOpen` receives the element whose failure's run to open. */
export const BlastRadiusMap = memo(function BlastRadiusMap({
  scenario,
  ranking,
  onOpen,
}: {
  scenario: Pick<Scenario, 'nodes' | 'links'>;
  ranking: readonly WhatIfRank[];
  onOpen: (r: WhatIfRank) => void;
}) {
  const m = useMemo(() => blastRadiusMap(scenario, ranking), [scenario, ranking]);
  const labels = m.nodes.length <= 300;
  const w = m.bounds.width + 2 * PAD;
  const h = m.bounds.height + 2 * PAD;
  const [frameRef, frame] = useFrame();
  const { width, whole } = mapWidth(w, h, frame);
  const clickable = (r: WhatIfRank | undefined) =>
    r && r.runIds.length > 0
      ? {
          role: 'button',
          tabIndex: 0,
          className: 'whatif-hit',
          onClick: () => onOpen(r),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onOpen(r);
            }
          },
        }
      : {};
  return (
    <figure className="whatif-map">
      <figcaption className="whatif-legend">
        {LEVELS.map((l) => (
          <span key={l}>
            <i style={{ background: HARM_COLORS[l] }} aria-hidden="true" />
            {HARM_WORDS[l]}
          </span>
        ))}
      </figcaption>
      <div className="whatif-map-scroll" ref={frameRef}>
        <svg
          viewBox={`${m.bounds.x - PAD} ${m.bounds.y - PAD} ${w} ${h}`}
          width={width}
          height={(width * h) / w}
          className={whole ? 'whatif-map-whole' : undefined}
          role="img"
          aria-label="Blast-radius map"
        >
          {m.links.map((l) => {
            const tested = l.level !== 'untested';
            return (
              <line
                key={l.id}
                x1={l.x1}
                y1={l.y1}
                x2={l.x2}
                y2={l.y2}
                stroke={tested ? HARM_COLORS[l.level] : '#C7CDD4'}
                strokeWidth={tested ? 9 : 2}
                strokeLinecap="round"
                aria-label={tested ? describe(l.id, l.rank, l.level) : undefined}
                {...clickable(l.rank)}
              >
                <title>{describe(l.id, l.rank, l.level)}</title>
              </line>
            );
          })}
          {m.nodes.map((n) => {
            const router = n.kind === 'spoke' || n.kind === 'hub';
            return (
              <g key={n.id} aria-label={n.rank ? describe(n.id, n.rank, n.level) : undefined} {...clickable(n.rank)}>
                <title>{describe(n.id, n.rank, n.level)}</title>
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={router ? 14 : 8} fill={HARM_COLORS[n.level]} stroke={router ? '#374151' : '#9CA3AF'} strokeWidth={router ? 2 : 1} />
                {labels && (
                  <text x={n.x + n.w / 2} y={n.y + n.h / 2 + 6} textAnchor="middle" fontSize={router ? 19 : 16} fontWeight={router ? 650 : 400} fill={n.level === 'severe' ? '#fff' : '#1F2937'}>
                    {n.id}
                    {n.rank ? ` · #${n.rank.rank}` : ''}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
});
