import type { Db } from './open';

import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[] | object, unknown>;

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement for `sql`, compiled once per connection. Compiling SQL costs more
 * than running a simple indexed statement, and an import or a bulk edit runs the same
 * few statements tens of thousands of times.
 *
 * Shared by every caller with the same SQL, so never change its mode (`pluck`, `raw`,
 * `expand`) on the returned statement: use `cachedPluck` for single-column reads.
 */
export function cached<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P extends unknown[] ? P : [P], R> {
  return lookup(db, sql, () => db.prepare(sql)) as unknown as Database.Statement<P extends unknown[] ? P : [P], R>;
}

/** Like `cached`, for a statement whose rows are read as their first column's value. */
export function cachedPluck<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P extends unknown[] ? P : [P], R> {
  return lookup(db, `pluck:${sql}`, () => db.prepare(sql).pluck()) as unknown as Database.Statement<
    P extends unknown[] ? P : [P],
    R
  >;
}

function lookup(db: Db, key: string, make: () => Statement): Statement {
  let statements = caches.get(db);
  if (!statements) {
    statements = new Map();
    caches.set(db, statements);
  }
  let statement = statements.get(key);
  if (!statement) {
    statement = make();
    statements.set(key, statement);
  }
  return statement;
}
