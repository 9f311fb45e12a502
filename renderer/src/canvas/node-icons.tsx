/** Small line icons for the node kinds (inline SVG: crisp at every zoom, coloured by CSS). */
import type { NodeKind } from '../../../engine/index.ts';

const common = { width: 22, height: 22, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** The icon of a node kind. */
export function KindIcon({ kind }: { kind: NodeKind }) {
  switch (kind) {
    case 'client':
      return (
        <svg {...common} aria-hidden="true">
          <rect x="3" y="4" width="18" height="12" rx="1.5" />
          <path d="M2 20h20M9 16l-1 4M15 16l1 4" />
        </svg>
      );
    case 'server':
      return (
        <svg {...common} aria-hidden="true">
          <rect x="4" y="3" width="16" height="8" rx="1.5" />
          <rect x="4" y="13" width="16" height="8" rx="1.5" />
          <path d="M8 7h.01M8 17h.01M12 7h5M12 17h5" />
        </svg>
      );
    case 'spoke':
      return (
        <svg {...common} aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <path d="M7 12h10M14 9l3 3-3 3M10 9l-3 3 3 3" />
        </svg>
      );
    case 'hub':
      return (
        <svg {...common} aria-hidden="true">
          <circle cx="12" cy="12" r="9" />
          <circle cx="12" cy="12" r="2.2" />
          <path d="M12 3v6.8M12 14.2V21M3 12h6.8M14.2 12H21" />
        </svg>
      );
  }
}
