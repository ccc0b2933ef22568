import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { ftsQuery } from '../../electron/core/catalogue/fts-query';
import { countSql, pageSql, problemCountSql, type Shape } from '../../electron/core/catalogue/search';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { ProductSearchInput, ProductSort } from '../../electron/shared/catalogue';
import { addProduct, addSeller, READY_CATEGORY_ID, readySku } from '../support/catalogue';
import { expectError, unwrap } from '../support/results';
import { steppingClock, tempCore, tempDir } from '../support/temp';

async function search(core: Core, input: ProductSearchInput) {
  return unwrap(await core.products.search(input));
}

async function names(core: Core, input: ProductSearchInput) {
  return (await search(core, input)).items.map((p) => p.name);
}

/** Two participants with products whose text differs in every searchable place. */
async function smallCatalogue(core: Core) {
  const sari = await addSeller(core, 'Ibu Sari');
  const budi = await addSeller(core, 'Pak Budi');
  const kripik = await addProduct(
    core,
    sari.id,
    'Kripik Singkong Pedas',
    [
      { sellerSku: 'KRP-100', price: 12_000, option1: 'Level 5' },
      { sellerSku: 'KRP-200', price: 20_000, option1: 'Jumbo' },
    ],
    { variation1: 'Varian' },
  );
  const kopi = await addProduct(core, sari.id, 'Kopí Luwak Asli', [readySku({ sellerSku: 'KL-1', price: 90_000 })], {
    status: 'ready',
    description: 'Dipetik dari lereng Merapi',
    categoryId: READY_CATEGORY_ID,
  });
  const dodol = await addProduct(core, budi.id, 'Dodol Garut', [{ sellerSku: 'DDL-9', price: 15_000 }], {
    categoryId: READY_CATEGORY_ID,
  });
  return { sari, budi, kripik, kopi, dodol };
}

