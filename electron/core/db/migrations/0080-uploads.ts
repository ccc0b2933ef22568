/**
 * Marketplace connections and the upload outbox.
 *
 * A connection is one participant's shop on one marketplace (the real Lazada or the
 * practice marketplace). Its tokens are not here: they live in the secret store (encrypted
 * by the app, a 0600 file for the CLI), keyed by the connection id.
 *
 * `uploads` is the outbox: one row per product and shop, written in the same transaction
 * that asks for the upload. `state` is the listing's recovery point, so a crash or a power
 * cut resumes where it stopped:
 *
 *   queued -> images -> creating | updating -> in_qc -> live | rejected
 *
 * plus `blocked` (the marketplace refused the content; fix the product, then upload again)
 * and `skipped` (taken out of the queue by the user). `create_sent` counts creates that may
 * have reached the marketplace: once it is above zero, the outcome of a create is unknown
 * until the listing is looked up by SellerSku, and no create is sent before that lookup.
 * `item_id` is kept for good once known, so a later upload of the product is an update.
 *
 * `remote_images` caches each photo's marketplace URL by the sha256 of the bytes sent, per
 * shop: a resumed or repeated upload never sends the same photo twice.
 */
export const sql = /* sql */ `
CREATE TABLE marketplace_connections (
  id INTEGER PRIMARY KEY,
  seller_id INTEGER NOT NULL REFERENCES sellers (id),
  marketplace TEXT NOT NULL CHECK (marketplace IN ('lazada', 'practice')),
  api_url TEXT NOT NULL,
  auth_url TEXT NOT NULL,
  app_key TEXT NOT NULL,
  -- The shop as the marketplace names it (country_user_info), when known.
  account_id TEXT,
  short_code TEXT,
  access_expires_at TEXT,
  refresh_expires_at TEXT,
  state TEXT NOT NULL DEFAULT 'connected' CHECK (state IN ('connected', 'needs_reconnect')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX connection_per_seller ON marketplace_connections (seller_id, marketplace);

CREATE TABLE remote_images (
  connection_id INTEGER NOT NULL REFERENCES marketplace_connections (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  url TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  created_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, sha256)
) STRICT, WITHOUT ROWID;

CREATE TABLE uploads (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id),
  connection_id INTEGER NOT NULL REFERENCES marketplace_connections (id) ON DELETE CASCADE,
  seller_id INTEGER NOT NULL REFERENCES sellers (id),
  state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'images', 'creating', 'updating', 'in_qc', 'live', 'rejected', 'blocked', 'skipped')),
  item_id TEXT,
  -- JSON object: SellerSku -> the marketplace's sku id.
  sku_ids TEXT NOT NULL DEFAULT '{}',
  create_sent INTEGER NOT NULL DEFAULT 0 CHECK (create_sent >= 0),
  -- The product's updated_at when its content last reached the marketplace: asking to
  -- upload an unchanged listing again sends nothing.
  sent_version TEXT,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  -- JSON: why the last attempt failed ({ kind, code, field, message }); null once it worked.
  error TEXT,
  reject_reason TEXT,
  images_total INTEGER NOT NULL DEFAULT 0,
  images_done INTEGER NOT NULL DEFAULT 0,
  bytes_total INTEGER NOT NULL DEFAULT 0,
  bytes_sent INTEGER NOT NULL DEFAULT 0,
  queued_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE UNIQUE INDEX upload_per_product ON uploads (product_id, connection_id);
CREATE INDEX uploads_by_seller ON uploads (seller_id, state);
-- The work left to send, oldest first.
CREATE INDEX uploads_to_send ON uploads (connection_id, id)
  WHERE state IN ('queued', 'images', 'creating', 'updating');
CREATE INDEX uploads_in_qc ON uploads (connection_id, id) WHERE state = 'in_qc';
`;
