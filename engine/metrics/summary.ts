import type { ControlKind, LossCause, RecoveryKind } from '../model/constants.ts';
import type { TimeSeries } from './run-metrics.ts';
import type { Checkpoint } from '../model/world.ts';
import type { Fault } from '../scenario/schema.ts';

/** Outage percentiles in ms. */
export interface OutageStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The run summary: exactly the `run --json` object of cli.md, less the host's fields. */
export interface RunSummary {
  scenario: string;
  seed: number;
  durationMs: number;
  engineVersion: string;
  fingerprint: string;
  sessions: {
    total: number;
    affected: number;
    recovered: number;
    failed: number;
    outageMs: OutageStats;
    recoveredBy: Record<RecoveryKind, number>;
  };
  packets: {
    sent: number;
    delivered: number;
    lost: number;
    /** Application packets still on a link at the end: sent = delivered + lost + inFlight. */
    inFlight: number;
    lostBy: Record<LossCause, number>;
    /** Losses by place (a link id, or the id of the router or host where it happened) and cause. */
    lostAt: Record<string, Partial<Record<LossCause, number>>>;
  };
  control: Record<ControlKind, { count: number; bytes: number }>;
  /** Enable-metadata sent in answer to no live session: scanner probes, or sessions nobody holds any more. */
  exposure: { total: number; byRouter: Record<string, number>; scanner: number; lostSession: number };
  counters: Record<string, Record<string, number>>;
  events: number;
}

/** One session's outcome (the `--sessions` CSV and the report's worst sessions). */
export interface SessionOutcome {
  id: number;
  traffic: string;
  client: string;
  server: string;
  protocol: 'tcp' | 'udp';
  clientPort: number;
  startMs: number;
  endMs: number | null;
  sent: number;
  delivered: number;
  lost: number;
  outages: number;
  outageTotalMs: number;
  outageMaxMs: number;
  /** How it came back; null when never affected. */
  recoveredBy: RecoveryKind | null;
  failed: boolean;
  gaveUp: boolean;
  /** Id of the session the client opened after giving up on this one. */
  successor: number | null;
  /** Every outage, in order: when it started and ended, and what ended it (null: the session failed). Absent in runs stored before engine 0.2.0. */
  outageList?: OutageSpan[];
}

/** One outage of a session. */
export interface OutageSpan {
  startMs: number;
  endMs: number;
  recoveredBy: RecoveryKind | null;
}

/** Everything a finished run produces. */
export interface RunResult {
  summary: RunSummary;
  sessions: SessionOutcome[];
  series: TimeSeries;
  faultLog: { atMs: number; fault: Fault; source: 'scheduled' | 'live' }[];
  /** Fingerprint after every virtual second. */
  checkpoints: Checkpoint[];
}

/** Nearest-rank percentile of a sorted array (0 when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Outage statistics (ms, 3 decimals) from outage durations in µs. */
export function outageStats(outagesUs: readonly number[]): OutageStats {
  const s = Float64Array.from(outagesUs).sort();
  const ms = (x: number) => Math.round(x) / 1000;
  return { p50: ms(percentile(s, 50)), p95: ms(percentile(s, 95)), p99: ms(percentile(s, 99)), max: ms(s.length ? s[s.length - 1]! : 0) };
}

/** An all-zero record over a list of names. */
export function zeroRecord<K extends string>(names: readonly K[]): Record<K, number> {
  return Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
}