describe('products:search finds products', () => {
  it('by name, by prefix, without diacritics, by SellerSku, by variant name and by description', async () => {
    const { core } = tempCore();
    await smallCatalogue(core);
    expect(await names(core, { query: 'singkong' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'krip' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'KR' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'kopi' })).toEqual(['Kopí Luwak Asli']);
    expect(await names(core, { query: 'KOPÍ luwak' })).toEqual(['Kopí Luwak Asli']);
    expect(await names(core, { query: 'KRP-200' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'krp-1' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'ddl' })).toEqual(['Dodol Garut']);
    expect(await names(core, { query: 'jumbo' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'merapi' })).toEqual(['Kopí Luwak Asli']);
    // Every word must match (AND), wherever it is.
    expect(await names(core, { query: 'kripik jumbo' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'kripik merapi' })).toEqual([]);
  });

  it('treats a blank query as no filter', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    await smallCatalogue(core);
    const all = await search(core, {});
    expect(all.total).toBe(3);
    expect(await search(core, { query: '   ' })).toEqual(all);
    expect(await search(core, { query: '' })).toEqual(all);
  });

  it('drops trashed products and SKUs from the index and brings them back on restore', async () => {
    const { core } = tempCore();
    const { kripik } = await smallCatalogue(core);
    unwrap(await core.products.delete({ id: kripik.id }));
    expect(await names(core, { query: 'kripik' })).toEqual([]);
    expect(await names(core, { query: 'krp' })).toEqual([]);
    unwrap(await core.products.restore({ id: kripik.id }));
    expect(await names(core, { query: 'kripik' })).toEqual(['Kripik Singkong Pedas']);

    // Removing a SKU trashes it: its code and variant name leave the index...
    const [first] = kripik.skus;
    unwrap(await core.products.update({ id: kripik.id, changes: { skus: [{ id: first!.id, price: 12_000 }] } }));
    expect(await names(core, { query: 'jumbo' })).toEqual([]);
    expect(await names(core, { query: 'KRP-200' })).toEqual([]);
    expect(await names(core, { query: 'KRP-100' })).toEqual(['Kripik Singkong Pedas']);
    // ...and typing the code again restores that row, and the index with it.
    unwrap(
      await core.products.update({
        id: kripik.id,
        changes: {
          skus: [
            { id: first!.id, price: 12_000 },
            // Same option as before, so only the revive itself can bring "jumbo" back.
            { sellerSku: 'KRP-200', option1: 'Jumbo', price: 20_000 },
          ],
        },
      }),
    );
    expect(await names(core, { query: 'KRP-200' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'jumbo' })).toEqual(['Kripik Singkong Pedas']);
  });

  it('leaves out a trashed participant’s products from the whole catalogue, not from their own list', async () => {
    const { core } = tempCore();
    const { budi } = await smallCatalogue(core);
    unwrap(await core.sellers.delete({ id: budi.id }));
    expect(await names(core, { query: 'dodol' })).toEqual([]);
    expect((await search(core, {})).total).toBe(2);
    expect(await names(core, { sellerId: budi.id, query: 'dodol' })).toEqual(['Dodol Garut']);
    unwrap(await core.sellers.restore({ id: budi.id }));
    expect(await names(core, { query: 'dodol' })).toEqual(['Dodol Garut']);
  });

  it('follows edits: a new SKU code, a new name, a new description', async () => {
    const { core } = tempCore();
    const { dodol } = await smallCatalogue(core);
    const sku = dodol.skus[0]!;
    unwrap(
      await core.products.update({
        id: dodol.id,
        changes: { skus: [{ id: sku.id, sellerSku: 'GRT-77', price: sku.price }] },
      }),
    );
    expect(await names(core, { query: 'ddl' })).toEqual([]);
    expect(await names(core, { query: 'grt-77' })).toEqual(['Dodol Garut']);
    unwrap(await core.products.update({ id: dodol.id, changes: { name: 'Jenang Kudus', description: 'legit' } }));
    expect(await names(core, { query: 'dodol' })).toEqual([]);
    expect(await names(core, { query: 'jenang' })).toEqual(['Jenang Kudus']);
    expect(await names(core, { query: 'legit' })).toEqual(['Jenang Kudus']);
  });

  it('keeps the lowest live price in step with SKU edits and trash', async () => {
    const { core } = tempCore();
    const { kripik } = await smallCatalogue(core);
    const minPrice = async () => (await search(core, { query: 'kripik' })).items[0]?.minPrice;
    expect(await minPrice()).toBe(12_000);
    const [cheap, dear] = kripik.skus;
    unwrap(await core.products.update({ id: kripik.id, changes: { skus: [{ id: dear!.id, price: 20_000 }] } }));
    expect(await minPrice()).toBe(20_000); // the cheap SKU is in the trash now
    unwrap(
      await core.products.update({
        id: kripik.id,
        changes: {
          skus: [
            { id: dear!.id, price: 20_000 },
            // Revived, and now the cheapest: only the revive can lower the price again.
            { sellerSku: cheap!.sellerSku, option1: cheap!.option1, price: 12_000 },
          ],
        },
      }),
    );
    expect(await minPrice()).toBe(12_000);
  });
});

