/** The live run (sim:*) over the live runner: start, pause, resume, step, stop, speed, inject, state, sessions, seek. */
import { FaultSchema, parseScenario } from '../../../engine/index.ts';
import type { LiveRunner } from '../live/runner.ts';
import { err, ok, type Handlers } from './results.ts';
import { seekTables, seekTarget } from '../timetravel/params.ts';

/** The sim:* methods. */
export function simHandlers(runner: LiveRunner): Handlers<'sim:start' | 'sim:pause' | 'sim:resume' | 'sim:step' | 'sim:stop' | 'sim:speed' | 'sim:inject' | 'sim:state' | 'sim:sessions' | 'sim:seek'> {
  return {
    'sim:start': (p) => {
      const r = parseScenario(p.scenario);
      if (!r.ok) return err('bad-scenario', `the scenario has ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`, { problems: r.problems });
      return runner.start(r.scenario, { speed: p.speed, paused: p.paused, ...(p.seed !== undefined ? { seed: p.seed } : {}), ...(p.label ? { label: p.label } : {}) });
    },
    'sim:pause': () => {
      runner.pause();
      return runner.state();
    },
    'sim:resume': () => {
      runner.resume();
      return runner.state();
    },
    'sim:step': (p) => {
      runner.step(p.events);
      return runner.state();
    },
    'sim:stop': async () => ok(await runner.stop()),
    'sim:speed': (p) => {
      runner.setSpeed(p.speed);
      return ok({ speed: p.speed });
    },
    'sim:inject': (p) => {
      const f = FaultSchema.safeParse(p.fault);
      if (!f.success) return err('bad-params', `sim:inject: not a fault: ${f.error.issues.map((i) => `${i.path.join('.') || 'fault'}: ${i.message}`).join('; ')}`);
      return runner.inject(f.data);
    },
    'sim:state': () => runner.state(),
    'sim:sessions': (p) => runner.sessions(p.router, p.limit),
    'sim:seek': (p) => runner.seek(seekTarget(p), seekTables(p)),
  };
}
