import { useEffect, useState } from 'react';
import { api } from '../../lib/api';

export interface ReadProgress {
  readonly done: number;
  readonly total: number;
  /** Milliseconds left, once there is enough to estimate from. */
  readonly etaMs?: number;
}

/** Before this much reading, a rate says more about start-up than about the file. */
const MIN_ELAPSED_MS = 700;

/**
 * Bytes read so far of the file being opened, from main's `import-read` progress events,
 * while `active`. Main may send its own estimate; otherwise the time left is worked out
 * from the rate since the first event (the dialog and the first bytes are not counted).
 */
export function useReadProgress(active: boolean): ReadProgress | null {
  const [progress, setProgress] = useState<ReadProgress | null>(null);

  useEffect(() => {
    if (!active) return;
    let first: { jobId: string; at: number; done: number } | null = null;
    const stop = api.on('progress', (event) => {
      if (event.kind !== 'import-read' || event.total <= 0) return;
      const now = performance.now();
      if (!first || first.jobId !== event.jobId) first = { jobId: event.jobId, at: now, done: event.done };
      const elapsed = now - first.at;
      const rate = elapsed >= MIN_ELAPSED_MS ? (event.done - first.done) / elapsed : 0;
      const estimated = rate > 0 ? (event.total - event.done) / rate : undefined;
      const etaMs = event.etaMs ?? estimated;
      setProgress({ done: event.done, total: event.total, ...(etaMs !== undefined ? { etaMs } : {}) });
    });
    return () => {
      stop();
      setProgress(null);
    };
  }, [active]);

  return active ? progress : null;
}
