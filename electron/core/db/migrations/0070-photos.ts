/**
 * The photo studio. Originals are stored once per content (sha256) under
 * photos/originals/ and never modified; a `photos` row puts one of them on a product (or,
 * unmatched, waiting on the participant's review screen) with the seller's edit recipe.
 * The optimised marketplace image and its thumbnail are files named by `rendered` (a hash
 * of original, recipe and preset), made again from the original whenever the recipe
 * changes. `state` is the processing queue itself: 'pending' rows are rendered, by the app
 * after a restart too.
 */
export const sql = /* sql */ `
CREATE TABLE photo_originals (
  hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  format TEXT NOT NULL,
  -- As the seller sees it (after EXIF orientation).
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  seller_id INTEGER NOT NULL REFERENCES sellers (id),
  product_id INTEGER REFERENCES products (id),
  original TEXT NOT NULL REFERENCES photo_originals (hash),
  file_name TEXT NOT NULL,
  -- Order on the product; the lowest is the main photo.
  position INTEGER NOT NULL DEFAULT 0,
  recipe TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ready', 'failed')),
  rendered TEXT,
  width INTEGER,
  height INTEGER,
  bytes INTEGER,
  quality INTEGER,
  -- JSON: what the QC measures found, and the issue codes.
  qc TEXT,
  -- Why rendering failed (a reason code), when state = 'failed'.
  failure TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

-- The same picture twice on one product (or twice waiting for review) is one photo.
CREATE UNIQUE INDEX photos_once_per_product ON photos (product_id, original)
  WHERE deleted_at IS NULL AND product_id IS NOT NULL;
CREATE UNIQUE INDEX photos_once_unmatched ON photos (seller_id, original)
  WHERE deleted_at IS NULL AND product_id IS NULL;
CREATE INDEX photos_of_product ON photos (product_id, position) WHERE deleted_at IS NULL;
CREATE INDEX photos_of_seller ON photos (seller_id, product_id) WHERE deleted_at IS NULL;
-- The queue: the next photos to render.
CREATE INDEX photos_pending ON photos (id) WHERE deleted_at IS NULL AND state = 'pending';
`;
