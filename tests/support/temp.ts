import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core';

/** A fresh empty folder under the OS temp dir; the caller removes it (see `removeDir`). */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'akar-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A temp folder removed when the current test finishes (pass or fail). */
export function tempDir(): string {
  const dir = makeTempDir();
  onTestFinished(() => removeDir(dir));
  return dir;
}

export interface TempCore {
  readonly dataDir: string;
  readonly dbPath: string;
  /** The currently open core (replaced by `reopen`). */
  readonly core: Core;
  /** Closes the core and opens the same data dir again, as a restart of the app would. */
  reopen(options?: Omit<CoreOptions, 'dataDir'>): Core;
  /** Closes the core (if open) and deletes the data dir. Idempotent. */
  dispose(): void;
}

/** A real core on a real SQLite file in its own temp dir. Call `dispose` when done. */
export function openTempCore(options: Omit<CoreOptions, 'dataDir'> = {}): TempCore {
  const dataDir = makeTempDir();
  let core: Core | null = createCore({ ...options, dataDir });
  const current = (): Core => {
    if (!core) throw new Error('core is closed');
    return core;
  };
  return {
    dataDir,
    dbPath: current().dbPath,
    get core() {
      return current();
    },
    reopen(reopenOptions = options) {
      core?.close();
      core = null;
      core = createCore({ ...reopenOptions, dataDir });
      return core;
    },
    dispose() {
      core?.close();
      core = null;
      removeDir(dataDir);
    },
  };
}

/** `openTempCore`, disposed automatically when the current test finishes. */
export function tempCore(options: Omit<CoreOptions, 'dataDir'> = {}): TempCore {
  const temp = openTempCore(options);
  onTestFinished(() => temp.dispose());
  return temp;
}

/**
 * A clock that starts at `start` and moves forward `stepMs` on every reading, so each
 * write gets a distinct, predictable timestamp.
 */
export function steppingClock(start = '2025-03-01T08:00:00.000Z', stepMs = 1000): () => Date {
  let next = Date.parse(start);
  return () => {
    const now = new Date(next);
    next += stepMs;
    return now;
  };
}
