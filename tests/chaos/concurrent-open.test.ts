import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';

/**
 * The desktop app and the CLI may open a brand-new data folder at the same moment (a
 * trainer scripting imports while the app starts). Both must end up with one migrated
 * database, not a "table already exists" error in one of them.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * Each child process starts tsx and loads the core, whose module graph now includes the
 * spreadsheet readers (exceljs alone takes ~2 s to import on a busy 2-core machine), so
 * a child takes seconds to start: the time limit is per process started, not the default.
 */
const TIME_LIMIT_MS = 60_000 + 3 * 4 * 20_000;

describe('several processes opening a new data folder at once', () => {
  it('all succeed and the migrations run exactly once', { timeout: TIME_LIMIT_MS }, async () => {
    const run = promisify(execFile);
    for (let round = 0; round < 3; round++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-open-'));
      dirs.push(dataDir);
      const children = Array.from({ length: 4 }, () =>
        run(process.execPath, ['--import', 'tsx', path.join(root, 'tests/chaos/open-core.ts'), dataDir], { cwd: root }),
      );
      const outputs = await Promise.all(children);
      expect(outputs.map((o) => o.stdout.trim())).toEqual(['ok', 'ok', 'ok', 'ok']);
      const db = new Database(path.join(dataDir, 'akar.db'), { readonly: true });
      try {
        expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(
          MIGRATIONS.map((m) => m.version),
        );
        expect(db.prepare('SELECT COUNT(*) FROM sellers').pluck().get()).toBe(4);
      } finally {
        db.close();
      }
    }
  });
});
