import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';

const LEDGER = /* sql */ `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

/**
 * Applies every migration not yet recorded, each in its own transaction together with its
 * ledger row, so a crash leaves the database at a clean version. A database touched by a
 * newer Akar is refused rather than half-understood.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latestKnown = Math.max(0, ...migrations.map((m) => m.version));
  // Read before writing anything: a database we are about to refuse must stay byte-for-byte as it was.
  const hasLedger = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const applied = new Set(
    hasLedger
      ? db
          .prepare('SELECT version FROM schema_migrations')
          .pluck()
          .all()
          .map((v) => Number(v))
      : [],
  );
  const newest = Math.max(0, ...applied, Number(db.pragma('user_version', { simple: true })));
  if (newest > latestKnown) {
    throw new CoreError({
      code: 'db_too_new',
      message: `This data was saved by a newer version of Akar (schema ${newest}; this version knows up to ${latestKnown}). Update Akar to open it.`,
      params: { found: newest, supported: latestKnown },
    });
  }
  db.exec(LEDGER);
  const ran: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE takes the write lock before looking again: when the app and the CLI open a
    // new database at the same moment, the second waits, then sees the first one's work.
    const didRun = db
      .transaction(() => {
        if (isApplied.get(migration.version)) return false;
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
    if (didRun) ran.push(migration.version);
  }
  return ran;
}
