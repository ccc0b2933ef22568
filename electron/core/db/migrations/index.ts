import { sql as catalogueV1 } from './0010-catalogue-v1';

export interface Migration {
  /** Numbered in steps of 10 so a fix can slot in between; never renumber a shipped one. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [{ version: 10, name: 'catalogue-v1', sql: catalogueV1 }];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
