import { describe, expect, it } from 'vitest';
import { defaultConcurrency, runPool, type PoolOutcome } from '../../../electron/core/photos/pool';

/** Tasks that finish only when the test says so, so "in flight" can be observed exactly. */
function gatedTasks() {
  const gates = new Map<number, () => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const started: number[] = [];
  const fn = (item: number): Promise<number> => {
    started.push(item);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve, reject) => {
      gates.set(item, () => {
        inFlight--;
        if (item < 0) reject(new Error(`item ${item} broke`));
        else resolve(item * 10);
      });
    });
  };
  const release = async (item: number) => {
    const gate = gates.get(item);
    if (!gate) throw new Error(`item ${item} has not started`);
    gates.delete(item);
    gate();
    // Let the pool's worker pick up the next item.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { fn, release, started, stats: () => ({ inFlight, maxInFlight }) };
}

describe('runPool', () => {
  it('keeps exactly `concurrency` tasks in flight and returns results in item order', async () => {
    const tasks = gatedTasks();
    const done = runPool([1, 2, 3, 4, 5], 2, tasks.fn);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tasks.started).toEqual([1, 2]);
    await tasks.release(2);
    expect(tasks.started).toEqual([1, 2, 3]);
    await tasks.release(3);
    await tasks.release(1);
    expect(tasks.started).toEqual([1, 2, 3, 4, 5]);
    await tasks.release(5);
    await tasks.release(4);
    expect(tasks.stats().maxInFlight).toBe(2);
    expect(await done).toEqual([1, 2, 3, 4, 5].map((n) => ({ status: 'done', value: n * 10 })));
  });

  it('records a failing item and carries on with the rest', async () => {
    const outcomes = await runPool([1, -2, 3, 4], 2, async (n) => {
      if (n < 0) throw new Error('broken photo');
      return n;
    });
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'failed', 'done', 'done']);
    expect((outcomes[1] as { error: Error }).error.message).toBe('broken photo');
  });

  it('catches a task that throws synchronously', async () => {
    const outcomes = await runPool([1, 2], 1, (n) => {
      if (n === 1) throw new Error('sync');
      return Promise.resolve(n);
    });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'done']);
  });

  it('starts nothing new after the signal aborts, lets running items finish, skips the rest', async () => {
    const tasks = gatedTasks();
    const controller = new AbortController();
    const done = runPool([1, 2, 3, 4, 5], 2, tasks.fn, { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await tasks.release(1);
    await tasks.release(2);
    const outcomes = await done;
    expect(tasks.started).toEqual([1, 2]);
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'skipped', 'skipped', 'skipped']);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const outcomes = await runPool([1, 2], 2, () => Promise.resolve(1), { signal: AbortSignal.abort() });
    expect(outcomes).toEqual([{ status: 'skipped' }, { status: 'skipped' }]);
  });

  it('reports each settled item to onDone in completion order', async () => {
    const seen: [number, PoolOutcome<number>['status']][] = [];
    const delays = [30, 5, 15];
    await runPool(
      [0, 1, 2],
      3,
      async (i) => {
        await new Promise((resolve) => setTimeout(resolve, delays[i]));
        if (i === 2) throw new Error('no');
        return i;
      },
      { onDone: (outcome, index) => seen.push([index, outcome.status]) },
    );
    expect(seen).toEqual([
      [1, 'done'],
      [2, 'failed'],
      [0, 'done'],
    ]);
  });

  it('rethrows an onDone error only after running items settle, and starts no more', async () => {
    const tasks = gatedTasks();
    const done = runPool([1, 2, 3, 4], 2, tasks.fn, {
      onDone: (_outcome, index) => {
        if (index === 0) throw new Error('callback bug');
      },
    });
    const settled = done.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setImmediate(resolve));
    await tasks.release(1);
    expect(tasks.stats().inFlight).toBe(1);
    let early = true;
    void settled.then(() => (early = false));
    await new Promise((resolve) => setImmediate(resolve));
    expect(early).toBe(true);
    await tasks.release(2);
    expect(await settled).toBe('callback bug');
    expect(tasks.started).toEqual([1, 2]);
  });

  it('handles no items, more workers than items, and refuses a bad concurrency', async () => {
    expect(await runPool([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await runPool([7], 8, (n) => Promise.resolve(n))).toEqual([{ status: 'done', value: 7 }]);
    await expect(runPool([1], 0, () => Promise.resolve(1))).rejects.toThrow(RangeError);
    await expect(runPool([1], 1.5, () => Promise.resolve(1))).rejects.toThrow(RangeError);
    expect(defaultConcurrency()).toBeGreaterThanOrEqual(1);
  });
});
