import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../electron/core';
import { CoreError } from '../../electron/core/errors';
import type { ProgressEvent } from '../../electron/shared/contract';
import { addSeller } from '../support/catalogue';
import { startTestCoreWorker } from '../support/core-worker';
import { expectError, unwrap } from '../support/results';
import { tempDir } from '../support/temp';

/**
 * The core in its worker thread, as the desktop app runs it: the same answers as a local
 * core, progress events while long work runs, a cancel that reaches a job busy in a
 * synchronous loop and rolls it back, and the caller's event loop free all along.
 */

async function workerCore(dataDir = tempDir(), events: ProgressEvent[] = []): Promise<Core> {
  const core = await startTestCoreWorker({ dataDir, onProgress: (event) => events.push(event) });
  onTestFinished(() => core.close());
  return core;
}

/** A product file with `count` one-SKU products, each with its own SellerSku. */
function productFile(dir: string, count: number): string {
  const rows = ['Nama Produk;SKU;Harga;Stok;Berat'];
  for (let i = 1; i <= count; i++) rows.push(`Keripik Rasa ${i};KR-${i};Rp ${10 + (i % 50)}.000;${i % 30};250`);
  const file = path.join(dir, 'produk.csv');
  fs.writeFileSync(file, rows.join('\n'));
  return file;
}

