import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../../electron/services/paths.ts';
import { RequestPool } from '../../electron/services/request-pool.ts';
import type { TestRequest, TestResult } from './fixtures/request-worker.ts';

// The real pool over real worker threads: the fixture worker (started through the same tsx shim
// as the services' workers) answers through serveRequests.
const entry = pathToFileURL(fromRoot('test/electron/fixtures/request-worker.ts')).href;
const started: Worker[] = [];
const pools: RequestPool<TestRequest, TestResult, number>[] = [];

function pool(): RequestPool<TestRequest, TestResult, number> {
  const p = new RequestPool<TestRequest, TestResult, number>({
    name: 'the test worker',
    start: () => {
      const w = new Worker(fromRoot('electron/services/worker-shim.mjs'), { workerData: { __srlabEntry: entry } });
      started.push(w);
      return w;
    },
  });
  pools.push(p);
  return p;
}

/** What a request came to: its value, or the message it was rejected with (handled at once). */
const outcome = (r: Promise<TestResult>): Promise<string> =>
  r.then(
    (res) => `answered ${res.value}`,
    (e: Error) => e.message,
  );

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close('test over')));
  started.length = 0;
});

describe('RequestPool', () => {
  it('starts no worker before the first request, then one for all of them', async () => {
    const p = pool();
    expect(started).toHaveLength(0);
    const [a, b] = await Promise.all([p.request({ kind: 'echo', value: 'a' }), p.request({ kind: 'echo', value: 'b' })]);
    expect(started).toHaveLength(1);
    expect(a).toEqual({ value: 'a', thread: started[0]!.threadId });
    expect(b.value).toBe('b');
  });

  it('tells each request how far the worker has got, in order, before its answer', async () => {
    const p = pool();
    const heard: string[] = [];
    const [a, b] = await Promise.all([p.request({ kind: 'count', to: 3 }, (n) => heard.push(`a${n}`)), p.request({ kind: 'count', to: 2 }, (n) => heard.push(`b${n}`))]);
    expect(a.value).toBe('counted to 3');
    expect(b.value).toBe('counted to 2');
    expect(heard).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    // A request that does not listen is answered all the same.
    expect((await p.request({ kind: 'count', to: 2 })).value).toBe('counted to 2');
  });

  it('gives each request its own answer when the worker answers in another order', async () => {
    const p = pool();
    const settled: string[] = [];
    const ask = (r: TestRequest) =>
      p.request(r).then((res) => {
        settled.push(res.value ?? '');
        return res.value;
      });
    const first = ask({ kind: 'hold', value: 'first' });
    const second = ask({ kind: 'hold', value: 'second' });
    const third = ask({ kind: 'echo', value: 'third' });
    await expect(third).resolves.toBe('third');
    expect(p.waiting).toBe(2);
    await expect(ask({ kind: 'release' })).resolves.toBe('2');
    await expect(Promise.all([first, second])).resolves.toEqual(['first', 'second']);
    expect(settled).toEqual(['third', 'second', 'first', '2']);
    expect(p.waiting).toBe(0);
  });

  it('answers a request whose handler throws with the worker side’s failure value, and keeps the worker', async () => {
    const p = pool();
    await expect(p.request({ kind: 'throw', message: 'bad request' })).resolves.toMatchObject({ error: 'bad request' });
    await expect(p.request({ kind: 'echo', value: 'still here' })).resolves.toMatchObject({ value: 'still here' });
    expect(started).toHaveLength(1);
  });

  it('rejects every waiting request when the worker exits, and starts a fresh worker for the next one', async () => {
    const p = pool();
    const before = await p.request({ kind: 'echo', value: 'x' });
    const waiting = [p.request({ kind: 'hold', value: 'a' }), p.request({ kind: 'hold', value: 'b' }), p.request({ kind: 'exit', code: 3 })].map(outcome);
    expect(await Promise.all(waiting)).toEqual(Array(3).fill('the test worker stopped (code 3)'));
    expect(p.waiting).toBe(0);
    const after = await p.request({ kind: 'echo', value: 'y' });
    expect(after.value).toBe('y');
    expect(started).toHaveLength(2);
    expect(after.thread).not.toBe(before.thread);
  });

  it('names the error of a worker that fails with an uncaught exception', async () => {
    const p = pool();
    const waiting = [p.request({ kind: 'hold', value: 'a' }), p.request({ kind: 'uncaught', message: 'out of cheese' })].map(outcome);
    expect(await Promise.all(waiting)).toEqual(Array(2).fill('the test worker failed: out of cheese'));
    await expect(p.request({ kind: 'echo', value: 'z' })).resolves.toMatchObject({ value: 'z' });
  });

  it('rejects waiting and later requests on close, and terminates the worker', async () => {
    const p = pool();
    const held = outcome(p.request({ kind: 'hold', value: 'a' }));
    await p.request({ kind: 'echo', value: 'started' });
    const exited = new Promise<number>((resolve) => started[0]!.once('exit', resolve));
    await p.close('the lab is shutting down');
    expect(await held).toBe('the lab is shutting down');
    await expect(p.request({ kind: 'echo', value: 'late' })).rejects.toThrow('the lab is shutting down');
    await expect(exited).resolves.toBeTypeOf('number');
    expect(started).toHaveLength(1);
  });
});
