import type { ProgressEvent } from '../../shared/contract';
import type { JobKind } from '../../shared/jobs';
import { CoreError } from '../errors';

/**
 * What a long piece of work gets from the core: a way to say how far it is and to learn
 * that the user pressed "Batal". Long loops call `step` once per item.
 */
export interface JobControl {
  /**
   * Reports `done` of `total` (sent at most every PROGRESS_EVERY_MS, and always at the
   * end) and throws CoreError `cancelled` once the job was cancelled. Thrown inside a
   * transaction, it rolls everything back: a cancelled import or bulk change leaves nothing.
   */
  step(done: number, total: number): void;
  /** Reports progress without looking for a cancel (for async work that stops by AbortSignal). */
  report(done: number, total: number): void;
  /** True once cancelled. */
  cancelled(): boolean;
}

export const NO_JOB: JobControl = { step: () => undefined, report: () => undefined, cancelled: () => false };

/** Often enough for a smooth bar, rarely enough not to flood IPC. */
const PROGRESS_EVERY_MS = 100;
/** Looking for a cancel costs a message-port read in the worker; a few times a second is plenty. */
const CANCEL_CHECK_EVERY_MS = 50;
/** Before this much work, a rate says more about start-up than about the job. */
const MIN_ELAPSED_FOR_ETA_MS = 500;
/**
 * A cancel for a job that has not started yet is kept this long: enough for the call it
 * raced (the click on "Hentikan" arriving before the call itself), never long enough to
 * stop a later job that happens to reuse the id.
 */
const CANCEL_KEPT_MS = 10_000;
/** And at most this many of them. */
const MAX_PENDING_CANCELS = 100;

export interface JobsOptions {
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Cancels that arrived while this thread was busy. The core worker reads its cancel port
   * here, synchronously, because a job in a synchronous loop never yields to the event
   * loop that would deliver a message.
   */
  readonly pollCancels?: () => readonly string[];
  readonly now?: () => number;
}

/** The core's long jobs: their progress events and their cancels. */
export class Jobs {
  /** Job id -> when it was cancelled. */
  private readonly cancels = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: JobsOptions = {}) {
    this.now = options.now ?? (() => performance.now());
  }

  cancel(jobId: string): void {
    this.cancels.delete(jobId);
    this.cancels.set(jobId, this.now());
    for (const old of this.cancels.keys()) {
      if (this.cancels.size <= MAX_PENDING_CANCELS) break;
      this.cancels.delete(old);
    }
  }

  /** Takes the cancel for `jobId` if one came in the last CANCEL_KEPT_MS. */
  private takeCancel(jobId: string): boolean {
    const at = this.cancels.get(jobId);
    if (at === undefined) return false;
    this.cancels.delete(jobId);
    return this.now() - at <= CANCEL_KEPT_MS;
  }

  /** A control for one job; without a job id the work runs without progress or cancel. */
  control(jobId: string | undefined, kind: JobKind, label?: string): JobControl {
    if (jobId === undefined) return NO_JOB;
    const started = this.now();
    let lastSent = -Infinity;
    let lastCheck = -Infinity;
    let cancelled = false;
    const isCancelled = (): boolean => {
      if (cancelled) return true;
      const now = this.now();
      if (now - lastCheck < CANCEL_CHECK_EVERY_MS) return false;
      lastCheck = now;
      for (const id of this.options.pollCancels?.() ?? []) this.cancel(id);
      cancelled = this.takeCancel(jobId);
      return cancelled;
    };
    const report = (done: number, total: number): void => {
      const now = this.now();
      if (done < total && now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      const elapsed = now - started;
      const etaMs =
        done > 0 && elapsed >= MIN_ELAPSED_FOR_ETA_MS ? Math.round((elapsed / done) * (total - done)) : undefined;
      this.options.onProgress?.({
        jobId,
        kind,
        done,
        total,
        ...(label !== undefined ? { label } : {}),
        ...(etaMs !== undefined ? { etaMs } : {}),
      });
    };
    return {
      cancelled: isCancelled,
      report,
      step: (done, total) => {
        if (isCancelled()) throw cancelledError(jobId);
        report(done, total);
      },
    };
  }
}

export function cancelledError(jobId: string): CoreError {
  return new CoreError({ code: 'cancelled', message: `Job ${jobId} was cancelled`, params: { jobId } });
}
