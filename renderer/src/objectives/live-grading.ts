/**
 * The lab's objectives graded against what the app knows of the run: while it is live, the
 * snapshots' numbers (sessions, packets, counters, series, router modes) give "so far" verdicts
 * and the rest waits for the end; once it ends, the run's summary gives the final ones. Before
 * any run everything is pending. The judge is the engine's, as for `srlab check`.
 */
import { effectiveModes, evaluateObjectives, faultTimes, parseScenario, type Objective, type ObjectiveResult, type RecoveryMode, type ScenarioInput } from '../../../engine/index.ts';
import type { LabState } from '../store/types.ts';

/** What grading reads from the store. */
export type GradingState = Pick<LabState, 'doc' | 'live' | 'liveCounters' | 'liveSeries' | 'lastEnded'>;

/** The document's objectives when it parses (a lab with problems cannot be graded). */
export function docObjectives(doc: ScenarioInput): { objectives: Objective[]; problem: string | null } {
  if (!Array.isArray(doc.objectives) || doc.objectives.length === 0) return { objectives: [], problem: null };
  const r = parseScenario(doc);
  if (!r.ok) {
    const mine = r.problems.filter((p) => p.path.startsWith('objectives'));
    return { objectives: [], problem: mine.length > 0 ? `This objective needs fixing: ${mine[0]!.path}: ${mine[0]!.message}.` : 'The lab has problems: fix them to see its objectives graded.' };
  }
  return { objectives: r.scenario.objectives ?? [], problem: null };
}

/** Grades the document's objectives now. */
export function gradeNow(s: GradingState): ObjectiveResult[] {
  const r = parseScenario(s.doc);
  if (!r.ok || !r.scenario.objectives?.length) return [];
  const scenario = r.scenario;
  const objectives = r.scenario.objectives;
  const live = s.live;
  const summary = s.lastEnded?.summary ?? null;
  const isFinal = live?.state === 'ended' && summary !== null;
  const modes: Record<string, RecoveryMode> = { ...effectiveModes(scenario) };
  for (const [id, b] of Object.entries(live?.routers ?? {})) modes[id] = b.mode;
  if (!live) {
    // No run yet: only what the lab itself decides (a router's mode) is known.
    return evaluateObjectives(objectives, { summary: {}, counters: {}, series: null, faultTimesMs: faultTimes(scenario), durationMs: scenario.durationMs, modes, isFinal: false, nowMs: 0 }).map((g) =>
      g.status === 'pending' || g.measure.endsWith('effective recovery mode') ? g : { ...g, status: 'pending', measured: null },
    );
  }
  return evaluateObjectives(objectives, {
    summary: isFinal ? summary : { sessions: { total: live.sessions.total, affected: live.sessions.affected, failed: live.sessions.failed }, packets: live.packets },
    counters: isFinal ? summary.counters : s.liveCounters,
    series: s.liveSeries,
    faultTimesMs: faultTimes(scenario),
    durationMs: live.durationMs,
    modes,
    isFinal,
    nowMs: live.tMs,
  });
}
