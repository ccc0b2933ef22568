import { useEffect, useState } from 'react';
import type { JobKind } from '../../../electron/shared/jobs';
import { api } from './api';

export interface JobProgress {
  readonly done: number;
  readonly total: number;
  /** Milliseconds left, once main has enough work behind it to estimate. */
  readonly etaMs?: number;
}

/**
 * A fresh id for one long call. The screen makes it before asking, so it can follow that
 * call's progress events and cancel it (`jobs:cancel`) while the call is still running.
 */
export function newJobId(kind: JobKind): string {
  return `${kind}-${crypto.randomUUID()}`;
}

/** The latest progress of job `jobId` (null while there is none yet, or no job). */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<{ jobId: string; value: JobProgress } | null>(null);

  useEffect(() => {
    if (jobId === null) return;
    return api.on('progress', (event) => {
      if (event.jobId !== jobId || event.total <= 0) return;
      const value = {
        done: event.done,
        total: event.total,
        ...(event.etaMs !== undefined ? { etaMs: event.etaMs } : {}),
      };
      setProgress({ jobId, value });
    });
  }, [jobId]);

  // A finished job's last event never shows up under the next job's bar.
  return progress && progress.jobId === jobId ? progress.value : null;
}
