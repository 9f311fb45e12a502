/**
 * Faults in the editor: which targets fit each type (the engine's cross-checks, applied before
 * the user can pick something wrong), sensible starting values, and changing a fault's type
 * while keeping its time and, where it still fits, its target.
 */
import type { FaultType, ScenarioInput } from '../../../engine/index.ts';
import { isRouterKind } from '../../../engine/index.ts';
import { faultLink, faultNode, nodeName, type DocFault } from './doc-model.ts';

/** Every fault type, in the order the editor offers them. */
export const FAULT_TYPES: readonly FaultType[] = ['session-loss', 'node-restart', 'link-down', 'link-up', 'link-impair', 'link-flap', 'nat-rebind', 'scan'];

/** What each type does, for the type picker and the list. */
export const FAULT_TITLES: Record<FaultType, string> = {
  'session-loss': 'Session loss',
  'node-restart': 'Router restart',
  'link-down': 'Link down',
  'link-up': 'Link up',
  'link-impair': 'Link impairment',
  'link-flap': 'Link flap',
  'nat-rebind': 'NAT rebind',
  scan: 'Scanner',
};

/** Whether the type targets a router (else a link). */
export function targetsRouter(type: FaultType): boolean {
  return type === 'session-loss' || type === 'node-restart' || type === 'scan';
}

/** The ids a fault of `type` may target: routers, links, or links with NAT. */
export function faultTargets(doc: ScenarioInput, type: FaultType): { id: string; name: string }[] {
  if (targetsRouter(type)) {
    return doc.nodes.filter((n) => isRouterKind(n.kind)).map((n) => ({ id: n.id, name: nodeName(n) }));
  }
  const links = (doc.links ?? []).filter((l) => type !== 'nat-rebind' || (l.nat !== undefined && l.nat !== null));
  return links.map((l) => ({
    id: l.id,
    name: `${l.id} (${nodeName(
      doc.nodes.find((n) => n.id === l.a),
      l.a,
    )} – ${nodeName(
      doc.nodes.find((n) => n.id === l.b),
      l.b,
    )})`,
  }));
}

/** Why no fault of `type` can be added, or null when one can. */
export function noTargetReason(doc: ScenarioInput, type: FaultType): string | null {
  if (faultTargets(doc, type).length > 0) return null;
  if (targetsRouter(type)) return 'needs a router (spoke or hub)';
  return type === 'nat-rebind' ? 'needs a link with NAT' : 'needs a link';
}

/**
 * A fault of `type` at `atMs`, targeting `prev`'s node or link when that still fits (so a type
 * change keeps what the user picked), else the first that fits (hubs first: the usual victim).
 * Null when nothing fits.
 */
export function makeFault(doc: ScenarioInput, type: FaultType, atMs: number, prev?: DocFault): DocFault | null {
  const targets = faultTargets(doc, type).map((t) => t.id);
  const wanted = prev ? (targetsRouter(type) ? faultNode(prev) : faultLink(prev)) : undefined;
  const hubs = targets.filter((id) => doc.nodes.find((n) => n.id === id)?.kind === 'hub');
  const wans = targets.filter((id) => (doc.links ?? []).some((l) => l.id === id && l.id.startsWith('wan')));
  const target = wanted !== undefined && targets.includes(wanted) ? wanted : (hubs[0] ?? wans[0] ?? targets[0]);
  if (target === undefined) return null;
  switch (type) {
    case 'session-loss':
      return { atMs, type, node: target, fraction: 1 };
    case 'node-restart':
      return { atMs, type, node: target, downtimeMs: 2000 };
    case 'scan':
      return { atMs, type, target, ratePps: 50, durationMs: 5000 };
    case 'link-down':
      return { atMs, type, link: target, durationMs: 5000 };
    case 'link-up':
      return { atMs, type, link: target };
    case 'link-impair':
      return { atMs, type, link: target, direction: 'both', lossPct: 20, durationMs: 5000 };
    case 'link-flap':
      return { atMs, type, link: target, downMs: 500, upMs: 1500, count: 3 };
    case 'nat-rebind':
      return { atMs, type, link: target };
  }
}

/** How long a fault lasts, in ms, for the timeline (0 for an instant, null for "until changed"). */
export function faultSpanMs(f: DocFault): number | null {
  switch (f.type) {
    case 'node-restart':
      return f.downtimeMs;
    case 'scan':
      return f.durationMs;
    case 'link-down':
    case 'link-impair':
      return f.durationMs ?? null;
    case 'link-flap':
      return (f.downMs + f.upMs) * f.count;
    default:
      return 0;
  }
}

/** One line describing a fault, e.g. "Session loss on Data-centre router (100 %)". */
export function describeFault(doc: ScenarioInput, f: DocFault): string {
  const on = faultNode(f) ?? faultLink(f) ?? '';
  const node = doc.nodes.find((n) => n.id === on);
  const target = node ? nodeName(node) : on;
  const extra = f.type === 'session-loss' ? ` (${Math.round((f.fraction ?? 1) * 100)} %)` : '';
  return `${FAULT_TITLES[f.type]} · ${target}${extra}`;
}
