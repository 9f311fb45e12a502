/**
 * The colours every chart uses, defined once so a control kind, a recovery kind or a run has the
 * same colour in the app, the reports and their legends. Pure data, here in the engine because
 * both the renderer and the Node side may import the engine and nothing else they share.
 *
 * Based on the Okabe–Ito colour-blind-safe set; neighbours differ in lightness as well as hue, so
 * lines stay apart when printed in grey (runs also differ by dash pattern, {@link RUN_DASHES}).
 */
import type { ControlKind, RecoveryKind } from '../model/constants.ts';

/** One colour per control kind (ssr-model.md §7). */
export const CONTROL_COLORS: Record<ControlKind, string> = {
  sessionMetadata: '#0072B2',
  healthCheck: '#E69F00',
  ack: '#009E73',
  enableMetadata: '#D55E00',
  disableForwardMetadata: '#CC79A7',
  bfd: '#9CA3AF',
};

/** One colour per recovered-by kind. `none` is grey: nothing acted. */
export const RECOVERY_COLORS: Record<RecoveryKind, string> = {
  'packet-based': '#0072B2',
  'health-check': '#E69F00',
  bfd: '#56B4E9',
  failover: '#009E73',
  metadata: '#CC79A7',
  'new-session': '#D55E00',
  none: '#6B7280',
};

/** Run colours in order (the baseline first); a comparison of more runs cycles through them. */
export const RUN_COLORS: readonly string[] = ['#1F2937', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** Line styles in run order, so runs stay apart in grey print. */
export const RUN_DASHES: readonly ('solid' | 'dashed' | 'dotted')[] = ['solid', 'dashed', 'dotted'];

/** Colours of the chart's main quantities. */
export const METRIC_COLORS = {
  delivered: '#0072B2',
  lost: '#D55E00',
  inOutage: '#D55E00',
  active: '#6B7280',
  fault: '#B91C1C',
} as const;

/** Verdict colours of a comparison: better, worse, changed (neutral rows). */
export const VERDICT_COLORS = { better: '#1A7F37', worse: '#B42318', changed: '#475467', same: '#667085' } as const;

/** Node colours by kind, for topology pictures. */
export const NODE_COLORS = { client: '#E5E7EB', server: '#E5E7EB', spoke: '#DBEAFE', hub: '#C7D2FE' } as const;

/** The colour of run number `i` (0 = baseline). */
export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length]!;
}
