import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pageSql, WALK_FROM_MATCHES, WALK_UP_TO_ROW, type Shape } from '../../electron/core/catalogue/search';
import type { ProductSort, SortDirection } from '../../electron/shared/catalogue';
import { unwrap } from '../support/results';
import { tempCore } from '../support/temp';

/**
 * Searches for very common text over the whole catalogue walk an order index instead of
 * sorting every match. The pages must be exactly those the plain plan gives: checked here
 * against an order computed in JavaScript, on a catalogue big enough to take the walk.
 */
const MATCHING = WALK_FROM_MATCHES + 200;

function seed(dbPath: string) {
  const db = new Database(dbPath);
  // Straight SQL in one transaction: thousands of products through the API would take
  // minutes of fsyncs. The triggers of migration 0020 still fill the search index.
  db.transaction(() => {
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
    const seller = db.prepare('INSERT INTO sellers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    seller.run(1, 'Ibu Sari', at(0), at(0));
    seller.run(2, 'Pak Budi', at(0), at(0));
    const product = db.prepare(
      `INSERT INTO products (id, seller_id, name, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const sku = db.prepare(
      `INSERT INTO skus (product_id, seller_id, seller_sku, price, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= MATCHING + 300; id++) {
      const matches = id <= MATCHING;
      const sellerId = id % 10 === 0 ? 2 : 1;
      // Names, prices and times in scrambled orders, with ties, so every sort is tested.
      const name = `${matches ? 'Kopi' : 'Teh'} ${String((id * 7919) % 500).padStart(3, '0')}`;
      product.run(id, sellerId, name, id % 3 === 0 ? 'ready' : 'draft', at(id), at((id * 104_729) % 2000));
      sku.run(id, sellerId, `S-${id}`, 1000 + ((id * 31) % 700), at(id), at(id));
    }
    db.prepare('UPDATE products SET deleted_at = ? WHERE id IN (5, 6, 7)').run(at(9999));
    // Readiness masks as the core keeps them: bit 0 no_category, bit 3 no_weight.
    db.prepare('UPDATE products SET problems = CASE id % 4 WHEN 0 THEN 1 WHEN 1 THEN 9 WHEN 2 THEN 8 ELSE 0 END').run();
    db.prepare('UPDATE sellers SET deleted_at = ? WHERE id = 2').run(at(9999));
  })();
  db.close();
}

type Row = { id: number; name: string; updated: string; price: number; status: string; problems: number };
const collator = (a: string, b: string) =>
  a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;

function expectedOrder(rows: Row[], sort: ProductSort, direction: SortDirection): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (a: Row, b: Row) =>
    sort === 'name'
      ? collator(a.name, b.name)
      : sort === 'price'
        ? a.price - b.price
        : a.updated < b.updated
          ? -1
          : a.updated > b.updated
            ? 1
            : 0;
  return [...rows].sort((a, b) => sign * (key(a, b) || a.id - b.id)).map((r) => r.id);
}

describe('whole-catalogue search for very common text', () => {
  it('walks an order index and gives exactly the pages a full sort would', async () => {
    const { core, dbPath } = tempCore();
    seed(dbPath);
    const db = new Database(dbPath, { readonly: true });
    const live = db
      .prepare(
        `SELECT p.id, p.name, p.updated_at AS updated, p.min_price AS price, p.status, p.problems FROM products p
         WHERE p.deleted_at IS NULL AND p.seller_id = 1 AND p.name LIKE 'Kopi %'`,
      )
      .all() as Row[];
    db.close();
    expect(live.length).toBeGreaterThan(WALK_FROM_MATCHES);

    for (const sort of ['updated', 'name', 'price'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const order = expectedOrder(live, sort, direction);
        // First pages (walked), the last walked page, and a deep page (sorted as before).
        for (const offset of [0, 50, WALK_UP_TO_ROW - 50, WALK_UP_TO_ROW + 50]) {
          const page = unwrap(await core.products.search({ query: 'kopi', sort, direction, offset, limit: 50 }));
          expect(
            page.items.map((p) => p.id),
            `${sort} ${direction} @${offset}`,
          ).toEqual(order.slice(offset, offset + 50));
          expect(page.total, `${sort} ${direction} total`).toBe(live.length);
        }
      }
    }
    // With nobody in the trash, the total is the search index's own count.
    unwrap(await core.sellers.restore({ id: 2 }));
    const everyone = unwrap(await core.products.search({ query: 'kopi', limit: 50 }));
    expect(everyone.total).toBe(MATCHING - 3);
    unwrap(await core.sellers.delete({ id: 2 }));

    // A status filter walks too, and counts through the products table.
    const ready = live.filter((row) => row.status === 'ready');
    const readyPage = unwrap(await core.products.search({ query: 'kopi', status: 'ready', limit: 50 }));
    expect(readyPage.items.map((p) => p.id)).toEqual(expectedOrder(ready, 'updated', 'desc').slice(0, 50));
    expect(readyPage.total).toBe(ready.length);

    // So does a readiness filter: one problem, any problem, none.
    for (const [problem, keep] of [
      ['no_weight', (r: Row) => (r.problems & 8) !== 0],
      ['no_category', (r: Row) => (r.problems & 1) !== 0],
      ['any', (r: Row) => r.problems !== 0],
      ['none', (r: Row) => r.problems === 0],
    ] as const) {
      const rows = live.filter(keep);
      // First pages (walked) and the last, partial one.
      for (const offset of [0, 100, rows.length - 10]) {
        const page = unwrap(await core.products.search({ query: 'kopi', problem, sort: 'name', offset, limit: 50 }));
        expect(
          page.items.map((p) => p.id),
          `${problem} @${offset}`,
        ).toEqual(expectedOrder(rows, 'name', 'asc').slice(offset, offset + 50));
        expect(page.total, problem).toBe(rows.length);
      }
    }
  });

  it('plans the walk on the order index, without sorting the matches', () => {
    const { dbPath } = tempCore();
    const db = new Database(dbPath, { readonly: true });
    try {
      const shape: Shape = { seller: false, status: false, category: false, match: true, walk: true };
      for (const [sort, index] of [
        ['updated', 'products_live_by_updated'],
        ['name', 'products_live_by_name'],
        ['price', 'products_live_by_price'],
      ] as const) {
        const lines = (
          db
            .prepare(`EXPLAIN QUERY PLAN ${pageSql(shape, sort, 'DESC')}`)
            .all({ match: '"kopi"*', limit: 50, offset: 0 }) as {
            detail: string;
          }[]
        ).map((r) => r.detail);
        expect(
          lines.some((l) => l.includes(index)),
          lines.join('\n'),
        ).toBe(true);
        // Only the outer query (one page of rows) may sort.
        expect(lines.filter((l) => l === 'USE TEMP B-TREE FOR ORDER BY').length, lines.join('\n')).toBeLessThanOrEqual(
          1,
        );
      }
    } finally {
      db.close();
    }
  });
});
