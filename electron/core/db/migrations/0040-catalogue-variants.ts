/**
 * Marketplace fields: variations along up to two sale properties (e.g. Warna x Ukuran),
 * special prices with dates, short highlights, condition, category attributes, and a
 * readiness-problem mask kept by the core on every write so "what still needs fixing" is a
 * filter, not a scan of every product's rules.
 *
 * `skus.variant_name` stays as the options joined for display and search ("Merah / XL"),
 * written by the core alongside option1/option2, so the search triggers of 0020 keep working.
 * Products that already had several SKUs get a variation named "Varian" with each SKU's old
 * variant name (or, when it had none, its SellerSku) as the option, so every multi-SKU
 * product follows the new rule "several SKUs need a named variation".
 */
export const sql = /* sql */ `
ALTER TABLE products ADD COLUMN highlights TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(highlights));
ALTER TABLE products ADD COLUMN item_condition TEXT NOT NULL DEFAULT 'new'
  CHECK (item_condition IN ('new', 'used'));
ALTER TABLE products ADD COLUMN variation1 TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN variation2 TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes));
ALTER TABLE products ADD COLUMN problems INTEGER NOT NULL DEFAULT 0;

ALTER TABLE skus ADD COLUMN option1 TEXT NOT NULL DEFAULT '';
ALTER TABLE skus ADD COLUMN option2 TEXT NOT NULL DEFAULT '';
ALTER TABLE skus ADD COLUMN special_price INTEGER CHECK (special_price > 0);
ALTER TABLE skus ADD COLUMN special_from TEXT;
ALTER TABLE skus ADD COLUMN special_to TEXT;

UPDATE skus SET option1 = CASE WHEN variant_name <> '' THEN variant_name ELSE seller_sku END
WHERE product_id IN (
  SELECT product_id FROM skus WHERE deleted_at IS NULL GROUP BY product_id HAVING COUNT(*) > 1
);
UPDATE skus SET option1 = variant_name WHERE option1 = '' AND variant_name <> '';
-- Options compare without case, so "Pedas" and "pedas" on one product would stop it from
-- being saved: later ones get their SellerSku added.
UPDATE skus SET option1 = option1 || ' (' || seller_sku || ')'
WHERE id IN (
  SELECT id FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY product_id, upper(option1) ORDER BY position, id) AS n
    FROM skus WHERE option1 <> ''
  ) WHERE n > 1
);
-- The display name follows the options (the search index picks it up through its trigger).
UPDATE skus SET variant_name = option1 WHERE variant_name <> option1;
UPDATE products SET variation1 = 'Varian'
WHERE id IN (SELECT product_id FROM skus WHERE option1 <> '' AND deleted_at IS NULL);

-- Filtering by readiness over the whole catalogue walks this small partial index.
-- Counting the products with (or without) a readiness problem reads this index alone.
CREATE INDEX products_live_by_problems ON products (problems, seller_id) WHERE deleted_at IS NULL;

-- Bulk edits and what each product was before, so a bulk change can be undone (also after
-- a restart). \`after_updated_at\` tells whether the product was edited again since.
CREATE TABLE bulk_edits (
  id INTEGER PRIMARY KEY,
  change TEXT NOT NULL CHECK (json_valid(change)),
  created_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE TABLE bulk_edit_items (
  edit_id INTEGER NOT NULL REFERENCES bulk_edits (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  before TEXT NOT NULL CHECK (json_valid(before)),
  after_updated_at TEXT NOT NULL,
  PRIMARY KEY (edit_id, product_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX products_live_with_problems ON products (problems, updated_at)
  WHERE deleted_at IS NULL AND problems <> 0;
`;
