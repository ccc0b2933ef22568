import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { CoreError, notFound } from '../errors';
import type { SellerStore } from '../catalogue/sellers';
import type { PhotoInfo } from './inspect';
import { slug, type MatchTargets } from './match-names';

/** A photos row as stored; `recipe` and `qc` are JSON text, checked where they are read. */
export interface PhotoRow {
  readonly id: number;
  readonly seller_id: number;
  readonly product_id: number | null;
  readonly original: string;
  readonly file_name: string;
  readonly position: number;
  readonly recipe: string;
  readonly state: 'pending' | 'ready' | 'failed';
  readonly rendered: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly bytes: number | null;
  readonly quality: number | null;
  readonly qc: string | null;
  readonly failure: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
  /** From photo_originals. */
  readonly original_width: number;
  readonly original_height: number;
  readonly original_bytes: number;
  readonly original_format: string;
}

const SELECT = `
  SELECT ph.*, o.width AS original_width, o.height AS original_height, o.bytes AS original_bytes,
         o.format AS original_format
  FROM photos ph JOIN photo_originals o ON o.hash = ph.original`;

export interface NewPhoto {
  readonly sellerId: number;
  readonly productId: number | null;
  readonly hash: string;
  readonly fileName: string;
  readonly info: PhotoInfo;
}

/** What rendering produced, as stored on the row. */
export interface RenderedPhoto {
  readonly rendered: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly quality: number;
  readonly qc: unknown;
}

/**
 * The photos rows: which original sits on which product, in what order, with what recipe,
 * and how far rendering is. Every method runs inside the caller's transaction.
 */
export class PhotoLibrary {
  constructor(
    private readonly db: Db,
    private readonly sellers: SellerStore,
    private readonly now: () => string,
  ) {}

  /** The participant's SKU codes and product names, for matching file names. */
  matchTargets(sellerId: number): MatchTargets {
    this.sellers.assertExists(sellerId, 'sellerId', true);
    const skus = new Map<string, number>();
    for (const row of cached<[number], { seller_sku: string; product_id: number }>(
      this.db,
      `SELECT s.seller_sku, s.product_id FROM skus s JOIN products p ON p.id = s.product_id
       WHERE s.seller_id = ? AND s.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY s.id`,
    ).iterate(sellerId)) {
      const key = row.seller_sku.toUpperCase();
      if (!skus.has(key)) skus.set(key, row.product_id);
    }
    const names = new Map<string, number>();
    const shared = new Set<string>();
    for (const row of cached<[number], { id: number; name: string }>(
      this.db,
      'SELECT id, name FROM products WHERE seller_id = ? AND deleted_at IS NULL ORDER BY id',
    ).iterate(sellerId)) {
      const key = slug(row.name);
      if (key === '') continue;
      // Two products with the same name: a file named after it could be either.
      if (names.has(key)) shared.add(key);
      names.set(key, row.id);
    }
    for (const key of shared) names.delete(key);
    return { skus, names };
  }

