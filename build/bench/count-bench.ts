/**
 * The engine against the toy DES in counts that the machine's load does not move (`npm run
 * bench -- counts`, when valgrind is installed): instructions and simulated cache misses, from
 * valgrind's cachegrind, of the same traffic as the engine ÷ toy figure (10k sessions × 10 pps,
 * 20 spokes, 2 hubs) over 4 s of virtual time. Each side runs 1 and 3 times in a process of its
 * own; the difference, halved, is one run without the process's start-up and the JIT's warm-up.
 * The second level is simulated as 1 MB, 8-way (these machines' L2): a miss there goes to the
 * shared L3 or memory, which is what a busy neighbour slows down. Prints figures; asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Simulation } from '../../engine/index.ts';
import type { Figure } from './engine-bench.ts';
import { meshScenario } from './scenarios.ts';
import { toyDes } from './toy-des.ts';

const DURATION_MS = 4_000;

/** Run by a child process (`bench.mjs --count-jobs engine|toy N`): N runs one after the other; prints the events of one. */
export function countJobs(which: 'engine' | 'toy', n: number): number {
  const sc = meshScenario({ spokes: 20, hubs: 2, sessions: 10_000, ppsPerSession: 10, durationMs: DURATION_MS });
  let events = 0;
  for (let i = 0; i < n; i++) events = which === 'engine' ? new Simulation(sc).run().summary.events : toyDes(10_000, 20, 10, DURATION_MS).events;
  return events;
}

/** What cachegrind counted for one process. */
interface Counts {
  instructions: number;
  d1Misses: number;
  l2ReadMisses: number;
  events: number;
}

function cachegrind(which: 'engine' | 'toy', n: number): Promise<Counts> {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=yes',
    '--LL=1048576,8,64',
    '--cachegrind-out-file=/dev/null',
    process.execPath,
    '--single-threaded',
    process.argv[1]!,
    '--count-jobs',
    which,
    String(n),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const num = (label: RegExp): number => {
        const m = label.exec(err);
        if (!m) throw new Error(`cachegrind printed no ${label.source} (exit ${code}): ${err.slice(-500)}`);
        return Number(m[1]!.replaceAll(',', ''));
      };
      try {
        resolve({ instructions: num(/I\s+refs:\s+([\d,]+)/), d1Misses: num(/D1\s+misses:\s+([\d,]+)/), l2ReadMisses: num(/LLd misses:\s+[\d,]+\s+\(\s*([\d,]+) rd/), events: Number(out.trim()) });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** One run's counts: (3 runs − 1 run) / 2, both processes at once (the machine has two cores). */
async function perRun(which: 'engine' | 'toy'): Promise<Counts> {
  const [one, three] = await Promise.all([cachegrind(which, 1), cachegrind(which, 3)]);
  return {
    instructions: (three.instructions - one.instructions) / 2,
    d1Misses: (three.d1Misses - one.d1Misses) / 2,
    l2ReadMisses: (three.l2ReadMisses - one.l2ReadMisses) / 2,
    events: one.events,
  };
}

const millions = (x: number) => `${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} M`;

/** The counts section, or one line saying why there is none. */
export async function countFigures(): Promise<Figure[]> {
  if (spawnSync('valgrind', ['--version']).status !== 0) return [{ name: 'valgrind is not installed (apt-get install -y valgrind): no counts', value: '' }];
  const engine = await perRun('engine');
  const toy = await perRun('toy');
  const row = (name: string, pick: (c: Counts) => number): Figure[] => [
    { name: `${name}, toy / engine`, value: `${millions(pick(toy))} / ${millions(pick(engine))} = ${(pick(toy) / pick(engine)).toFixed(2)}` },
    { name: `${name} per event, toy · engine`, value: `${(pick(toy) / toy.events).toFixed(1)} · ${(pick(engine) / engine.events).toFixed(1)}` },
  ];
  return [
    { name: `events of one run (${DURATION_MS / 1000} s of virtual time), toy · engine`, value: `${toy.events.toLocaleString('en-US')} · ${engine.events.toLocaleString('en-US')}` },
    ...row('instructions', (c) => c.instructions),
    ...row('first-level data misses (48 KB)', (c) => c.d1Misses),
    ...row('second-level read misses (1 MB; a busy machine slows these)', (c) => c.l2ReadMisses),
  ];
}
