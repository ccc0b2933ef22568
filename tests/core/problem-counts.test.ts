import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { PROBLEM_FILTERS } from '../../electron/shared/plain/readiness';
import { addSeller, READY_FIELDS, readySku } from '../support/catalogue';
import { seededRandom } from '../support/random';
import { unwrap } from '../support/results';
import { openTempCore } from '../support/temp';

/**
 * The per-participant tallies of readiness problems (migration 0060) that give the
 * readiness filter its total: after any mix of saves, deletes, restores, participants going
 * to the trash and back, bulk changes and undo, they equal a count of the products.
 */

function tallies(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const kept = db
      .prepare('SELECT seller_id, problems, live FROM product_problem_counts WHERE live > 0 ORDER BY 1, 2')
      .all();
    const counted = db
      .prepare(
        `SELECT seller_id, problems, COUNT(*) AS live FROM products WHERE deleted_at IS NULL
         GROUP BY seller_id, problems ORDER BY 1, 2`,
      )
      .all();
    return { kept, counted };
  } finally {
    db.close();
  }
}

/** Every readiness filter's total, for the whole catalogue and each participant, as a page reports it. */
async function totals(core: Core, sellerIds: readonly number[]) {
  const seen: Record<string, number> = {};
  for (const problem of PROBLEM_FILTERS) {
    seen[`all ${problem}`] = unwrap(await core.products.search({ problem, limit: 1 })).total;
    for (const sellerId of sellerIds) {
      seen[`${sellerId} ${problem}`] = unwrap(await core.products.search({ problem, sellerId, limit: 1 })).total;
    }
  }
  return seen;
}

/** The same totals counted from the products by readiness alone (status or category narrowing forces it). */
async function countedTotals(core: Core, sellerIds: readonly number[]) {
  const seen: Record<string, number> = {};
  for (const problem of PROBLEM_FILTERS) {
    const both = async (input: object) =>
      unwrap(await core.products.search({ ...input, problem, status: 'draft', limit: 1 })).total +
      unwrap(await core.products.search({ ...input, problem, status: 'ready', limit: 1 })).total;
    seen[`all ${problem}`] = await both({});
    for (const sellerId of sellerIds) seen[`${sellerId} ${problem}`] = await both({ sellerId });
  }
  return seen;
}

describe('readiness problem tallies', () => {
  it('match the products after 400 random operations of every kind', async () => {
    const temp = openTempCore();
    try {
      const core = temp.core;
      const random = seededRandom(20261127);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const sellers = [
        await addSeller(core, 'Ibu Sari'),
        await addSeller(core, 'Pak Budi'),
        await addSeller(core, 'Bu Ani'),
      ];
      const sellerIds = sellers.map((seller) => seller.id);
      const products: number[] = [];
      const edits: number[] = [];
      for (let step = 1; step <= 400; step++) {
        const roll = random();
        if (roll < 0.35 || products.length < 5) {
          // A product with a random part of what readiness asks for.
          const complete = random() < 0.4;
          const created = await core.products.create({
            sellerId: pick(sellerIds),
            name: `Produk ${step}`,
            skus: [random() < 0.5 ? readySku() : { price: 10_000 }],
            ...(complete ? READY_FIELDS : random() < 0.5 ? { categoryId: READY_FIELDS.categoryId } : {}),
          });
          if (created.ok) products.push(created.value.id);
        } else if (roll < 0.55) {
          const id = pick(products);
          await core.products.update({ id, changes: random() < 0.5 ? { description: '' } : { ...READY_FIELDS } });
        } else if (roll < 0.65) {
          await core.products.delete({ id: pick(products) });
        } else if (roll < 0.72) {
          await core.products.restore({ id: pick(products) });
        } else if (roll < 0.78) {
          await core.sellers.delete({ id: pick(sellerIds) });
        } else if (roll < 0.86) {
          await core.sellers.restore({ id: pick(sellerIds) });
        } else if (roll < 0.94) {
          const ids = products.filter(() => random() < 0.3);
          const change =
            random() < 0.5
              ? { kind: 'weight' as const, weightKg: 0.5 }
              : { kind: 'category' as const, categoryId: READY_FIELDS.categoryId };
          const edit = ids.length > 0 ? await core.products.bulkEdit({ ids, change }) : null;
          if (edit?.ok) edits.push(edit.value.editId);
        } else if (edits.length > 0) {
          await core.products.bulkUndo({ editId: pick(edits) });
        }
        if (step % 50 === 0) {
          const { kept, counted } = tallies(temp.dbPath);
          expect(kept, `after step ${step}`).toEqual(counted);
          // Pages show the tallied totals (participants in the trash left out, as the list
          // does); the same filter narrowed by status counts the products themselves.
          expect(await totals(core, sellerIds), `after step ${step}`).toEqual(await countedTotals(core, sellerIds));
        }
      }
      // The random walk really moved products between masks and participants.
      expect(
        new Set(tallies(temp.dbPath).counted.map((row) => (row as { problems: number }).problems)).size,
      ).toBeGreaterThan(2);
    } finally {
      temp.dispose();
    }
  });

  it('are worked out from the products when a catalogue from before them is opened', async () => {
    const temp = openTempCore();
    try {
      const sari = await addSeller(temp.core, 'Ibu Sari');
      for (let i = 0; i < 30; i++) {
        unwrap(
          await temp.core.products.create({
            sellerId: sari.id,
            name: `Produk ${i}`,
            skus: [i % 2 ? readySku() : { price: 5_000 }],
            ...(i % 3 ? READY_FIELDS : {}),
          }),
        );
      }
      const before = tallies(temp.dbPath).counted;
      temp.core.close();
      // As Akar left it before migration 60.
      const db = new Database(temp.dbPath);
      db.exec(`
        DROP TRIGGER product_problem_counts_insert;
        DROP TRIGGER product_problem_counts_delete;
        DROP TRIGGER product_problem_counts_update;
        DROP TABLE product_problem_counts;
        DELETE FROM schema_migrations WHERE version = 60;`);
      db.close();
      temp.reopen();
      const { kept, counted } = tallies(temp.dbPath);
      expect(counted).toEqual(before);
      expect(kept).toEqual(counted);
      expect(kept.length).toBeGreaterThan(1);
    } finally {
      temp.dispose();
    }
  });
});
