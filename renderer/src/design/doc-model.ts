/**
 * The scenario document as the editor holds it (raw `ScenarioInput`, exactly what is saved) and
 * the pure rules for editing it: ids, labels, where a new node goes, which links are allowed,
 * what a delete takes with it. The store's actions call these; tests call them directly too.
 */
import { AuthoritySchema, LinkSchema, TrafficSchema, isRouterKind } from '../../../engine/index.ts';
import type { NodeKind, Position, ScenarioInput } from '../../../engine/index.ts';

/** A node as written in the file. */
export type DocNode = ScenarioInput['nodes'][number];
/** A link as written in the file. */
export type DocLink = NonNullable<ScenarioInput['links']>[number];
/** A traffic definition as written in the file. */
export type DocTraffic = NonNullable<ScenarioInput['traffic']>[number];
/** A fault as written in the file. */
export type DocFault = NonNullable<ScenarioInput['faults']>[number];

/** Field defaults, straight from the engine's schema so the inspector never disagrees with it. */
export const LINK_DEFAULTS = LinkSchema.parse({ id: 'x', a: 'a', b: 'b' });
/** Authority defaults. */
export const AUTHORITY_DEFAULTS = AuthoritySchema.parse({});
/** Traffic defaults. */
export const TRAFFIC_DEFAULTS = TrafficSchema.parse({ id: 't', from: 'a', to: 'b' });

/** What the palette and labels call each kind. */
export const KIND_NAMES: Record<NodeKind, string> = { client: 'Client', server: 'Server', spoke: 'Spoke', hub: 'Hub' };
/** Left-to-right order of the kinds (layout columns). */
export const KIND_ORDER: readonly NodeKind[] = ['client', 'spoke', 'hub', 'server'];
/** Default column x of each kind, matching the templates' spacing. */
export const KIND_COLUMN_X: Record<NodeKind, number> = { client: 0, spoke: 260, hub: 560, server: 820 };

/** The node's display name (label, or its id as the engine does). */
export function nodeName(n: DocNode | undefined, id = ''): string {
  return n?.label ?? n?.id ?? id;
}

/** Finds a node by id. */
export function findNode(doc: ScenarioInput, id: string): DocNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

/** True when the id names a spoke or hub of the document. */
export function isRouterId(doc: ScenarioInput, id: string): boolean {
  const n = findNode(doc, id);
  return n !== undefined && isRouterKind(n.kind);
}

/** `prefix` + the smallest number ≥ 1 not yet used by `taken`. */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** Every id used by nodes or links (one namespace keeps pasted and new ids readable). */
export function takenIds(doc: ScenarioInput): Set<string> {
  return new Set([...doc.nodes.map((n) => n.id), ...(doc.links ?? []).map((l) => l.id)]);
}

/** A new node of `kind` at `position`, with the next free id and a readable label. */
export function makeNode(doc: ScenarioInput, kind: NodeKind, position: Position): DocNode {
  const id = nextId(kind, takenIds(doc));
  const label = `${KIND_NAMES[kind]} ${id.slice(kind.length)}`;
  return { id, kind, label, position: { x: Math.round(position.x), y: Math.round(position.y) } };
}

const NODE_W = 180;
const NODE_H = 90;

/** A spot in `kind`'s column that no node occupies (for nodes added from the keyboard). */
export function freeSpot(doc: ScenarioInput, kind: NodeKind): Position {
  const placed = doc.nodes.filter((n) => n.position).map((n) => n.position as Position);
  const x = KIND_COLUMN_X[kind];
  const minY = placed.length > 0 ? Math.min(...placed.map((p) => p.y)) : 0;
  for (let y = minY; ; y += NODE_H + 30) {
    if (!placed.some((p) => Math.abs(p.x - x) < NODE_W && Math.abs(p.y - y) < NODE_H)) return { x, y };
  }
}

