/**
 * Catalogue at scale: list pages, full-text search and product reads on a generated
 * catalogue of 50,000 products / 120,000 SKUs, measured through the real IPC path minus
 * Electron (`dispatch` over the handler table: contract validation, core validation, SQL,
 * mapping), against a baseline of the same SQL run straight on a better-sqlite3 handle.
 *
 *   npm run bench:catalogue
 *
 * Timings are wall-clock per call; targets come from the catalogue-at-scale issue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore, DB_FILE } from '../electron/core';
import { categoryCheck } from '../electron/core/catalogue/category-rules';
import { ftsQuery } from '../electron/core/catalogue/fts-query';
import { ProductStore } from '../electron/core/catalogue/products';
import { SellerStore } from '../electron/core/catalogue/sellers';
import { openDatabase } from '../electron/core/db/open';
import {
  ANY_TRASHED_SELLER,
  countSql,
  FTS_COUNT,
  pageSql,
  TRASHED_SELLERS_MATCHES,
  WALK_FROM_MATCHES,
  type Shape,
} from '../electron/core/catalogue/search';
import { benchImport } from './import-bench';
import { ipcCaller } from './ipc';
import { figures, time } from './stats';
import { benchWorker } from './worker-bench';
import type { ProductSearchInput, ProductSort } from '../electron/shared/catalogue';
import { seededRandom } from '../tests/support/random';

const SELLERS = 300;
const PRODUCTS = 50_000;
const SKUS = 120_000;
const SEED = 20250301;

const GOODS = [
  'Kripik Singkong',
  'Keripik Pisang',
  'Kripik Tempe',
  'Sambal Bawang',
  'Kopi Bubuk',
  'Kopí Luwak',
  'Teh Melati',
  'Gula Aren',
  'Dodol Garut',
  'Batik Tulis',
  'Batik Cap',
  'Tas Anyaman',
  'Keranjang Rotan',
  'Madu Hutan',
  'Abon Sapi',
  'Rendang Daging',
  'Kacang Mete',
  'Emping Melinjo',
  'Jahe Merah',
  'Kunyit Bubuk',
  'Sabun Sereh',
  'Lilin Aromaterapi',
  'Bawang Goreng',
  'Rengginang',
  'Opak Ketan',
  'Wajik Ketan',
  'Bakpia Kacang',
  'Peyek Teri',
  'Selai Nanas',
  'Minyak Kelapa',
  'Tenun Ikat',
  'Songket Palembang',
  'Gantungan Kunci',
  'Dompet Kulit',
];
const TRAITS = [
  'Pedas',
  'Manis',
  'Asin',
  'Original',
  'Balado',
  'Jumbo',
  'Mini',
  'Premium',
  'Asli',
  'Organik',
  'Khas Garut',
  'Rasa Keju',
  'Daun Jeruk',
  'Super',
  'Spesial',
  'Renyah',
  'Gurih',
  'Tradisional',
  'Oleh-oleh',
  'Murah',
];
const VARIANTS = ['100 g', '250 g', '500 g', '1 kg', 'Kecil', 'Sedang', 'Besar', 'Merah', 'Hijau', 'Level 3'];
const WORDS = ['enak', 'tahan lama', 'tanpa pengawet', 'dibuat di rumah', 'bahan pilihan', 'cocok untuk oleh-oleh'];

/** Fills a fresh data dir: one transaction, prepared statements, the triggers doing their real work. */
function generate(dataDir: string): void {
  createCore({ dataDir }).close(); // creates and migrates the schema, installs the category tree
  const db = new Database(path.join(dataDir, DB_FILE));
  const leaves = db.prepare<[], number>('SELECT id FROM categories WHERE leaf = 1 ORDER BY id').pluck().all();
  const rnd = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 61_000).toISOString();
  const seller = db.prepare(
    'INSERT INTO sellers (id, name, business_name, next_sku_number, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
  );
  const product = db.prepare(
    `INSERT INTO products (id, seller_id, name, description, category_id, status, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const variation = db.prepare("UPDATE products SET variation1 = 'Varian' WHERE id = ?");
  const sku = db.prepare(
    `INSERT INTO skus (product_id, seller_id, seller_sku, option1, variant_name, position, price, stock, weight_g,
       length_cm, width_cm, height_cm, created_at, updated_at)
     VALUES (@productId, @sellerId, @code, @option, @option, @position, @price, @stock, @weight, @size, @size, @size,
       @at, @at)`,
  );
  db.transaction(() => {
    for (let s = 1; s <= SELLERS; s++) seller.run(s, `Peserta ${s}`, `Usaha ${s}`, at(0), at(0));
    let skusLeft = SKUS;
    for (let p = 1; p <= PRODUCTS; p++) {
      const sellerId = 1 + Math.floor(rnd() * SELLERS);
      const name = `${pick(GOODS)} ${pick(TRAITS)}${rnd() < 0.3 ? ` ${pick(TRAITS)}` : ''}`;
      const description = `${name} ${pick(WORDS)}, ${pick(WORDS)}.`;
      const deleted = rnd() < 0.02 ? at(p) : null;
      product.run(
        p,
        sellerId,
        name,
        description,
        rnd() < 0.1 ? null : pick(leaves),
        rnd() < 0.4 ? 'ready' : 'draft',
        at(p),
        at(p + Math.floor(rnd() * 1000)),
        deleted,
      );
      // Spread the SKUs so the totals come out exact: 2.4 per product on average.
      const productsLeft = PRODUCTS - p + 1;
      const count =
        p === PRODUCTS
          ? skusLeft
          : Math.max(
              1,
              Math.min(skusLeft - (productsLeft - 1), rnd() < 0.4 ? 2 : rnd() < 0.5 ? 3 : rnd() < 0.6 ? 1 : 4),
            );
      if (count > 1) variation.run(p);
      // Some products still lack weight or package size, as in a real workshop.
      const measured = rnd() < 0.7;
      for (let v = 0; v < count; v++) {
        sku.run({
          productId: p,
          sellerId,
          code: `P${p}-${v + 1}`,
          option: count > 1 ? `${pick(VARIANTS)} ${v + 1}` : '',
          position: v,
          price: 1000 * (5 + Math.floor(rnd() * 200)),
          stock: Math.floor(rnd() * 100),
          weight: measured ? 100 + Math.floor(rnd() * 900) : null,
          size: measured ? 10 : null,
          at: at(p),
        });
      }
      skusLeft -= count;
    }
  })();
  db.close();
  // Readiness problems worked out by the app's own code, as if each product had been saved.
  const handle = openDatabase(path.join(dataDir, DB_FILE));
  const now = () => new Date().toISOString();
  const store = new ProductStore(handle, new SellerStore(handle, now), categoryCheck(handle, now), now);
  handle.transaction(() => store.recomputeProblems())();
  handle.close();
}

const QUERIES = ['krip', 'kopi luwak', 'batik tulis', 'kr', 'pedas manis', 'P123', 'sambal baw', 'oleh', 'k'];
const SORTS: readonly ProductSort[] = ['updated', 'name', 'price'];
const ROUNDS = 400;
const PROBLEM_FILTERS = ['any', 'none', 'no_weight', 'missing_attributes'] as const;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-bench-'));
  try {
    const t0 = performance.now();
    generate(dataDir);
    const raw = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const counts = raw.prepare('SELECT (SELECT COUNT(*) FROM products) AS p, (SELECT COUNT(*) FROM skus) AS s').get();
    console.log(
      `generated ${JSON.stringify(counts)} across ${SELLERS} sellers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const core = createCore({ dataDir });
    // The benchmark never opens a dialog.
    const ipc = ipcCaller(core);
    const rnd = seededRandom(SEED + 1);
    const sellerId = () => 1 + Math.floor(rnd() * SELLERS);

    const samples: Record<string, { ipc: number[]; base: number[] }> = {};
    const record = (name: string) => (samples[name] ??= { ipc: [], base: [] });

    // The baseline: the same statements straight on a handle, no validation, no dispatch.
    // Statements are prepared once, as the core caches its own, so the ratio shows only
    // what validation and dispatch add.
    const prepared = new Map<string, ReturnType<typeof raw.prepare>>();
    const statement = (sql: string) => {
      let found = prepared.get(sql);
      if (!found) prepared.set(sql, (found = raw.prepare(sql)));
      return found;
    };
    // The same plan choice as the core: over the whole catalogue, count the matches first and
    // walk an order index when they are many; take the total from the search index.
    const baseline = (plain: Shape, sort: ProductSort, params: Record<string, unknown>) => {
      const dir = sort === 'updated' ? 'DESC' : 'ASC';
      const matches =
        plain.match && !plain.seller ? (statement(FTS_COUNT).pluck().get({ match: params['match'] }) as number) : null;
      const shape = { ...plain, walk: matches !== null && matches >= WALK_FROM_MATCHES };
      const page = statement(pageSql(shape, sort, dir)).all(params);
      if (page.length < 50) return;
      if (matches !== null && !shape.status) {
        if (raw.prepare<[], number>(ANY_TRASHED_SELLER).pluck().get()) {
          statement(TRASHED_SELLERS_MATCHES).pluck().get({ match: params['match'] });
        }
      } else
        statement(countSql({ ...shape, walk: false }))
          .pluck()
          .get(params);
    };
    const baseParams = (input: ProductSearchInput) => ({
      sellerId: input.sellerId ?? null,
      status: input.status ?? null,
      categoryId: null,
      match: ftsQuery(input.query),
      limit: 50,
      offset: 0,
    });
    const shapeOf = (input: ProductSearchInput): Shape => ({
      seller: input.sellerId !== undefined,
      status: input.status !== undefined,
      category: false,
      match: input.query !== undefined,
    });

    for (let round = 0; round < ROUNDS; round++) {
      const warm = round < 20;
      for (const sort of SORTS) {
        const input: ProductSearchInput = { sellerId: sellerId(), status: rnd() < 0.5 ? 'ready' : 'draft', sort };
        const s = record(`list page, seller+status, by ${sort}`);
        await time(warm ? [] : s.ipc, () => ipc('products:search', input));
        await time(warm ? [] : s.base, () => baseline(shapeOf(input), sort, baseParams(input)));
      }
      const query = QUERIES[round % QUERIES.length]!;
      const whole: ProductSearchInput = { query };
      const s = record(`search, all: "${query}"`);
      await time(warm ? [] : s.ipc, () => ipc('products:search', whole));
      await time(warm ? [] : s.base, () => baseline(shapeOf(whole), 'updated', baseParams(whole)));
      const mine: ProductSearchInput = { query, sellerId: sellerId(), sort: 'name' };
      const m = record('search, one seller, by name');
      await time(warm ? [] : m.ipc, () => ipc('products:search', mine));
      await time(warm ? [] : m.base, () => baseline(shapeOf(mine), 'name', baseParams(mine)));
      const problem = PROBLEM_FILTERS[round % PROBLEM_FILTERS.length]!;
      const p = record('list page, all, by problem');
      await time(warm ? [] : p.ipc, () => ipc('products:search', { problem }));
      const id = 1 + Math.floor(rnd() * PRODUCTS);
      const g = record('products:get');
      await time(warm ? [] : g.ipc, () => ipc('products:get', { id }));
      await time(warm ? [] : g.base, () => {
        statement('SELECT * FROM products WHERE id = ?').get(id);
        statement('SELECT * FROM skus WHERE product_id = ? AND deleted_at IS NULL ORDER BY position, id').all(id);
      });
    }

    const fmt = (n: number) => n.toFixed(2).padStart(7);
    console.log(`\n${'call'.padEnd(36)}   n     p50     p95     p99     max | base p50 base p95  ratio p95`);
    const allIpc: number[] = [];
    for (const [name, { ipc: i, base }] of Object.entries(samples)) {
      const a = figures(i);
      allIpc.push(...i);
      // Calls without a raw-SQL twin (the problem filter) show their figures alone.
      const b = base.length > 0 ? figures(base) : null;
      const versus = b
        ? `${fmt(b.p50)}  ${fmt(b.p95)}  ${(a.p95 / b.p95).toFixed(2).padStart(6)}x`
        : '      -        -        -';
      console.log(
        `${name.padEnd(36)} ${String(a.n).padStart(4)} ${fmt(a.p50)} ${fmt(a.p95)} ${fmt(a.p99)} ${fmt(a.max)} | ${versus}`,
      );
    }
    const list = figures(
      Object.entries(samples)
        .filter(([k]) => k.startsWith('list'))
        .flatMap(([, v]) => v.ipc),
    );
    const search = figures(
      Object.entries(samples)
        .filter(([k]) => k.startsWith('search'))
        .flatMap(([, v]) => v.ipc),
    );
    const all = figures(allIpc);
    const verdict = (value: number, target: number) =>
      `${value.toFixed(2)} ms (target ≤ ${target} ms) ${value <= target ? 'PASS' : 'MISS'}`;
    console.log('\ntargets (ms, through dispatch)');
    console.log(`  list page p95   ${verdict(list.p95, 5)}`);
    console.log(`  FTS search p95  ${verdict(search.p95, 20)}`);
    console.log(`  every IPC p99   ${verdict(all.p99, 16)}`);
    await benchImport(core);
    await core.close();
    raw.close();
    await benchWorker(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