describe('products:search filters, sorts and pages', () => {
  it('filters by participant, status and category', async () => {
    const { core } = tempCore();
    const { sari, budi } = await smallCatalogue(core);
    expect((await names(core, { sellerId: sari.id })).sort()).toEqual(['Kopí Luwak Asli', 'Kripik Singkong Pedas']);
    expect(await names(core, { sellerId: budi.id })).toEqual(['Dodol Garut']);
    expect(await names(core, { status: 'ready' })).toEqual(['Kopí Luwak Asli']);
    expect((await names(core, { categoryId: READY_CATEGORY_ID })).sort()).toEqual(['Dodol Garut', 'Kopí Luwak Asli']);
    expect(await names(core, { sellerId: sari.id, categoryId: READY_CATEGORY_ID, status: 'draft' })).toEqual([]);
    expect(await names(core, { sellerId: sari.id, query: 'garut' })).toEqual([]);
  });

  it('reports an unknown participant as not_found on sellerId', async () => {
    const { core } = tempCore();
    expectError(await core.products.search({ sellerId: 999_999 }), { code: 'not_found', field: 'sellerId' });
  });

  it('sorts by updated, name and price in both directions, ties by id', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const seller = await addSeller(core);
    const made = [];
    for (const [name, price] of [
      ['beras merah', 30_000],
      ['Abon Sapi', 30_000],
      ['abon sapi', 10_000],
      ['Cokelat', 20_000],
    ] as const) {
      made.push(await addProduct(core, seller.id, name, [{ price }]));
    }
    const ids = async (sort: ProductSort, direction?: 'asc' | 'desc') =>
      (await search(core, { sellerId: seller.id, sort, ...(direction ? { direction } : {}) })).items.map((p) => p.id);
    const [beras, abonA, abonB, cokelat] = made.map((p) => p.id);
    expect(await ids('updated')).toEqual([cokelat, abonB, abonA, beras]);
    expect(await ids('updated', 'asc')).toEqual([beras, abonA, abonB, cokelat]);
    expect(await ids('name')).toEqual([abonA, abonB, beras, cokelat]); // case-insensitive, ties by id
    expect(await ids('name', 'desc')).toEqual([cokelat, beras, abonB, abonA]);
    expect(await ids('price')).toEqual([abonB, cokelat, beras, abonA]);
    expect(await ids('price', 'desc')).toEqual([abonA, beras, cokelat, abonB]);
  });

  it('pages through every product exactly once, whatever the sort, with the right total', async () => {
    const { core } = tempCore({ clock: steppingClock('2025-03-01T08:00:00.000Z', 0) });
    const seller = await addSeller(core);
    // Same timestamp, few names and prices: ties everywhere, so only the id keeps the order.
    for (let i = 0; i < 23; i++) {
      await addProduct(core, seller.id, `Keripik ${i % 3}`, [{ price: 1_000 * (1 + (i % 2)) }]);
    }
    for (const sort of ['updated', 'name', 'price'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        for (let offset = 0; offset < 30; offset += 5) {
          const page = await search(core, { sellerId: seller.id, query: 'keri', sort, direction, limit: 5, offset });
          expect(page.total).toBe(23);
          seen.push(...page.items.map((p) => p.id));
        }
        expect(seen).toHaveLength(23);
        expect(new Set(seen).size).toBe(23);
        const whole = (await search(core, { sellerId: seller.id, sort, direction, limit: 200 })).items;
        expect(seen).toEqual(whole.map((p) => p.id));
      }
    }
    expect((await search(core, { sellerId: seller.id, limit: 5, offset: 100 })).total).toBe(23);
  });

  it('returns the same summary as products:list', async () => {
    const { core } = tempCore();
    const { sari } = await smallCatalogue(core);
    const list = unwrap(await core.products.list({ sellerId: sari.id }));
    expect((await search(core, { sellerId: sari.id })).items).toEqual(list);
  });
});