/** Why a link between `a` and `b` may not be added, in plain words; null when it may. */
export function linkRefusal(doc: ScenarioInput, a: string, b: string): string | null {
  const na = findNode(doc, a);
  const nb = findNode(doc, b);
  if (!na || !nb) return `node "${!na ? a : b}" does not exist`;
  if (a === b) return `a link cannot join "${nodeName(na)}" to itself`;
  const ra = isRouterKind(na.kind);
  const rb = isRouterKind(nb.kind);
  if (!ra && !rb) {
    return `a link cannot join two hosts (${na.kind} "${nodeName(na)}" and ${nb.kind} "${nodeName(nb)}"); put a router between them`;
  }
  const links = doc.links ?? [];
  for (const client of [na, nb].filter((n) => n.kind === 'client')) {
    const own = links.find((l) => l.a === client.id || l.b === client.id);
    if (own) return `client "${nodeName(client)}" already has its link (${own.id}); a client has exactly one link, to a router`;
  }
  const same = links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  // Two routers may share several peer paths (e.g. MPLS and broadband); a LAN needs only one.
  if (same && !(ra && rb)) return `"${nodeName(na)}" and "${nodeName(nb)}" are already linked (${same.id})`;
  return null;
}

/** A new link between `a` and `b`: a LAN (host–router) or a WAN peer path (router–router). */
export function makeLink(doc: ScenarioInput, a: string, b: string): DocLink {
  const wan = isRouterId(doc, a) && isRouterId(doc, b);
  return { id: nextId(wan ? 'wan' : 'lan', takenIds(doc)), a, b, latencyMs: wan ? 20 : 0.5 };
}

/** The node a fault targets, if any. */
export function faultNode(f: DocFault): string | undefined {
  return f.type === 'scan' ? f.target : 'node' in f ? f.node : undefined;
}

/** The link a fault targets, if any. */
export function faultLink(f: DocFault): string | undefined {
  return 'link' in f ? f.link : undefined;
}

/** What deleting some nodes and links takes with it. */
export interface Cascade {
  nodes: string[];
  links: string[];
  traffic: string[];
  /** Indices into `faults`. */
  faults: number[];
}

/** Everything removed with `nodeIds` and `linkIds`: their links, traffic and faults. */
export function cascade(doc: ScenarioInput, nodeIds: readonly string[], linkIds: readonly string[]): Cascade {
  const nodes = new Set(nodeIds.filter((id) => findNode(doc, id)));
  const links = new Set<string>();
  for (const l of doc.links ?? []) if (linkIds.includes(l.id) || nodes.has(l.a) || nodes.has(l.b)) links.add(l.id);
  const traffic = (doc.traffic ?? []).filter((t) => nodes.has(t.from) || nodes.has(t.to)).map((t) => t.id);
  const faults: number[] = [];
  (doc.faults ?? []).forEach((f, i) => {
    const n = faultNode(f);
    const l = faultLink(f);
    if ((n !== undefined && nodes.has(n)) || (l !== undefined && links.has(l))) faults.push(i);
  });
  return { nodes: [...nodes], links: [...links], traffic, faults };
}

/** Removes what `c` lists from the draft (mutates: called inside an edit recipe). */
export function removeCascade(draft: ScenarioInput, c: Cascade): void {
  draft.nodes = draft.nodes.filter((n) => !c.nodes.includes(n.id));
  if (draft.links) draft.links = draft.links.filter((l) => !c.links.includes(l.id));
  if (draft.traffic) draft.traffic = draft.traffic.filter((t) => !c.traffic.includes(t.id));
  if (draft.faults) draft.faults = draft.faults.filter((_, i) => !c.faults.includes(i));
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Deleted 1 node, 2 links and 1 fault", naming what went along with the selection. */
export function describeCascade(c: Cascade): string {
  const parts = [
    c.nodes.length ? count(c.nodes.length, 'node') : '',
    c.links.length ? count(c.links.length, 'link') : '',
    c.traffic.length ? count(c.traffic.length, 'traffic definition') : '',
    c.faults.length ? count(c.faults.length, 'fault') : '',
  ].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
  return `Deleted ${list}`;
}
