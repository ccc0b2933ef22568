/**
 * The spreadsheet import and bulk edit parts of bench:catalogue, run on the same 50,000
 * product catalogue: a 10,000-row CSV read, previewed and committed for one participant
 * (target ≤ 2 s), the same file imported again (every product unchanged), and bulk edits.
 *
 * Baseline: the same file parsed by csv-parse alone and its rows inserted with prepared
 * statements in one transaction, into a fresh database with the same schema: what reading
 * and writing cost before any validation, grouping, matching or reporting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { createCore, DB_FILE, type Core } from '../electron/core';
import type { Result } from '../electron/shared/result';

const ROWS = 10_000;

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** 10,000 rows in the shape a participant's Excel gives: semicolons, "Rp 25.000", "250 gr". */
export function sheet(): string {
  const lines = ['Nama Produk;Deskripsi;Varian;Harga;Stok;Berat;SKU'];
  let product = 0;
  while (lines.length <= ROWS) {
    product++;
    const variants = 1 + (product % 4);
    for (let v = 0; v < variants && lines.length <= ROWS; v++) {
      const price = (10 + ((product * 7 + v) % 190)) * 1000;
      lines.push(
        [
          `Keripik Nomor ${product}`,
          `Keripik renyah nomor ${product}, tanpa pengawet`,
          `Rasa ${v + 1}`,
          `Rp ${price.toLocaleString('id-ID')}`,
          String((product + v) % 100),
          `${100 + v * 50} gr`,
          `IMP-${product}-${v + 1}`,
        ].join(';'),
      );
    }
  }
  return lines.join('\r\n');
}

async function seconds<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

export async function benchImport(core: Core): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-bench-import-'));
  try {
    const file = path.join(folder, 'peserta.csv');
    fs.writeFileSync(file, sheet());
    const seller = unwrap(await core.sellers.create({ name: 'Peserta Impor' }));

    const read = await seconds(async () => unwrap(await core.imports.open(file)));
    const { importId, mapping } = read.value;
    const preview = await seconds(async () =>
      unwrap(await core.imports.preview({ importId, sellerId: seller.id, mapping })),
    );
    const commit = await seconds(async () =>
      unwrap(await core.imports.commit({ importId, sellerId: seller.id, mapping })),
    );
    const total = read.ms + preview.ms + commit.ms;

    const again = await seconds(async () => {
      const second = unwrap(await core.imports.open(file));
      const run = { importId: second.importId, sellerId: seller.id, mapping: second.mapping };
      unwrap(await core.imports.preview(run));
      return unwrap(await core.imports.commit(run));
    });

    const baseline = await seconds(() => rawImport(file));

    console.log(`\nimport of a ${ROWS}-row CSV into a 50,000-product catalogue`);
    console.log(
      `  read ${read.ms.toFixed(0)} ms, preview ${preview.ms.toFixed(0)} ms, commit ${commit.ms.toFixed(0)} ms`,
    );
    console.log(
      `  created ${commit.value.created} products, skipped ${commit.value.skipped}; the same file again: ` +
        `${again.value.unchanged} unchanged in ${again.ms.toFixed(0)} ms`,
    );
    console.log(
      `  baseline (csv-parse + raw inserts, no checks) ${baseline.ms.toFixed(0)} ms; ratio ${(total / baseline.ms).toFixed(1)}x`,
    );
    console.log(`  preview + commit ${(total / 1000).toFixed(2)} s (target ≤ 2 s) ${total <= 2000 ? 'PASS' : 'MISS'}`);

    const ids = unwrap(await core.products.searchIds({ sellerId: seller.id }));
    for (const count of [100, 1000, ids.length]) {
      const chosen = ids.slice(0, count);
      const edit = await seconds(async () =>
        unwrap(await core.products.bulkEdit({ ids: chosen, change: { kind: 'price', mode: 'percent', value: 10 } })),
      );
      const undo = await seconds(async () => unwrap(await core.products.bulkUndo({ editId: edit.value.editId })));
      console.log(
        `  bulk price +10% on ${String(chosen.length).padStart(5)} products ${edit.ms.toFixed(0).padStart(5)} ms, ` +
          `undo ${undo.ms.toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The baseline: parse and insert, nothing else, into a fresh database of the same schema. */
function rawImport(file: string): void {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-bench-raw-'));
  try {
    createCore({ dataDir }).close();
    const db = new Database(path.join(dataDir, DB_FILE));
    const rows = parse(fs.readFileSync(file), { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    const at = new Date().toISOString();
    db.prepare("INSERT INTO sellers (id, name, created_at, updated_at) VALUES (1, 'x', ?, ?)").run(at, at);
    const product = db.prepare(
      "INSERT INTO products (seller_id, name, description, variation1, created_at, updated_at) VALUES (1, ?, ?, 'Varian', ?, ?)",
    );
    const sku = db.prepare(
      `INSERT INTO skus (product_id, seller_id, seller_sku, option1, variant_name, price, stock, weight_g, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      let last = '';
      let productId = 0;
      for (const [name = '', description = '', option = '', price = '', stock = '', weight = '', code = ''] of rows) {
        if (name !== last) {
          productId = Number(product.run(name, description, at, at).lastInsertRowid);
          last = name;
        }
        const rupiah = Number(price.replace(/\D/g, ''));
        sku.run(productId, code, option, option, rupiah, Number(stock), Number.parseInt(weight, 10), at, at);
      }
    })();
    db.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
