/**
 * Catalogue v1: participants (sellers), products and their SKUs, plus app settings.
 * Rows are never hard-deleted by the app: `deleted_at` marks the trash, so everything
 * can be restored and a SellerSku, once used, is never handed out again.
 */
export const sql = /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sellers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  business_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  next_sku_number INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX sellers_by_name ON sellers (name COLLATE NOCASE);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  seller_id INTEGER NOT NULL REFERENCES sellers (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  description TEXT NOT NULL DEFAULT '',
  category_id INTEGER,
  brand TEXT NOT NULL DEFAULT 'No Brand',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX products_by_seller ON products (seller_id, deleted_at, updated_at);

CREATE TABLE skus (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  seller_id INTEGER NOT NULL REFERENCES sellers (id),
  seller_sku TEXT NOT NULL CHECK (length(seller_sku) BETWEEN 1 AND 50),
  variant_name TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  price INTEGER NOT NULL CHECK (price > 0),
  stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  weight_g INTEGER CHECK (weight_g > 0),
  length_cm REAL CHECK (length_cm > 0),
  width_cm REAL CHECK (width_cm > 0),
  height_cm REAL CHECK (height_cm > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

-- One SellerSku per seller, forever (deleted rows keep theirs), compared without case
-- because sellers type "kr-01" and "KR-01" for the same thing.
CREATE UNIQUE INDEX skus_unique_seller_sku ON skus (seller_id, seller_sku COLLATE NOCASE);
CREATE INDEX skus_by_product ON skus (product_id, deleted_at, position);
`;
