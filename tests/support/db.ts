import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Everything a user could lose, as one string: the schema, `user_version` and every row of
 * every table in rowid order, read through a separate read-only connection. Two equal
 * dumps mean no committed change happened in between (the content, not SQLite's internal
 * counters such as `data_version`).
 */
export function dumpDatabase(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
    const tableNames = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables: Record<string, { columns: string[]; rows: unknown[][] }> = {};
    // FTS5 keeps some of its shadow tables WITHOUT ROWID: those are ordered by every column.
    const withoutRowid = db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").pluck();
    for (const name of tableNames) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const width = db.prepare(`SELECT * FROM ${quoted}`).columns().length;
      const order = withoutRowid.get(name) ? Array.from({ length: width }, (_, i) => i + 1).join(', ') : 'rowid';
      const statement = db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw();
      tables[name] = {
        columns: statement.columns().map((c) => c.name),
        rows: statement.all() as unknown[][],
      };
    }
    return JSON.stringify({ userVersion: db.pragma('user_version', { simple: true }), schema, tables }, null, 1);
  } finally {
    db.close();
  }
}

/** Rows of one table as objects, through a separate read-only connection. */
export function tableRows(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** SHA-256 of a file's bytes: proves a file was not written to at all. */
export function fileDigest(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Watches a database for commits made by any other connection: SQLite bumps a
 * connection's `PRAGMA data_version` whenever someone else commits. Cheap enough to check
 * around every single call in a fuzz loop.
 */
export class CommitWatcher {
  private readonly db: Database.Database;
  private last: number;

  constructor(dbPath: string) {
    this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
    this.last = this.version();
  }

  /** True when something was committed since the previous call (or construction). */
  committedSinceLastCheck(): boolean {
    const now = this.version();
    const changed = now !== this.last;
    this.last = now;
    return changed;
  }

  close(): void {
    this.db.close();
  }

  private version(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }
}

/** Paths under /proc/self/fd that point into `dir` (Linux only): catches leaked handles. */
export function openFilesUnder(dir: string): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}