describe('hostile search text', () => {
  const HOSTILE = [
    '"',
    '""',
    '*',
    'krip*',
    'NEAR(',
    'NEAR(kripik pedas, 2)',
    'AND OR',
    'kripik AND',
    'NOT',
    '-',
    '-kripik',
    ':',
    'name:kripik',
    '{name}: kripik',
    '^kripik',
    '(kripik',
    "'; DROP TABLE products; --",
    '%_\\',
    '🌶️🔥',
    'kripik 🌶️',
    '\u0000kripik',
    '\u0301\u0301',
    'x'.repeat(200),
    'a b c d e f g h i j k l m n o p q r s t u v w x y z',
  ];

  it('never throws: results or nothing, and the operators are plain words', async () => {
    const { core } = tempCore();
    await smallCatalogue(core);
    for (const query of HOSTILE) {
      const result = await core.products.search({ query });
      expect(result.ok, JSON.stringify(query)).toBe(true);
    }
    expect(await names(core, { query: 'krip*' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'name:kripik' })).toEqual([]); // "name" is a word to find, not a column
    expect(await names(core, { query: '-kripik' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: 'kripik 🌶️' })).toEqual(['Kripik Singkong Pedas']);
    expect(await names(core, { query: '🌶️🔥' })).toEqual([]);
  });

  it('refuses text longer than a search box as invalid_input; the query builder copes with any length', async () => {
    const { core } = tempCore();
    await smallCatalogue(core);
    expectError(await core.products.search({ query: 'kripik '.repeat(1500) }), {
      code: 'invalid_input',
      field: 'query',
    });
    const huge = ftsQuery(`${'kripik '.repeat(1500)}${'x'.repeat(10_000)}`);
    expect(huge?.split('*').length).toBe(17); // 16 phrases
    expect(ftsQuery('x'.repeat(10_000))).toBe(`"${'x'.repeat(64)}"*`);
  });

  it('builds only quoted prefix phrases of letters and digits', () => {
    expect(ftsQuery('Kripik "pedas')).toBe('"Kripik"* "pedas"*');
    expect(ftsQuery('KRP-100')).toBe('"KRP 100"*');
    expect(ftsQuery('NEAR( a OR b')).toBe('"NEAR"* "a"* "OR"* "b"*');
    expect(ftsQuery('kopí')).toBe('"kopí"*');
    expect(ftsQuery('- * : "')).toBeNull();
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(undefined)).toBeNull();
  });
});

/** EXPLAIN QUERY PLAN lines of a statement, with the parameters a real call binds. */
function plan(db: Database.Database, sql: string): string[] {
  const params = {
    sellerId: 1,
    status: 'ready',
    categoryId: null,
    problemMasks: '[1,3]',
    match: '"kri"*',
    limit: 50,
    offset: 0,
  };
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

/**
 * What is wrong with a hot query's plan (empty when nothing): products must be reached
 * through `index` (or the FTS table, when searching), never scanned whole, and a seller's
 * page must come out of the index in order, not through a sort of every row.
 */
function planProblems(lines: readonly string[], index: string, sorted = true): string[] {
  const problems: string[] = [];
  if (!lines.some((l) => l.includes(index))) problems.push(`does not use ${index}`);
  for (const line of lines) {
    if (/^SCAN p\b/.test(line) && !line.includes('USING')) problems.push(`full scan: ${line}`);
  }
  // Only the outer query (over one page of rows) may sort; it comes after the inner query's lines.
  const sorts = lines.filter((l) => l === 'USE TEMP B-TREE FOR ORDER BY').length;
  if (sorted && sorts > 1) problems.push('sorts every matching product');
  return problems;
}

const BY_SELLER: Shape = { seller: true, status: true, category: false, match: false };
const HOT: readonly { label: string; sql: string; index: string; sorted?: boolean }[] = [
  { label: 'seller page by updated', sql: pageSql(BY_SELLER, 'updated', 'DESC'), index: 'products_by_seller' },
  { label: 'seller page by name', sql: pageSql(BY_SELLER, 'name', 'ASC'), index: 'products_live_by_seller_name' },
  { label: 'seller page by price', sql: pageSql(BY_SELLER, 'price', 'ASC'), index: 'products_live_by_seller_price' },
  { label: 'seller count', sql: countSql(BY_SELLER), index: 'products_by_seller' },
  {
    label: 'readiness count in a seller, from the tallies',
    sql: problemCountSql({ seller: true, status: false, category: false, match: false, problem: true }),
    index: 'SEARCH product_problem_counts USING PRIMARY KEY (seller_id=?',
  },
  {
    label: 'readiness count, whole catalogue, from the tallies',
    sql: problemCountSql({ seller: false, status: false, category: false, match: false, problem: true }),
    index: 'product_problem_counts',
  },
  {
    label: 'readiness count narrowed by status, from the products',
    sql: problemCountSql({ seller: false, status: true, category: false, match: false, problem: true }),
    index: 'products_live_by_problems',
  },
  {
    label: 'search in a seller',
    sql: pageSql({ ...BY_SELLER, match: true }, 'name', 'ASC'),
    index: 'products_live_by_seller_name',
  },
  {
    label: 'search in the whole catalogue',
    sql: pageSql({ seller: false, status: false, category: false, match: true }, 'updated', 'DESC'),
    index: 'product_search VIRTUAL TABLE',
    sorted: false, // the matches are few; sorting them is the plan
  },
];

describe('query plans of the hot queries', () => {
  it('use their indexes and the FTS table, never a full scan of products', () => {
    const { dbPath } = tempCore();
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const query of HOT) {
        const lines = plan(db, query.sql);
        expect(planProblems(lines, query.index, query.sorted ?? true), `${query.label}\n${lines.join('\n')}`).toEqual(
          [],
        );
      }
    } finally {
      db.close();
    }
  });

  it('fail when an index is dropped (the check above can see a regression)', () => {
    const { dbPath } = tempCore();
    const db = new Database(dbPath);
    try {
      for (const index of ['products_live_by_seller_name', 'products_live_by_seller_price', 'products_by_seller']) {
        db.exec(`DROP INDEX ${index}`);
        const broken = HOT.filter((q) => q.index === index);
        expect(broken.length).toBeGreaterThan(0);
        for (const query of broken) {
          expect(planProblems(plan(db, query.sql), query.index), query.label).not.toEqual([]);
        }
      }
      // With every sort index gone, a seller's page is a full scan plus a sort of every row.
      const lines = plan(db, pageSql(BY_SELLER, 'updated', 'DESC'));
      expect(lines.join('\n')).toMatch(/SCAN p\b/);
    } finally {
      db.close();
    }
  });
});

