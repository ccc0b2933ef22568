import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/errors';
import { Jobs } from '../../electron/core/jobs/jobs';
import type { ProgressEvent } from '../../electron/shared/contract';

/** Progress and cancel for long jobs, on a clock the test moves by hand. */
function jobsOnClock(pollCancels?: () => string[]) {
  let now = 0;
  const events: ProgressEvent[] = [];
  const jobs = new Jobs({
    onProgress: (event) => events.push(event),
    now: () => now,
    ...(pollCancels ? { pollCancels } : {}),
  });
  return { jobs, events, advance: (ms: number) => (now += ms) };
}

describe('long jobs', () => {
  it('sends progress at most every 100 ms, always the last step, and estimates the time left', () => {
    const { jobs, events, advance } = jobsOnClock();
    const job = jobs.control('import-write-1', 'import-write', 'produk.csv');
    for (let done = 0; done < 1000; done++) {
      job.step(done, 1000);
      advance(1);
    }
    job.step(1000, 1000);
    expect(events.length).toBeGreaterThanOrEqual(10);
    expect(events.length).toBeLessThanOrEqual(12);
    expect(events.at(-1)).toMatchObject({
      jobId: 'import-write-1',
      kind: 'import-write',
      done: 1000,
      total: 1000,
      label: 'produk.csv',
    });
    // One item per millisecond: at 600 of 1000, about 400 ms are left.
    const at600 = events.find((event) => event.done >= 600);
    expect(at600?.etaMs).toBeCloseTo(1000 - (at600?.done ?? 0), -1);
    // Too early to tell: no estimate in the first half second.
    expect(events[0]?.etaMs).toBeUndefined();
  });

  it('throws `cancelled` at the next step once cancelled, and only for that job', () => {
    const { jobs, advance } = jobsOnClock();
    const one = jobs.control('bulk-edit-1', 'bulk-edit');
    const two = jobs.control('bulk-edit-2', 'bulk-edit');
    one.step(0, 10);
    jobs.cancel('bulk-edit-1');
    advance(60);
    expect(() => one.step(1, 10)).toThrow(CoreError);
    try {
      one.step(2, 10);
    } catch (error) {
      expect((error as CoreError).error).toMatchObject({ code: 'cancelled', params: { jobId: 'bulk-edit-1' } });
    }
    expect(() => two.step(1, 10)).not.toThrow();
  });

  it('reads cancels that arrived while busy, a few times a second rather than every item', () => {
    let polls = 0;
    const queue: string[] = [];
    const { jobs, advance } = jobsOnClock(() => {
      polls++;
      return queue.splice(0);
    });
    const job = jobs.control('import-check-1', 'import-check');
    for (let i = 0; i < 100; i++) job.step(i, 1000);
    expect(polls).toBe(1);
    queue.push('import-check-1');
    expect(() => job.step(100, 1000)).not.toThrow();
    advance(50);
    expect(() => job.step(101, 1000)).toThrow(CoreError);
  });

  it('runs without progress or cancel when the caller gave no job id', () => {
    const { jobs, events } = jobsOnClock();
    const job = jobs.control(undefined, 'bulk-undo');
    job.step(5, 5);
    expect(job.cancelled()).toBe(false);
    expect(events).toEqual([]);
  });

  it('forgets a cancel for a job that never came, so a later job with the same id runs', () => {
    const { jobs, advance } = jobsOnClock();
    jobs.cancel('photo-process');
    advance(11_000);
    const later = jobs.control('photo-process', 'photo-process');
    expect(() => later.step(0, 5)).not.toThrow();
    // A cancel that raced its call by a moment still counts.
    jobs.cancel('photo-process-2');
    advance(200);
    expect(() => jobs.control('photo-process-2', 'photo-process').step(0, 5)).toThrow(CoreError);
  });
});
