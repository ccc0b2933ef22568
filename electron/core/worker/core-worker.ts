/**
 * The core worker: a thread that owns the core (and so the database connection), so that
 * a long import check, an import commit or a bulk change never stalls the main process,
 * which keeps drawing the window and answering the other calls' messages. Untrusted files
 * (spreadsheets now, photos next) are also parsed here, away from main (reliability.md).
 *
 * Started by `startCoreWorker`; built by electron-vite as out/main/core-worker.js.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { INTERNAL_ERROR } from '../../shared/result';
import { CoreError } from '../errors';
import { createCore, type Core } from '../index';
import { coreFunction, isCoreMethod } from './methods';
import type { SecretStore } from '../outbox/secrets';
import type { CancelMessage, FromWorker, SecretOperation, ToWorker, WorkerData } from './protocol';

if (!parentPort) throw new Error('core-worker.ts runs only as a worker thread');
const port = parentPort;
const data = workerData as WorkerData;
const send = (message: FromWorker) => port.postMessage(message);
const log = (message: string) => send({ type: 'log', message });

/** Cancels queued on the cancel port, read without waiting for the (busy) event loop. */
function pollCancels(): string[] {
  const ids: string[] = [];
  for (let message = receiveMessageOnPort(data.cancelPort); message; message = receiveMessageOnPort(data.cancelPort)) {
    const jobId = (message.message as Partial<CancelMessage> | null)?.jobId;
    if (typeof jobId === 'string') ids.push(jobId);
  }
  return ids;
}

/** The secret store main keeps (safeStorage), reached by message; replies come on the main port. */
const secretReplies = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
let nextSecretId = 1;
function askMain(op: SecretOperation, name: string, value?: string): Promise<string | null> {
  const id = nextSecretId++;
  return new Promise((resolve, reject) => {
    secretReplies.set(id, { resolve, reject });
    send({ type: 'secret', id, op, name, ...(value !== undefined ? { value } : {}) });
  });
}
const secretsFromMain: SecretStore = {
  description: 'safeStorage',
  lockedByOs: data.options.secretsLockedByOs ?? false,
  get: (name) => askMain('get', name),
  set: async (name, value) => {
    await askMain('set', name, value);
  },
  delete: async (name) => {
    await askMain('delete', name);
  },
};

let core: Core;
try {
  core = createCore({
    ...data.options,
    log,
    onProgress: (event) => send({ type: 'progress', event }),
    pollCancels,
    processPhotos: true,
    autoUpload: data.options.autoUpload ?? true,
    ...(data.options.secretsInMain ? { secrets: secretsFromMain } : {}),
  });
} catch (error) {
  log(`core worker cannot open: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  send({ type: 'failed', error: error instanceof CoreError ? error.error : INTERNAL_ERROR });
  process.exit(1);
}
send({ type: 'ready', dataDir: core.dataDir, dbPath: core.dbPath });

// Background work (the photo queue) logs its own failures; anything that still escapes is
// a bug, logged here rather than ending the thread and with it every call of the app.
process.on('unhandledRejection', (reason) => {
  log(
    `core worker: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});

port.on('message', (message: ToWorker) => {
  if (message.type === 'secret-reply') {
    const waiting = secretReplies.get(message.id);
    secretReplies.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.value ?? null);
    return;
  }
  if (message.type === 'close') {
    void core.close().finally(() => {
      send({ type: 'closed' });
      port.close();
    });
    return;
  }
  void answer(message.id, message.method, message.args);
});

async function answer(id: number, method: unknown, args: readonly unknown[]): Promise<void> {
  if (!isCoreMethod(method)) {
    send({ type: 'result', id, result: { ok: false, error: INTERNAL_ERROR } });
    return;
  }
  try {
    const result = (await coreFunction(core, method)(...args)) as Extract<FromWorker, { type: 'result' }>['result'];
    send({ type: 'result', id, result });
  } catch (error) {
    // The core turns every failure into a Result; reaching here is a bug.
    log(`core worker ${method} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    send({ type: 'result', id, result: { ok: false, error: INTERNAL_ERROR } });
  }
}