  /** Puts a stored original on a product (or on the review list); the same picture twice is one photo. */
  add(photo: NewPhoto): { id: number } | 'duplicate' {
    const now = this.now();
    cached(
      this.db,
      `INSERT INTO photo_originals (hash, bytes, format, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash) DO NOTHING`,
    ).run(photo.hash, photo.info.bytes, photo.info.format, photo.info.width, photo.info.height, now);
    if (this.liveCopy(photo.hash, photo.productId, photo.sellerId) !== undefined) return 'duplicate';
    const id = Number(
      cached(
        this.db,
        `INSERT INTO photos (seller_id, product_id, original, file_name, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(photo.sellerId, photo.productId, photo.hash, photo.fileName, this.nextPosition(photo.productId), now, now)
        .lastInsertRowid,
    );
    return { id };
  }

  get(id: number): PhotoRow {
    const row = cached<[number], PhotoRow>(this.db, `${SELECT} WHERE ph.id = ?`).get(id);
    if (!row) throw notFound('Photo', id);
    return row;
  }

  /** A live photo, or `not_found` (a photo in the trash cannot be edited). */
  live(id: number): PhotoRow {
    const row = this.get(id);
    if (row.deleted_at) throw new CoreError({ code: 'in_trash', message: `Photo ${id} is in the trash`, field: 'id' });
    return row;
  }

  /** A product's photos, main photo first. */
  forProduct(productId: number): PhotoRow[] {
    return cached<[number], PhotoRow>(
      this.db,
      `${SELECT} WHERE ph.product_id = ? AND ph.deleted_at IS NULL ORDER BY ph.position, ph.id`,
    ).all(productId);
  }

  /** Photos of a participant that no file name matched, oldest first. */
  unmatched(sellerId: number): PhotoRow[] {
    return cached<[number], PhotoRow>(
      this.db,
      `${SELECT} WHERE ph.seller_id = ? AND ph.product_id IS NULL AND ph.deleted_at IS NULL ORDER BY ph.id`,
    ).all(sellerId);
  }

  /** Moves a photo to a product (last in its order) or back to the review list. */
  assign(id: number, productId: number | null): PhotoRow {
    const photo = this.live(id);
    if (photo.product_id === productId) return photo;
    if (productId !== null) this.assertProductOf(productId, photo.seller_id);
    const clash = this.liveCopy(photo.original, productId, photo.seller_id);
    // The same picture is already there: this copy is redundant, so it goes.
    if (clash !== undefined) {
      this.remove(id);
      return this.get(clash);
    }
    cached(this.db, 'UPDATE photos SET product_id = ?, position = ?, updated_at = ? WHERE id = ?').run(
      productId,
      this.nextPosition(productId),
      this.now(),
      id,
    );
    return this.get(id);
  }

  /** Sets the product's photo order; `ids` must be exactly its live photos. The first is the main photo. */
  reorder(productId: number, ids: readonly number[]): PhotoRow[] {
    const current = this.forProduct(productId).map((photo) => photo.id);
    const same =
      current.length === ids.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
    if (!same) {
      throw new CoreError({
        code: 'invalid_input',
        message: `The order must list each of product ${productId}'s photos once`,
        field: 'photoIds',
        reason: 'invalid',
      });
    }
    const update = cached(this.db, 'UPDATE photos SET position = ?, updated_at = ? WHERE id = ?');
    const now = this.now();
    ids.forEach((id, position) => update.run(position, now, id));
    return this.forProduct(productId);
  }

  /** A new recipe: the photo is rendered again from its original. */
  setRecipe(id: number, recipe: unknown): PhotoRow {
    this.live(id);
    cached(this.db, "UPDATE photos SET recipe = ?, state = 'pending', failure = NULL, updated_at = ? WHERE id = ?").run(
      JSON.stringify(recipe),
      this.now(),
      id,
    );
    return this.get(id);
  }

  remove(id: number): PhotoRow {
    this.live(id);
    cached(this.db, 'UPDATE photos SET deleted_at = ?, updated_at = ? WHERE id = ?').run(this.now(), this.now(), id);
    return this.get(id);
  }

  restore(id: number): PhotoRow {
    const photo = this.get(id);
    if (!photo.deleted_at) return photo;
    const clash = this.liveCopy(photo.original, photo.product_id, photo.seller_id);
    // Its place was taken by the same picture meanwhile: restoring would show it twice.
    if (clash !== undefined) return this.get(clash);
    cached(this.db, 'UPDATE photos SET deleted_at = NULL, position = ?, updated_at = ? WHERE id = ?').run(
      this.nextPosition(photo.product_id),
      this.now(),
      id,
    );
    return this.get(id);
  }

  // ---------- the rendering queue ----------

  /** Up to `limit` photos waiting to be rendered (of one participant, or any), oldest first. */
  pending(limit: number, sellerId?: number): PhotoRow[] {
    return cached<{ sellerId: number | null; limit: number }, PhotoRow>(
      this.db,
      `${SELECT} WHERE ph.state = 'pending' AND ph.deleted_at IS NULL AND (@sellerId IS NULL OR ph.seller_id = @sellerId)
       ORDER BY ph.id LIMIT @limit`,
    ).all({ sellerId: sellerId ?? null, limit });
  }

  /**
   * Records a render, unless the photo's recipe changed meanwhile: then its row keeps
   * waiting for the newer render, and this one is dropped. (A photo deleted meanwhile keeps
   * the render, which a restore then shows at once.)
   */
  finishRender(id: number, recipe: string, result: RenderedPhoto): boolean {
    const changes = cached(
      this.db,
      `UPDATE photos SET state = 'ready', rendered = ?, width = ?, height = ?, bytes = ?, quality = ?, qc = ?,
         failure = NULL, updated_at = ?
       WHERE id = ? AND recipe = ? AND state = 'pending'`,
    ).run(
      result.rendered,
      result.width,
      result.height,
      result.bytes,
      result.quality,
      JSON.stringify(result.qc),
      this.now(),
      id,
      recipe,
    ).changes;
    return changes > 0;
  }

  failRender(id: number, recipe: string, failure: { reason: string; params: object }): boolean {
    return (
      cached(
        this.db,
        `UPDATE photos SET state = 'failed', failure = ?, updated_at = ? WHERE id = ? AND recipe = ? AND state = 'pending'`,
      ).run(JSON.stringify(failure), this.now(), id, recipe).changes > 0
    );
  }

  /** How many photos wait to be rendered (through the queue's own index). */
  pendingCount(sellerId?: number): number {
    return (
      cachedPluck<{ sellerId: number | null }, number>(
        this.db,
        `SELECT COUNT(*) FROM photos WHERE deleted_at IS NULL AND state = 'pending'
           AND (@sellerId IS NULL OR seller_id = @sellerId)`,
      ).get({ sellerId: sellerId ?? null }) ?? 0
    );
  }

  /** How many photos are waiting, done and failed (of one participant, or all). */
  counts(sellerId?: number): { pending: number; ready: number; failed: number } {
    const rows = cached<{ sellerId: number | null }, { state: PhotoRow['state']; n: number }>(
      this.db,
      `SELECT state, COUNT(*) AS n FROM photos WHERE deleted_at IS NULL AND (@sellerId IS NULL OR seller_id = @sellerId)
       GROUP BY state`,
    ).all({ sellerId: sellerId ?? null });
    const counts = { pending: 0, ready: 0, failed: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  /** The live photo of `original` on that product (or on the participant's review list). */
  private liveCopy(original: string, productId: number | null, sellerId: number): number | undefined {
    return cachedPluck<{ original: string; productId: number | null; sellerId: number }, number>(
      this.db,
      `SELECT id FROM photos WHERE deleted_at IS NULL AND original = @original AND
         ((@productId IS NOT NULL AND product_id = @productId)
          OR (@productId IS NULL AND product_id IS NULL AND seller_id = @sellerId))`,
    ).get({ original, productId, sellerId });
  }

  private nextPosition(productId: number | null): number {
    if (productId === null) return 0;
    return (
      cachedPluck<[number], number | null>(
        this.db,
        'SELECT MAX(position) + 1 FROM photos WHERE product_id = ? AND deleted_at IS NULL',
      ).get(productId) ?? 0
    );
  }

  isLiveProductOf(productId: number, sellerId: number): boolean {
    const row = cached<[number], { seller_id: number; deleted_at: string | null }>(
      this.db,
      'SELECT seller_id, deleted_at FROM products WHERE id = ?',
    ).get(productId);
    return row !== undefined && row.deleted_at === null && row.seller_id === sellerId;
  }

  /** Refuses a product that is gone, in the trash, or another participant's (field `productId`). */
  assertProductOf(productId: number, sellerId: number): void {
    const row = cached<[number], { seller_id: number; deleted_at: string | null }>(
      this.db,
      'SELECT seller_id, deleted_at FROM products WHERE id = ?',
    ).get(productId);
    if (!row) throw notFound('Product', productId, 'productId');
    if (row.deleted_at) {
      throw new CoreError({ code: 'in_trash', message: `Product ${productId} is in the trash`, field: 'productId' });
    }
    // A photo belongs to its participant's catalogue: never to another participant's product.
    if (row.seller_id !== sellerId) {
      throw new CoreError({
        code: 'invalid_input',
        message: `Product ${productId} belongs to another participant`,
        field: 'productId',
        reason: 'invalid',
      });
    }
  }
}