function productCount(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) AS n FROM products').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('core worker', () => {
  it('answers every kind of call as a local core does', async () => {
    const core = await workerCore();
    const seller = await addSeller(core);
    expect(unwrap(await core.sellers.get({ id: seller.id })).name).toBe('Ibu Sari');
    const product = unwrap(
      await core.products.create({ sellerId: seller.id, name: 'Dodol Garut', skus: [{ price: 25_000 }] }),
    );
    const page = unwrap(await core.products.search({ sellerId: seller.id, query: 'dodol' }));
    expect(page.items.map((item) => item.id)).toEqual([product.id]);
    // Validation still happens in the core: the error crosses the thread as a value.
    expectError(await core.products.create({ sellerId: seller.id, name: '', skus: [] }), { code: 'invalid_input' });
    expect(unwrap(await core.appInfo()).dataDir).toBe(core.dataDir);
    expect(core.dbPath).toBe(path.join(core.dataDir, 'akar.db'));
  });

  it('refuses a database from a newer Akar as createCore does, with the same error', async () => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'akar.db'));
    db.pragma('user_version = 9999');
    db.close();
    const started = startTestCoreWorker({ dataDir });
    await expect(started).rejects.toBeInstanceOf(CoreError);
    await expect(started).rejects.toMatchObject({ error: { code: 'db_too_new' } });
  });

  it('reports the progress of an import check and commit, and keeps the caller free meanwhile', async () => {
    const dir = tempDir();
    const events: ProgressEvent[] = [];
    const core = await workerCore(dir, events);
    const seller = await addSeller(core);
    const file = unwrap(await core.imports.open(productFile(dir, 4000), { jobId: 'read-1' }));
    expect(events.some((event) => event.jobId === 'read-1' && event.kind === 'import-read')).toBe(true);

    // The caller's own timer keeps firing while the worker is busy writing: main would
    // keep drawing the window and answering the renderer.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const report = unwrap(
      await core.imports.commit({
        importId: file.importId,
        sellerId: seller.id,
        mapping: file.mapping,
        jobId: 'write-1',
      }),
    );
    clearInterval(timer);
    expect(report.created).toBe(4000);
    expect(ticks).toBeGreaterThan(2);

    const writes = events.filter((event) => event.jobId === 'write-1');
    expect(writes.every((event) => event.kind === 'import-write' && event.total === 4000)).toBe(true);
    expect(writes.at(-1)?.done).toBe(4000);
    const done = writes.map((event) => event.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(productCount(core.dbPath)).toBe(4000);
  });

  it('cancels a commit busy in its synchronous loop, and nothing of it is written', async () => {
    const dir = tempDir();
    const events: ProgressEvent[] = [];
    const core = await workerCore(dir, events);
    const seller = await addSeller(core);
    const file = unwrap(await core.imports.open(productFile(dir, 6000)));

    const commit = core.imports.commit({
      importId: file.importId,
      sellerId: seller.id,
      mapping: file.mapping,
      jobId: 'write-2',
    });
    // Cancel once the loop is under way: the worker is inside one synchronous transaction
    // and reads the cancel from its port without returning to its event loop.
    await expect.poll(() => events.some((event) => event.jobId === 'write-2' && event.done > 0)).toBe(true);
    unwrap(await core.jobs.cancel({ jobId: 'write-2' }));
    expectError(await commit, { code: 'cancelled' });
    expect(productCount(core.dbPath)).toBe(0);

    // The file is still open: the seller can import it after all.
    const again = unwrap(
      await core.imports.commit({ importId: file.importId, sellerId: seller.id, mapping: file.mapping }),
    );
    expect(again.created).toBe(6000);
  });

  it('cancels a bulk change and leaves every product as it was', async () => {
    const dir = tempDir();
    const events: ProgressEvent[] = [];
    const core = await workerCore(dir, events);
    const seller = await addSeller(core);
    const file = unwrap(await core.imports.open(productFile(dir, 3000)));
    unwrap(await core.imports.commit({ importId: file.importId, sellerId: seller.id, mapping: file.mapping }));
    const ids = unwrap(await core.products.searchIds({ sellerId: seller.id }));
    const before = unwrap(await core.products.get({ id: ids[0] }));

    const edit = core.products.bulkEdit({ ids, change: { kind: 'stock', stock: 7 }, jobId: 'bulk-1' });
    await expect.poll(() => events.some((event) => event.jobId === 'bulk-1' && event.done > 0)).toBe(true);
    unwrap(await core.jobs.cancel({ jobId: 'bulk-1' }));
    expectError(await edit, { code: 'cancelled' });
    expect(unwrap(await core.products.get({ id: ids[0] }))).toEqual(before);
  });

  it('a cancel that arrives before its job starts still stops it', async () => {
    const dir = tempDir();
    const core = await workerCore(dir);
    const seller = await addSeller(core);
    const file = unwrap(await core.imports.open(productFile(dir, 10)));
    unwrap(await core.jobs.cancel({ jobId: 'check-1' }));
    const preview = core.imports.preview({
      importId: file.importId,
      sellerId: seller.id,
      mapping: file.mapping,
      jobId: 'check-1',
    });
    expectError(await preview, { code: 'cancelled' });
    // Only that job: the next one runs.
    const next = core.imports.preview({
      importId: file.importId,
      sellerId: seller.id,
      mapping: file.mapping,
      jobId: 'check-2',
    });
    expect(unwrap(await next).created).toBe(10);
  });

  it('after close, calls answer an error instead of hanging, and the database opens again', async () => {
    const dataDir = tempDir();
    const core = await startTestCoreWorker({ dataDir });
    await addSeller(core);
    await core.close();
    expectError(await core.sellers.list(), { code: 'internal' });
    const again = await workerCore(dataDir);
    expect(unwrap(await again.sellers.list())).toHaveLength(1);
  });

  it('says so when the thread dies without being closed, and answers every call after that', async () => {
    const exits: number[] = [];
    let thread: Worker | undefined;
    const core = await startTestCoreWorker(
      { dataDir: tempDir(), onUnexpectedExit: (code) => exits.push(code) },
      'source',
      (worker) => (thread = worker),
    );
    await addSeller(core);
    await thread?.terminate();
    await expect.poll(() => exits.length).toBe(1);
    expectError(await core.sellers.list(), { code: 'internal' });
    // A close after that is harmless, and a deliberate close is never "unexpected".
    await core.close();
    const closedOnPurpose: number[] = [];
    const other = await startTestCoreWorker({
      dataDir: tempDir(),
      onUnexpectedExit: (code) => closedOnPurpose.push(code),
    });
    await other.close();
    expect(closedOnPurpose).toEqual([]);
  });
});
