import { sql as catalogueV1 } from './0010-catalogue-v1';
import { sql as catalogueSearch } from './0020-catalogue-search';
import { sql as catalogueOrder } from './0030-catalogue-order';

export interface Migration {
  /**
   * Numbered in steps of 10, always above every shipped migration: one numbered below a
   * shipped one would run after it on upgraded databases but before it on new ones.
   * Never renumber a shipped migration.
   */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'catalogue-v1', sql: catalogueV1 },
  { version: 20, name: 'catalogue-search', sql: catalogueSearch },
  { version: 30, name: 'catalogue-order', sql: catalogueOrder },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
