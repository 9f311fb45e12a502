/**
 * Cross-reference checks on a scenario the schema accepted: ids unique, references resolve,
 * topology rules (scenario-format.md, "Fields"), and times inside the run. Reports every problem.
 */
import type { ScenarioProblem } from './issues.ts';
import { checkObjectives } from './objectives.ts';
import { isRouterKind } from './schema.ts';
import type { Fault, NodeKind, Scenario, ScenarioLink } from './schema.ts';

const ROUTER_WORDS = 'a router (spoke or hub)';

/** Every cross-reference problem in `s`, in file order; empty when the scenario is consistent. */
export function crossCheck(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const kinds = new Map<string, NodeKind>();
  s.nodes.forEach((n, i) => {
    if (kinds.has(n.id)) add(`nodes[${i}].id`, `node id "${n.id}" is used by more than one node`);
    else kinds.set(n.id, n.kind);
  });

  const links = new Map<string, ScenarioLink>();
  const linksOf = new Map<string, string[]>();
  s.links.forEach((l, i) => {
    if (links.has(l.id)) add(`links[${i}].id`, `link id "${l.id}" is used by more than one link`);
    else links.set(l.id, l);
    checkLink(l, `links[${i}]`, kinds, add);
    for (const end of new Set([l.a, l.b])) linksOf.set(end, [...(linksOf.get(end) ?? []), l.id]);
  });

  s.nodes.forEach((n, i) => {
    const mine = linksOf.get(n.id) ?? [];
    const has = mine.length === 0 ? 'it has none' : `it has ${mine.length} (${mine.join(', ')})`;
    if (n.kind === 'client' && mine.length !== 1) {
      add(`nodes[${i}]`, `client "${n.id}" needs exactly one link, to a router; ${has}`);
    }
    if (n.kind === 'server' && mine.length === 0) {
      add(`nodes[${i}]`, `server "${n.id}" needs at least one link, to a router; ${has}`);
    }
  });

  const trafficIds = new Set<string>();
  s.traffic.forEach((t, i) => {
    const at = `traffic[${i}]`;
    if (trafficIds.has(t.id)) add(`${at}.id`, `traffic id "${t.id}" is used by more than one traffic definition`);
    trafficIds.add(t.id);
    const from = kinds.get(t.from);
    if (from === undefined) add(`${at}.from`, `node "${t.from}" does not exist`);
    else if (from !== 'client') add(`${at}.from`, `must be a client; "${t.from}" is a ${from}`);
    const to = kinds.get(t.to);
    if (to === undefined) add(`${at}.to`, `node "${t.to}" does not exist`);
    else if (to !== 'server') add(`${at}.to`, `must be a server; "${t.to}" is a ${to}`);
    if (t.startMs > s.durationMs) add(`${at}.startMs`, afterEnd(s.durationMs));
    if (t.stopMs !== null && t.stopMs <= t.startMs) {
      add(`${at}.stopMs`, `must be later than startMs (${t.startMs}), or null to run until the end`);
    }
  });

  s.faults.forEach((f, i) => {
    const at = `faults[${i}]`;
    if (f.atMs > s.durationMs) add(`${at}.atMs`, afterEnd(s.durationMs));
    checkFault(f, at, kinds, links, add);
  });
  problems.push(...checkObjectives(s));
  return problems;
}

type Add = (path: string, message: string) => void;

/**
 * The problems of one fault against a lab, as a fault in the file would get them (the same
 * rules): used for faults injected into a live run. Paths start at `at`.
 */
export function faultProblems(s: Scenario, f: Fault, at = 'fault'): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]));
  const links = new Map(s.links.map((l) => [l.id, l]));
  checkFault(f, at, kinds, links, (path, message) => problems.push({ path, message }));
  return problems;
}

function afterEnd(durationMs: number): string {
  return `is after the end of the run (durationMs ${durationMs})`;
}

function checkLink(l: ScenarioLink, at: string, kinds: Map<string, NodeKind>, add: Add): void {
  const ka = kinds.get(l.a);
  const kb = kinds.get(l.b);
  if (ka === undefined) add(`${at}.a`, `node "${l.a}" does not exist`);
  if (kb === undefined) add(`${at}.b`, `node "${l.b}" does not exist`);
  if (l.a === l.b) {
    add(`${at}.b`, `a link cannot join node "${l.a}" to itself`);
    return;
  }
  if (ka === undefined || kb === undefined) return;
  const aIsRouter = isRouterKind(ka);
  const bIsRouter = isRouterKind(kb);
  if (!aIsRouter && !bIsRouter) {
    add(at, `a link cannot join two hosts (${ka} "${l.a}" and ${kb} "${l.b}"); put a router between them`);
  }
  if (l.nat === null) return;
  if (!aIsRouter || !bIsRouter) {
    add(`${at}.nat`, `NAT is only for links between two routers; this link joins ${ka} "${l.a}" and ${kb} "${l.b}"`);
  } else if (l.nat.inside !== l.a && l.nat.inside !== l.b) {
    add(`${at}.nat.inside`, `must be one of this link's two routers, "${l.a}" or "${l.b}"; "${l.nat.inside}" is not`);
  }
}

function checkFault(f: Fault, at: string, kinds: Map<string, NodeKind>, links: Map<string, ScenarioLink>, add: Add): void {
  switch (f.type) {
    case 'node-restart':
    case 'session-loss':
      checkRouterRef(f.node, `${at}.node`, kinds, add);
      return;
    case 'scan':
      checkRouterRef(f.target, `${at}.target`, kinds, add);
      return;
    case 'link-impair':
      if (f.lossPct === undefined && f.latencyMs === undefined && f.jitterMs === undefined && f.bandwidthMbps === undefined) {
        add(at, 'a link-impair fault needs at least one of lossPct, latencyMs, jitterMs, bandwidthMbps');
      }
      break;
    default:
      break;
  }
  const link = links.get(f.link);
  if (link === undefined) add(`${at}.link`, `link "${f.link}" does not exist`);
  else if (f.type === 'nat-rebind' && link.nat === null) add(`${at}.link`, `link "${f.link}" has no NAT to rebind`);
}

function checkRouterRef(id: string, path: string, kinds: Map<string, NodeKind>, add: Add): void {
  const kind = kinds.get(id);
  if (kind === undefined) add(path, `node "${id}" does not exist`);
  else if (!isRouterKind(kind)) add(path, `must be ${ROUTER_WORDS}; "${id}" is a ${kind}`);
}
