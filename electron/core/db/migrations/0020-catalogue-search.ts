/**
 * Finding products in a catalogue of tens of thousands: full-text search and the indexes
 * behind filtered, sorted list pages.
 *
 * `product_search` is an FTS5 table, one row per live product (rowid = products.id), holding
 * the name, the description and the product's live SellerSkus with their variant names.
 * It keeps its own copy of the text rather than pointing at `products` (external content),
 * because one of its columns is gathered from many `skus` rows. Triggers keep it in step
 * with every write, whoever makes it (app, CLI, a later import), so the code never has to
 * remember to: a product in the trash has no row, a trashed SKU's code leaves the row.
 *
 * `unicode61 remove_diacritics 2` folds case and accents ("Kopí" is found by "kopi");
 * `prefix='2 3'` keeps the short prefixes typed while searching ("kr", "kri") cheap.
 *
 * `products.min_price` is the lowest price among the product's live SKUs, kept by triggers
 * too: sorting a page by price then walks an index instead of aggregating every SKU of the
 * seller (or the whole catalogue) for each page.
 */

/** The searchable text of product `id` (none when it is in the trash), written afresh. */
const reindex = (id: string) => /* sql */ `
  DELETE FROM product_search WHERE rowid = ${id};
  INSERT INTO product_search (rowid, name, description, skus)
    SELECT p.id, p.name, p.description,
           COALESCE((SELECT group_concat(s.seller_sku || ' ' || s.variant_name, ' ')
                     FROM skus s WHERE s.product_id = p.id AND s.deleted_at IS NULL), '')
    FROM products p WHERE p.id = ${id} AND p.deleted_at IS NULL;`;

/** Product `id`'s lowest live SKU price (0 when it has none). */
const refreshMinPrice = (id: string) => /* sql */ `
  UPDATE products
  SET min_price = COALESCE((SELECT MIN(price) FROM skus WHERE product_id = ${id} AND deleted_at IS NULL), 0)
  WHERE id = ${id};`;

export const sql = /* sql */ `
CREATE VIRTUAL TABLE product_search USING fts5 (
  name, description, skus,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

ALTER TABLE products ADD COLUMN min_price INTEGER NOT NULL DEFAULT 0;

-- Backfill before the triggers exist, so each row is written once.
INSERT INTO product_search (rowid, name, description, skus)
  SELECT p.id, p.name, p.description,
         COALESCE((SELECT group_concat(s.seller_sku || ' ' || s.variant_name, ' ')
                   FROM skus s WHERE s.product_id = p.id AND s.deleted_at IS NULL), '')
  FROM products p WHERE p.deleted_at IS NULL;
UPDATE products
SET min_price = COALESCE((SELECT MIN(price) FROM skus s WHERE s.product_id = products.id AND s.deleted_at IS NULL), 0);

-- Products: only changes to indexed text or to the trash state touch the index (a price or
-- status change does not).
CREATE TRIGGER products_search_insert AFTER INSERT ON products WHEN new.deleted_at IS NULL BEGIN
  ${reindex('new.id')}
END;
CREATE TRIGGER products_search_update AFTER UPDATE OF name, description, deleted_at ON products
WHEN old.name IS NOT new.name OR old.description IS NOT new.description
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
BEGIN
  ${reindex('new.id')}
END;
CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
  DELETE FROM product_search WHERE rowid = old.id;
END;

-- SKUs: saving a product rewrites every SKU row, so the WHEN clauses skip the no-op ones.
CREATE TRIGGER skus_search_insert AFTER INSERT ON skus WHEN new.deleted_at IS NULL BEGIN
  ${reindex('new.product_id')}
END;
CREATE TRIGGER skus_search_update AFTER UPDATE OF seller_sku, variant_name, deleted_at, product_id ON skus
WHEN old.seller_sku IS NOT new.seller_sku OR old.variant_name IS NOT new.variant_name
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) OR old.product_id <> new.product_id
BEGIN
  ${reindex('old.product_id')}
  ${reindex('new.product_id')}
END;
CREATE TRIGGER skus_search_delete AFTER DELETE ON skus WHEN old.deleted_at IS NULL BEGIN
  ${reindex('old.product_id')}
END;

CREATE TRIGGER skus_min_price_insert AFTER INSERT ON skus WHEN new.deleted_at IS NULL BEGIN
  ${refreshMinPrice('new.product_id')}
END;
CREATE TRIGGER skus_min_price_update AFTER UPDATE OF price, deleted_at, product_id ON skus
WHEN old.price IS NOT new.price OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
  OR old.product_id <> new.product_id
BEGIN
  ${refreshMinPrice('old.product_id')}
  ${refreshMinPrice('new.product_id')}
END;
CREATE TRIGGER skus_min_price_delete AFTER DELETE ON skus WHEN old.deleted_at IS NULL BEGIN
  ${refreshMinPrice('old.product_id')}
END;

-- List pages of one seller's live products, each sort walking its own index in order (ties
-- by id come free: every index ends with the rowid). Sorting by "updated" already has
-- products_by_seller (seller_id, deleted_at, updated_at).
CREATE INDEX products_live_by_seller_name ON products (seller_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX products_live_by_seller_price ON products (seller_id, min_price) WHERE deleted_at IS NULL;
`;
