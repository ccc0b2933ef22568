import type { Seller, SellerCreateInput, SellerListInput, SellerUpdateInput } from '../../shared/catalogue';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { CoreError, notFound } from '../errors';
import { likePattern } from './like';

interface SellerRow {
  id: number;
  name: string;
  business_name: string;
  phone: string;
  district: string;
  notes: string;
  product_count: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const SELECT = /* sql */ `
SELECT s.*, (SELECT COUNT(*) FROM products p WHERE p.seller_id = s.id AND p.deleted_at IS NULL) AS product_count
FROM sellers s`;

function toSeller(row: SellerRow): Seller {
  return {
    id: row.id,
    name: row.name,
    businessName: row.business_name,
    phone: row.phone,
    district: row.district,
    notes: row.notes,
    productCount: row.product_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Sellers are the workshop's participants; every product belongs to one. */
export class SellerStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

  list(input: SellerListInput): Seller[] {
    const rows = cached<{ includeDeleted: number; query: string | null }, SellerRow>(
      this.db,
      `${SELECT}
         WHERE (s.deleted_at IS NULL OR @includeDeleted)
           AND (@query IS NULL OR s.name LIKE @query ESCAPE '\\' OR s.business_name LIKE @query ESCAPE '\\' OR s.district LIKE @query ESCAPE '\\')
         ORDER BY s.name COLLATE NOCASE, s.id`,
    ).all({ includeDeleted: input.includeDeleted ? 1 : 0, query: likePattern(input.query) });
    return rows.map(toSeller);
  }

  /** Participants in the trash, most recently deleted first. */
  listTrash(): Seller[] {
    return cached<[], SellerRow>(
      this.db,
      `${SELECT} WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC, s.id DESC`,
    )
      .all()
      .map(toSeller);
  }

  get(id: number, field = 'id'): Seller {
    const row = cached<[number], SellerRow>(this.db, `${SELECT} WHERE s.id = ?`).get(id);
    if (!row) throw notFound('Seller', id, field);
    return toSeller(row);
  }

  /** Like `get`, but refuses a seller in the trash: nothing new is added to a deleted participant. */
  /**
   * Checks that participant `id` exists (and, with `active`, is not in the trash) without
   * reading it: products call this on every save and list, and `get` counts products.
   */
  assertExists(id: number, field = 'id', active = false): void {
    const row = cached<[number], { deleted_at: string | null }>(
      this.db,
      'SELECT deleted_at FROM sellers WHERE id = ?',
    ).get(id);
    if (!row) throw notFound('Seller', id, field);
    if (active && row.deleted_at) {
      throw new CoreError({ code: 'in_trash', message: `Seller ${id} is in the trash`, field, params: { id } });
    }
  }

  getActive(id: number, field = 'id'): Seller {
    const seller = this.get(id, field);
    if (seller.deletedAt) {
      throw new CoreError({ code: 'in_trash', message: `Seller ${id} is in the trash`, field, params: { id } });
    }
    return seller;
  }

  create(input: SellerCreateInput): Seller {
    const at = this.now();
    const info = cached(
      this.db,
      `INSERT INTO sellers (name, business_name, phone, district, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.name, input.businessName ?? '', input.phone ?? '', input.district ?? '', input.notes ?? '', at, at);
    return this.get(Number(info.lastInsertRowid));
  }

  update({ id, changes }: SellerUpdateInput): Seller {
    const current = this.getActive(id);
    cached(
      this.db,
      `UPDATE sellers SET name = ?, business_name = ?, phone = ?, district = ?, notes = ?, updated_at = ?
         WHERE id = ?`,
    ).run(
      changes.name ?? current.name,
      changes.businessName ?? current.businessName,
      changes.phone ?? current.phone,
      changes.district ?? current.district,
      changes.notes ?? current.notes,
      this.now(),
      id,
    );
    return this.get(id);
  }

  /** Moves to the trash; the participant's products stay with them and come back on restore. */
  delete(id: number): Seller {
    this.getActive(id);
    const at = this.now();
    cached(this.db, 'UPDATE sellers SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
    return this.get(id);
  }

  /** Brings a participant back; one who is not in the trash is left exactly as is. */
  restore(id: number): Seller {
    const seller = this.get(id);
    if (!seller.deletedAt) return seller;
    cached(this.db, 'UPDATE sellers SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(this.now(), id);
    return this.get(id);
  }

  /** Hands out the next generated-SKU number; only ever counts up. */
  takeSkuNumber(sellerId: number): number {
    const row = cached<[number], { n: number }>(
      this.db,
      'UPDATE sellers SET next_sku_number = next_sku_number + 1 WHERE id = ? RETURNING next_sku_number - 1 AS n',
    ).get(sellerId);
    if (!row) throw notFound('Seller', sellerId, 'sellerId');
    return row.n;
  }
}
