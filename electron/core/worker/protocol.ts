import type { MessagePort } from 'node:worker_threads';
import type { ProgressEvent } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';
import type { CoreOptions } from '../index';
import type { CoreMethod } from './methods';

/**
 * Messages between main and the core worker. Both ends are Akar's own code in one
 * process, so these are typed rather than parsed; the Core methods behind them validate
 * their input as always.
 */

/** What the worker needs to create its core: CoreOptions without the functions. */
/** Plain data only: these cross into the worker thread. `autoUpload` is on unless set false. */
export type WorkerCoreOptions = Pick<
  CoreOptions,
  'dataDir' | 'version' | 'practiceQcDelayMs' | 'lazadaEndpoint' | 'lazadaRedirectPort'
> & {
  readonly autoUpload?: boolean;
  /** Main keeps the secrets (safeStorage): the worker asks it with `secret` messages. */
  readonly secretsInMain?: boolean;
  /** Whether main's store is locked by the operating system (see SecretStore.lockedByOs). */
  readonly secretsLockedByOs?: boolean;
};

export type SecretOperation = 'get' | 'set' | 'delete';

export interface WorkerData {
  readonly options: WorkerCoreOptions;
  /** Main writes `{ jobId }` here to cancel; the worker reads it synchronously (see Jobs). */
  readonly cancelPort: MessagePort;
}

export type ToWorker =
  | { readonly type: 'call'; readonly id: number; readonly method: CoreMethod; readonly args: readonly unknown[] }
  | { readonly type: 'secret-reply'; readonly id: number; readonly value?: string | null; readonly error?: string }
  | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'ready'; readonly dataDir: string; readonly dbPath: string }
  | { readonly type: 'failed'; readonly error: AppError }
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  | { readonly type: 'log'; readonly message: string }
  | {
      readonly type: 'secret';
      readonly id: number;
      readonly op: SecretOperation;
      readonly name: string;
      readonly value?: string;
    }
  | { readonly type: 'closed' };

export interface CancelMessage {
  readonly jobId: string;
}
