/**
 * Refusing a run the machine cannot do before starting it: the engine's estimate of packets,
 * events and memory against its limits. Past the soft limit `--force` runs it anyway; past the
 * hard one nothing does (it would run for days or end the process when memory runs out).
 */
import { checkWork, type Scenario } from '../../engine/index.ts';
import { BadInput } from './errors.ts';

/** Throws a BadInput naming the JSON path and the figures when `scenario` is too big. */
export function refuseTooBig(file: string, scenario: Scenario, force: boolean, what = ''): void {
  const c = checkWork(scenario);
  if (c.level === 'ok' || (c.level === 'soft' && force)) return;
  const tail = c.level === 'soft' ? '; or pass --force to run it anyway' : ' (beyond what --force allows)';
  throw new BadInput([`${file}: ${what}${c.message}${tail}`]);
}
