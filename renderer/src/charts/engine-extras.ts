/**
 * Engine helpers the renderer needs that engine/index.ts does not export yet (the palette, the
 * comparison's types, the effective recovery settings). Imported deeper than the index in this
 * one file only, so adding them to the index later changes one line each here.
 */
export { CONTROL_COLORS, METRIC_COLORS, RECOVERY_COLORS, RUN_DASHES, runColor } from '../../../engine/compare/palette.ts';
export { CONTROL_KIND_LABELS } from '../../../engine/compare/kpi.ts';
export { effectiveRecovery, describeRecovery, type EffectiveRecovery } from '../../../engine/compare/effective.ts';
