// Starts a TypeScript worker entry under tsx: Node 20 does not pass `--import tsx` on to
// worker threads, so the worker loads tsx itself, then the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.tsEntry, import.meta.url);
