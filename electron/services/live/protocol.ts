/** Messages between the live runner (main thread) and its worker. */
import type { ErrorCode, Fault, LiveSnapshot, RunResult, Scenario, SeekTarget, TraceEvent } from '../../../engine/index.ts';

/** Main → worker. */
export type ToWorker =
  | { type: 'start'; runId: string | null; scenario: Scenario; seed?: number; speed: number | 'max'; paused: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step'; events: number }
  | { type: 'speed'; speed: number | 'max' }
  | { type: 'stop' }
  | { type: 'inject'; id: number; fault: Fault }
  | { type: 'sessions'; id: number; router: string; limit: number }
  | { type: 'state'; id: number }
  | { type: 'seek'; id: number; target: SeekTarget; router?: string; limit: number };

/** Worker → main. */
export type FromWorker =
  | { type: 'snapshot'; snapshot: LiveSnapshot }
  | { type: 'ended'; status: 'completed' | 'stopped'; result: RunResult; trace: TraceEvent[]; traceSeen: number; wallMs: number; stoppedAtUs: number }
  | { type: 'failed'; message: string; wallMs: number }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string; code?: ErrorCode };
