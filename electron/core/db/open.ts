import Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { migrate } from './migrate';

export type Db = Database.Database;

/** How long a second connection (the CLI while the app runs) waits for a lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) and migrates the database. The pragmas are set on every open:
 * better-sqlite3 builds SQLite so that a reopened WAL database silently falls back to
 * synchronous=NORMAL, which can lose the last commits on a power cut.
 */
export function openDatabase(file: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 32 MB of page cache (the default is 2 MB): an import or a bulk edit touches more pages
    // than that in one transaction, and spilling them mid-transaction costs more than the memory.
    db.pragma('cache_size = -32000');
  } catch (cause) {
    // e.g. "file is not a database": release the handle, or the file stays open (and locked on Windows).
    db?.close();
    throw new CoreError({
      code: 'db_open_failed',
      message: `Cannot open the database ${file}: ${cause instanceof Error ? cause.message : String(cause)}`,
      params: { file },
    });
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
