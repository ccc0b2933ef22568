import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Core } from '../../electron/core';
import { startCoreWorker, type CoreWorkerOptions } from '../../electron/core/worker/remote-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The core in a worker thread, as the desktop app runs it. `source` (unit tests) loads
 * electron/core/worker/core-worker.ts through tsx; `built` (end-to-end tests, after
 * electron-vite build) loads the very out/main/core-worker.js the app ships.
 */
export function startTestCoreWorker(
  options: Omit<CoreWorkerOptions, 'spawn'>,
  from: 'source' | 'built' = 'source',
  /** Receives the thread, for tests that end it the hard way. */
  onWorker?: (worker: Worker) => void,
): Promise<Core> {
  return startCoreWorker({
    ...options,
    spawn: (workerData, transferList) => {
      const worker =
        from === 'built'
          ? new Worker(path.join(ROOT, 'out/main/core-worker.js'), { workerData, transferList })
          : new Worker(path.join(ROOT, 'scripts/tsx-worker.mjs'), {
              workerData: {
                ...workerData,
                tsEntry: pathToFileURL(path.join(ROOT, 'electron/core/worker/core-worker.ts')).href,
              },
              transferList,
            });
      onWorker?.(worker);
      return worker;
    },
  });
}
