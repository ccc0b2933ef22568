import Database from 'better-sqlite3';

/**
 * The practice marketplace's own state, in its own SQLite file (never Akar's catalogue):
 * shops, OAuth codes and tokens, hosted images as BLOBs, items and SKUs, and the request
 * ledger the tests read. `:memory:` for tests; a file in the app's data dir for "Mode
 * latihan", so a participant's practice shop is still there tomorrow.
 *
 * A file is opened in WAL mode with synchronous=NORMAL, unlike Akar's own database: a
 * commit survives the process being killed (what the practice shop must survive), and
 * only a power cut could lose the last few, which for a practice shop costs nothing. In
 * exchange it answers without an fsync per request, so in tests and benchmarks it is the
 * fast marketplace the client is measured against, not the bottleneck.
 */

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shops (
  seller_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  short_code TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_codes (
  code TEXT PRIMARY KEY,
  seller_id INTEGER NOT NULL REFERENCES shops (seller_id),
  created_at INTEGER NOT NULL,
  used_at INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  seller_id INTEGER NOT NULL REFERENCES shops (seller_id),
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS images (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  bg_luminance REAL NOT NULL,
  bg_chroma REAL NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS images_sha256 ON images (sha256);
CREATE TABLE IF NOT EXISTS items (
  item_id INTEGER PRIMARY KEY AUTOINCREMENT,
  seller_id INTEGER NOT NULL REFERENCES shops (seller_id),
  primary_category INTEGER NOT NULL,
  attributes TEXT NOT NULL,
  images TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  qc_due_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX IF NOT EXISTS items_seller ON items (seller_id);
CREATE TABLE IF NOT EXISTS skus (
  sku_id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id INTEGER NOT NULL REFERENCES items (item_id),
  seller_id INTEGER NOT NULL,
  seller_sku TEXT NOT NULL,
  sku_key TEXT NOT NULL,
  shop_sku TEXT NOT NULL,
  price REAL NOT NULL,
  special_price REAL,
  quantity INTEGER NOT NULL,
  package_length REAL NOT NULL,
  package_width REAL NOT NULL,
  package_height REAL NOT NULL,
  package_weight REAL NOT NULL,
  sale_props TEXT NOT NULL,
  images TEXT NOT NULL,
  UNIQUE (seller_id, sku_key)
);
CREATE INDEX IF NOT EXISTS skus_item ON skus (item_id);
CREATE TABLE IF NOT EXISTS create_log (
  id INTEGER PRIMARY KEY,
  seller_sku TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS request_counts (
  api_path TEXT NOT NULL,
  counter TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (api_path, counter)
) WITHOUT ROWID;
`;

/** Lazada ids are large numbers; starting there keeps the client honest about their size. */
const FIRST_ITEM_ID = 3_000_000_000;
const FIRST_SKU_ID = 5_000_000_000;
export const FIRST_SELLER_ID = 1_000_000_001;

export function openPracticeDb(file: string): Db {
  const db = new Database(file);
  try {
    if (file !== ':memory:' && file !== '') {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    const seed = db.prepare(
      `INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)`,
    );
    db.transaction(() => {
      seed.run('items', FIRST_ITEM_ID, 'items');
      seed.run('skus', FIRST_SKU_ID, 'skus');
    })();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export interface ShopRow {
  readonly seller_id: number;
  readonly name: string;
  readonly short_code: string;
  readonly created_at: number;
}

export interface ImageRow {
  readonly id: string;
  readonly sha256: string;
  readonly format: 'jpeg' | 'png';
  readonly width: number;
  readonly height: number;
  readonly bg_luminance: number;
  readonly bg_chroma: number;
}

export interface ItemRow {
  readonly item_id: number;
  readonly seller_id: number;
  readonly primary_category: number;
  readonly attributes: string;
  readonly images: string;
  readonly created_at: number;
  readonly updated_at: number;
  readonly qc_due_at: number;
  readonly deleted_at: number | null;
}

export interface SkuRow {
  readonly sku_id: number;
  readonly item_id: number;
  readonly seller_id: number;
  readonly seller_sku: string;
  readonly sku_key: string;
  readonly shop_sku: string;
  readonly price: number;
  readonly special_price: number | null;
  readonly quantity: number;
  readonly package_length: number;
  readonly package_width: number;
  readonly package_height: number;
  readonly package_weight: number;
  readonly sale_props: string;
  readonly images: string;
}

/** How SellerSkus compare: Lazada treats them case-insensitively. */
export function skuKey(sellerSku: string): string {
  return sellerSku.trim().toLowerCase();
}

export function shopNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Thin typed queries; the callers decide the transactions. */
export class PracticeStore {
  constructor(readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  // Shops --------------------------------------------------------------------------------

  shops(): ShopRow[] {
    return this.db
      .prepare('SELECT seller_id, name, short_code, created_at FROM shops ORDER BY seller_id')
      .all() as ShopRow[];
  }

  shop(sellerId: number): ShopRow | undefined {
    return this.db
      .prepare('SELECT seller_id, name, short_code, created_at FROM shops WHERE seller_id = ?')
      .get(sellerId) as ShopRow | undefined;
  }

  shopByName(name: string): ShopRow | undefined {
    return this.db
      .prepare('SELECT seller_id, name, short_code, created_at FROM shops WHERE name_key = ?')
      .get(shopNameKey(name)) as ShopRow | undefined;
  }

  /** The shop with this name (compared without case or extra spaces), made if new. */
  ensureShop(name: string, now: number): ShopRow {
    return this.transaction(() => {
      const existing = this.shopByName(name);
      if (existing) return existing;
      const max = this.db.prepare('SELECT MAX(seller_id) AS m FROM shops').get() as { m: number | null };
      const sellerId = Math.max(FIRST_SELLER_ID, (max.m ?? 0) + 1);
      const shortCode = `IDPRA${(sellerId - FIRST_SELLER_ID + 1).toString(36).toUpperCase().padStart(3, '0')}`;
      const clean = name.trim().replace(/\s+/g, ' ');
      this.db
        .prepare('INSERT INTO shops (seller_id, name, name_key, short_code, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(sellerId, clean, shopNameKey(clean), shortCode, now);
      return { seller_id: sellerId, name: clean, short_code: shortCode, created_at: now };
    });
  }

  // OAuth codes and tokens --------------------------------------------------------------

  addCode(code: string, sellerId: number, now: number): void {
    this.db.prepare('INSERT INTO auth_codes (code, seller_id, created_at) VALUES (?, ?, ?)').run(code, sellerId, now);
  }

  /** Marks a code used and returns its shop, or undefined when unknown, used or too old. */
  consumeCode(code: string, now: number, maxAgeMs: number): number | undefined {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT seller_id, created_at, used_at FROM auth_codes WHERE code = ?').get(code) as
        { seller_id: number; created_at: number; used_at: number | null } | undefined;
      if (!row || row.used_at !== null || now - row.created_at > maxAgeMs || now < row.created_at) return undefined;
      this.db.prepare('UPDATE auth_codes SET used_at = ? WHERE code = ?').run(now, code);
      return row.seller_id;
    });
  }

  addToken(token: string, kind: 'access' | 'refresh', sellerId: number, expiresAt: number): void {
    this.db
      .prepare('INSERT INTO tokens (token, kind, seller_id, expires_at) VALUES (?, ?, ?, ?)')
      .run(token, kind, sellerId, expiresAt);
  }

  /** The shop and expiry of a token of this kind that is still valid at `now`. */
  token(token: string, kind: 'access' | 'refresh', now: number): { sellerId: number; expiresAt: number } | undefined {
    const row = this.db
      .prepare('SELECT seller_id, expires_at FROM tokens WHERE token = ? AND kind = ?')
      .get(token, kind) as { seller_id: number; expires_at: number } | undefined;
    if (!row || row.expires_at <= now) return undefined;
    return { sellerId: row.seller_id, expiresAt: row.expires_at };
  }

  // Images -----------------------------------------------------------------------------

  addImage(row: ImageRow, bytes: Buffer, now: number): void {
    this.db
      .prepare(
        `INSERT INTO images (id, sha256, format, width, height, bytes, bg_luminance, bg_chroma, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.sha256, row.format, row.width, row.height, bytes, row.bg_luminance, row.bg_chroma, now);
  }

  image(id: string): ImageRow | undefined {
    return this.db
      .prepare('SELECT id, sha256, format, width, height, bg_luminance, bg_chroma FROM images WHERE id = ?')
      .get(id) as ImageRow | undefined;
  }

  imageBytes(id: string): { bytes: Buffer; format: 'jpeg' | 'png'; sha256: string } | undefined {
    return this.db.prepare('SELECT bytes, format, sha256 FROM images WHERE id = ?').get(id) as
      { bytes: Buffer; format: 'jpeg' | 'png'; sha256: string } | undefined;
  }

  imageUploadCounts(): Record<string, number> {
    const rows = this.db.prepare('SELECT sha256, COUNT(*) AS n FROM images GROUP BY sha256').all() as {
      sha256: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.sha256, r.n]));
  }

  // Items and SKUs ------------------------------------------------------------------------

  insertItem(item: Omit<ItemRow, 'item_id' | 'deleted_at'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO items (seller_id, primary_category, attributes, images, created_at, updated_at, qc_due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.seller_id,
        item.primary_category,
        item.attributes,
        item.images,
        item.created_at,
        item.updated_at,
        item.qc_due_at,
      );
    return Number(info.lastInsertRowid);
  }

  updateItem(
    itemId: number,
    fields: Pick<ItemRow, 'primary_category' | 'attributes' | 'images' | 'updated_at' | 'qc_due_at'>,
  ): void {
    this.db
      .prepare(
        'UPDATE items SET primary_category = ?, attributes = ?, images = ?, updated_at = ?, qc_due_at = ? WHERE item_id = ?',
      )
      .run(fields.primary_category, fields.attributes, fields.images, fields.updated_at, fields.qc_due_at, itemId);
  }

  markDeleted(itemId: number, now: number): void {
    this.db
      .prepare('UPDATE items SET deleted_at = ?, updated_at = ? WHERE item_id = ? AND deleted_at IS NULL')
      .run(now, now, itemId);
  }

  item(itemId: number): ItemRow | undefined {
    return this.db.prepare('SELECT * FROM items WHERE item_id = ?').get(itemId) as ItemRow | undefined;
  }

  items(sellerId?: number): ItemRow[] {
    return sellerId === undefined
      ? (this.db.prepare('SELECT * FROM items ORDER BY item_id').all() as ItemRow[])
      : (this.db.prepare('SELECT * FROM items WHERE seller_id = ? ORDER BY item_id').all(sellerId) as ItemRow[]);
  }

  itemCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  }

  insertSku(sku: Omit<SkuRow, 'sku_id' | 'shop_sku'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO skus (item_id, seller_id, seller_sku, sku_key, shop_sku, price, special_price, quantity,
           package_length, package_width, package_height, package_weight, sale_props, images)
         VALUES (@item_id, @seller_id, @seller_sku, @sku_key, '', @price, @special_price, @quantity,
           @package_length, @package_width, @package_height, @package_weight, @sale_props, @images)`,
      )
      .run(sku);
    const skuId = Number(info.lastInsertRowid);
    // Lazada's ShopSku reads "<item id>_ID-<sku id>".
    this.db.prepare('UPDATE skus SET shop_sku = ? WHERE sku_id = ?').run(`${sku.item_id}_ID-${skuId}`, skuId);
    return skuId;
  }

  updateSku(
    skuId: number,
    sku: Omit<SkuRow, 'sku_id' | 'shop_sku' | 'item_id' | 'seller_id' | 'seller_sku' | 'sku_key'>,
  ): void {
    this.db
      .prepare(
        `UPDATE skus SET price = @price, special_price = @special_price, quantity = @quantity,
           package_length = @package_length, package_width = @package_width, package_height = @package_height,
           package_weight = @package_weight, sale_props = @sale_props, images = @images
         WHERE sku_id = @sku_id`,
      )
      .run({ ...sku, sku_id: skuId });
  }

  skus(itemId: number): SkuRow[] {
    return this.db.prepare('SELECT * FROM skus WHERE item_id = ? ORDER BY sku_id').all(itemId) as SkuRow[];
  }

  /** The SKU of this shop with this SellerSku (any case), whatever its item's state. */
  skuByKey(sellerId: number, key: string): SkuRow | undefined {
    return this.db.prepare('SELECT * FROM skus WHERE seller_id = ? AND sku_key = ?').get(sellerId, key) as
      SkuRow | undefined;
  }

  logCreate(sellerSku: string, itemId: number, now: number): void {
    this.db.prepare('INSERT INTO create_log (seller_sku, item_id, at) VALUES (?, ?, ?)').run(sellerSku, itemId, now);
  }

  createCounts(): Record<string, number> {
    const rows = this.db.prepare('SELECT seller_sku, COUNT(*) AS n FROM create_log GROUP BY seller_sku').all() as {
      seller_sku: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.seller_sku, r.n]));
  }

  // Request ledger ------------------------------------------------------------------------

  count(apiPath: string, counter: string): void {
    this.db
      .prepare('INSERT INTO request_counts (api_path, counter, n) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1')
      .run(apiPath, counter);
  }

  counts(): { api_path: string; counter: string; n: number }[] {
    return this.db.prepare('SELECT api_path, counter, n FROM request_counts ORDER BY api_path, counter').all() as {
      api_path: string;
      counter: string;
      n: number;
    }[];
  }
}
