import { sql as catalogueV1 } from './0010-catalogue-v1';
import { sql as catalogueSearch } from './0020-catalogue-search';
import { sql as catalogueOrder } from './0030-catalogue-order';
import { sql as catalogueVariants } from './0040-catalogue-variants';
import { sql as categories } from './0050-categories';
import { sql as problemCounts } from './0060-problem-counts';
import { sql as photos } from './0070-photos';
import { sql as uploads } from './0080-uploads';
import { sql as brands } from './0090-brands';
import { sql as uploadLease } from './0100-upload-lease';

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
  { version: 40, name: 'catalogue-variants', sql: catalogueVariants },
  { version: 50, name: 'categories', sql: categories },
  { version: 60, name: 'problem-counts', sql: problemCounts },
  { version: 70, name: 'photos', sql: photos },
  { version: 80, name: 'uploads', sql: uploads },
  { version: 90, name: 'brands', sql: brands },
  { version: 100, name: 'upload-lease', sql: uploadLease },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
