import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * A value remembered for the rest of one core call (one transaction). Inside a transaction
 * nothing but this call changes the database, so what it read stays true until it writes
 * that data itself; an import that checks 4,000 products against the same category reads
 * the category's attributes once. Whoever changes the remembered data calls `forgetCall`.
 */
export function perCall<T>(db: Db, key: string, make: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}

/** Forgets everything remembered: at the end of each core call, and after a tree install. */
export function forgetCall(db: Db): void {
  caches.get(db)?.clear();
}
