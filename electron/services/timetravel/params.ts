/** A seek's validated params (engine/contract/api.ts) as the engine's seek target. */
import type { ParsedParams, SeekTarget } from '../../../engine/index.ts';

/** The target a `sim:seek` or `runs:seek` call names (the schema lets exactly one through). */
export function seekTarget(p: ParsedParams<'sim:seek'>): SeekTarget {
  if (p.tUs !== undefined) return { tUs: p.tUs };
  if (p.event !== undefined) return { event: p.event };
  if (p.fault !== undefined) return { fault: p.fault };
  return { step: p.step ?? 'forward', from: p.from ?? 0, ...(p.categories ? { categories: p.categories } : {}) };
}

/** The sessions tables a seek asks for. */
export function seekTables(p: ParsedParams<'sim:seek'>): { router?: string; limit: number } {
  return { limit: p.limit, ...(p.router !== undefined ? { router: p.router } : {}) };
}