describe('migration 0020 on a database created by migration 10', () => {
  it('makes existing products searchable and sortable by price', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    const old = new Database(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version === 10),
    );
    const at = '2025-01-01T00:00:00.000Z';
    old.exec(`
      INSERT INTO sellers (id, name, created_at, updated_at) VALUES (1, 'Ibu Sari', '${at}', '${at}');
      INSERT INTO products (id, seller_id, name, description, created_at, updated_at, deleted_at) VALUES
        (1, 1, 'Kripik Tempe', 'renyah', '${at}', '${at}', NULL),
        (2, 1, 'Sambal Bawang', '', '${at}', '${at}', NULL),
        (3, 1, 'Kripik Lama', '', '${at}', '${at}', '${at}');
      INSERT INTO skus (product_id, seller_id, seller_sku, variant_name, price, created_at, updated_at, deleted_at) VALUES
        (1, 1, 'KT-1', 'Original', 8000, '${at}', '${at}', NULL),
        (1, 1, 'KT-2', 'Balado', 5000, '${at}', '${at}', '${at}'),
        (2, 1, 'SB-1', '', 25000, '${at}', '${at}', NULL),
        (3, 1, 'KL-1', '', 1000, '${at}', '${at}', NULL);`);
    old.close();

    const core = createCore({ dataDir: dir });
    try {
      expect(await names(core, { query: 'kripik' })).toEqual(['Kripik Tempe']);
      expect(await names(core, { query: 'renyah' })).toEqual(['Kripik Tempe']);
      expect(await names(core, { query: 'kt-1' })).toEqual(['Kripik Tempe']);
      expect(await names(core, { query: 'balado' })).toEqual([]); // a trashed SKU
      const byPrice = await search(core, { sellerId: 1, sort: 'price' });
      expect(byPrice.items.map((p) => [p.name, p.minPrice])).toEqual([
        ['Kripik Tempe', 8000],
        ['Sambal Bawang', 25000],
      ]);
      // And the triggers work on the upgraded database.
      unwrap(await core.products.update({ id: 2, changes: { name: 'Sambal Kripik' } }));
      expect(await names(core, { query: 'kripik', sort: 'name' })).toEqual(['Kripik Tempe', 'Sambal Kripik']);
    } finally {
      core.close();
    }
  });
});
