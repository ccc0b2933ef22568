import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';

/**
 * The app and the CLI may write to the same data folder at once (a trainer's script while
 * participants keep typing). Each write reads first (does the seller exist? is the SKU code
 * free?), so it must take the write lock before that read: otherwise one of them fails with
 * SQLITE_BUSY instead of waiting its turn.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-writers-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Each child process starts tsx and loads the core, whose module graph now includes the
 * spreadsheet readers (exceljs alone takes ~2 s to import on a busy 2-core machine), so
 * a child takes seconds to start: the time limit is per process started, not the default.
 */
const TIME_LIMIT_MS = 60_000 + 3 * 20_000;

describe('two processes writing at once', () => {
  it('both finish every write; none is refused as busy', { timeout: TIME_LIMIT_MS }, async () => {
    const core = createCore({ dataDir });
    const seller = await core.sellers.create({ name: 'Ibu Siti' });
    if (!seller.ok) throw new Error(seller.error.message);
    core.close();

    const run = promisify(execFile);
    const writers = Array.from({ length: 3 }, () =>
      run(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'tests/chaos/write-products.ts'), dataDir, '1', '150'],
        {
          cwd: root,
        },
      ),
    );
    const results = (await Promise.all(writers)).map((r) => JSON.parse(r.stdout) as { ok: number; failures: string[] });
    expect(results).toEqual([
      { ok: 150, failures: [] },
      { ok: 150, failures: [] },
      { ok: 150, failures: [] },
    ]);

    const check = createCore({ dataDir });
    const list = await check.products.list({ sellerId: 1 });
    check.close();
    expect(list.ok && list.value.length).toBe(450);
  });
});
