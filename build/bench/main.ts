/** `npm run bench`: every benchmark's figures, with targets and whether they are met. */
import { dbFigures } from './db-bench.ts';
import { engineFigures, memoryRound, type Figure } from './engine-bench.ts';
import { canvasFigures } from './canvas-bench.ts';
import { countFigures, countJobs } from './count-bench.ts';
import { forkFigures, forkJobs } from './fork-bench.ts';
import { seekFigures } from './seek-bench.ts';

function print(title: string, figs: Figure[]): void {
  console.log(`\n${title}`);
  const w = Math.max(...figs.map((f) => f.name.length));
  for (const f of figs) {
    const verdict = f.ok === undefined ? '' : f.ok ? '  met' : '  MISSED';
    console.log(`  ${f.name.padEnd(w)}  ${f.value.padStart(14)}${f.target ? `  (target ${f.target})${verdict}` : ''}`);
  }
}

// A child of the fork benchmark: one way of running the sweep's jobs, its median run time.
if (process.argv[2] === '--fork-jobs') {
  console.log(forkJobs(process.argv[3] === 'fork' ? 'fork' : 'whole'));
  process.exit(0);
}

// A child of the engine benchmark: the memory of one large run, in a process nothing ran in before.
if (process.argv[2] === '--memory-round') {
  const [spokes, hubs, sessions, pps] = process.argv.slice(3, 7).map(Number) as [number, number, number, number];
  console.log(JSON.stringify(memoryRound(spokes, hubs, sessions, pps)));
  process.exit(0);
}

// A child of the counts benchmark, run under cachegrind: N runs of the engine or the toy.
if (process.argv[2] === '--count-jobs') {
  console.log(countJobs(process.argv[3] === 'toy' ? 'toy' : 'engine', Number(process.argv[4] ?? 1)));
  process.exit(0);
}

const only = process.argv[2];
console.log(`Session Recovery Lab benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'engine') print('Engine', engineFigures());
if (!only || only === 'db') print('Database', dbFigures());
if (!only || only === 'fork') print('Fork at the fault (srlab sweep --fail-each)', forkFigures());
if (!only || only === 'seek') print('Time travel (runs:seek through the seek worker, request to answer)', await seekFigures());
if (!only || only === 'canvas') print('Canvas (headless Chromium, browser host)', await canvasFigures());
// Minutes under valgrind: only when asked for.
if (only === 'counts') print("Engine ÷ toy in counts the machine's load does not move (cachegrind, one run of 4 s virtual)", await countFigures());
