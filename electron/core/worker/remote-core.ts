import { MessageChannel, type Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../../shared/contract';
import { INTERNAL_ERROR, type AppError, type Result } from '../../shared/result';
import { jobCancelInput } from '../../shared/jobs';
import { parseInput } from '../../shared/validation';
import { CoreError } from '../errors';
import type { Core } from '../index';
import type { SecretStore } from '../outbox/secrets';
import { coreFunction, CORE_METHODS, type CoreMethod } from './methods';
import type { CancelMessage, FromWorker, ToWorker, WorkerCoreOptions, WorkerData } from './protocol';

export interface CoreWorkerOptions extends WorkerCoreOptions {
  /**
   * Starts the thread with `workerData` (and `transferList` for its cancel port). Main
   * starts the bundled out/main/core-worker.js; tests start the TypeScript source.
   */
  readonly spawn: (workerData: WorkerData, transferList: WorkerData['cancelPort'][]) => Worker;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly log?: (message: string) => void;
  /**
   * The worker stopped without being closed (a crash in native code, out of memory): every
   * later call fails, so the app should restart (all its state is in the database).
   */
  readonly onUnexpectedExit?: (exitCode: number) => void;
  /**
   * Where marketplace secrets live, in main (safeStorage): the worker's core asks for them
   * by message. Without it the worker's core keeps them in its own 0600 file.
   */
  readonly secrets?: SecretStore;
}

/** Said to calls still waiting when the worker stops (a bug, or the app quitting). */
const WORKER_GONE: AppError = { ...INTERNAL_ERROR, message: 'The core worker stopped' };

/**
 * A Core whose work runs in a worker thread (see core-worker.ts). Every method posts one
 * message and resolves with the worker's Result; `jobs.cancel` goes through a separate
 * port that the busy worker reads synchronously. Rejects with CoreError (`db_too_new`,
 * `db_open_failed`) when the worker cannot open the data folder, as createCore throws.
 */
export function startCoreWorker(options: CoreWorkerOptions): Promise<Core> {
  const { port1: cancelSender, port2: cancelPort } = new MessageChannel();
  const { dataDir, version, practiceQcDelayMs, autoUpload, lazadaEndpoint, lazadaRedirectPort } = options;
  const secretsInMain = options.secrets !== undefined;
  const secretsLockedByOs = options.secrets?.lockedByOs ?? false;
  const plain = {
    ...{ dataDir, version, practiceQcDelayMs, autoUpload, lazadaEndpoint, lazadaRedirectPort },
    ...{ secretsInMain, secretsLockedByOs },
  };
  const worker = options.spawn({ options: plain, cancelPort }, [cancelPort]);
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let gone = false;
  let ready = false;
  let onClosed: (() => void) | null = null;

  const post = (message: ToWorker) => worker.postMessage(message);
  const answerSecret = async (request: Extract<FromWorker, { type: 'secret' }>): Promise<void> => {
    const store = options.secrets;
    try {
      if (!store) throw new Error('no secret store in main');
      if (request.op === 'get') post({ type: 'secret-reply', id: request.id, value: await store.get(request.name) });
      else {
        if (request.op === 'set') await store.set(request.name, request.value ?? '');
        else await store.delete(request.name);
        post({ type: 'secret-reply', id: request.id });
      }
    } catch (error) {
      post({ type: 'secret-reply', id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const call =
    (method: CoreMethod) =>
    (...args: unknown[]): Promise<Result<unknown>> => {
      if (gone) return Promise.resolve({ ok: false, error: WORKER_GONE });
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        post({ type: 'call', id, method, args });
      });
    };

  return new Promise<Core>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          ready = true;
          resolve(remoteCore(message.dataDir, message.dbPath));
          return;
        case 'failed':
          reject(new CoreError(message.error));
          return;
        case 'result':
          waiting.get(message.id)?.(message.result);
          waiting.delete(message.id);
          return;
        case 'progress':
          options.onProgress?.(message.event);
          return;
        case 'log':
          options.log?.(message.message);
          return;
        case 'secret':
          void answerSecret(message);
          return;
        case 'closed':
          // The database is closed: ending the thread now cannot lose a write.
          void worker.terminate();
          return;
      }
    });
    worker.on('error', (error) => {
      options.log?.(`core worker failed: ${error.stack ?? error.message}`);
      reject(error);
    });
    worker.on('exit', (exitCode) => {
      if (ready && !gone && onClosed === null) options.onUnexpectedExit?.(exitCode);
      gone = true;
      cancelSender.close();
      for (const answer of waiting.values()) answer({ ok: false, error: WORKER_GONE });
      waiting.clear();
      onClosed?.();
      reject(new CoreError({ code: 'db_open_failed', message: 'The core worker stopped before it was ready' }));
    });
  });

  function remoteCore(dataDir: string, dbPath: string): Core {
    const methods = new Map(CORE_METHODS.map((method) => [method, call(method)]));
    // The same shape as createCore's object, built from the method list, so coreFunction
    // finds every method here exactly where it finds it on a local core.
    const core: Record<string, unknown> = {};
    for (const [method, fn] of methods) {
      const [group, name] = method.split('.') as [string, string | undefined];
      if (name === undefined) core[group] = fn;
      else ((core[group] ??= {}) as Record<string, unknown>)[name] = fn;
    }
    Object.assign(core, {
      dataDir,
      dbPath,
      jobs: {
        // Not a call: the worker may be busy inside the very job this cancels.
        cancel: async (input: unknown): Promise<Result<null>> => {
          const parsed = parseInput(jobCancelInput, input);
          if (!parsed.ok) return parsed;
          if (!gone) cancelSender.postMessage({ jobId: parsed.value.jobId } satisfies CancelMessage);
          return { ok: true, value: null };
        },
      },
      close: () =>
        new Promise<void>((resolve) => {
          if (gone) return resolve();
          onClosed = () => resolve();
          post({ type: 'close' });
        }),
    });
    const typed = core as unknown as Core;
    // Fails fast (at start, not at the first click) if the shape and the list ever disagree.
    for (const method of CORE_METHODS) coreFunction(typed, method);
    return typed;
  }
}
