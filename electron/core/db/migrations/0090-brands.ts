/**
 * Each marketplace's brand list, as `/category/brands/query` gives it (Lazada's ids differ
 * per country, and the practice marketplace has its own small list). A product keeps its
 * brand as a name (what the seller typed or picked); the upload looks the name up here to
 * send Lazada the `brand_id` it requires.
 *
 * `brand_lists` says that a list was fetched, when, and how long it is: a marketplace
 * without a row here has never had its brands downloaded on this laptop (offline from day
 * one), which the upload treats differently from "this brand is not in the list".
 *
 * `key` is the name folded for comparison (lower case, no accents, no spaces or
 * punctuation: "no brand", "No  Brand" and "NoBrand" are the same), so both the lookup of a
 * product's brand and the "names starting with..." search of the brand picker are one
 * range of `brands_by_key`. Names are not unique: Lazada lists a few brands twice under
 * different ids, so the key is indexed, not a key of the table.
 */
export const sql = /* sql */ `
CREATE TABLE brand_lists (
  marketplace TEXT PRIMARY KEY CHECK (length(marketplace) BETWEEN 1 AND 50),
  fetched_at TEXT NOT NULL,
  brand_count INTEGER NOT NULL CHECK (brand_count >= 0)
) STRICT;

CREATE TABLE brands (
  marketplace TEXT NOT NULL REFERENCES brand_lists (marketplace),
  brand_id INTEGER NOT NULL CHECK (brand_id > 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  key TEXT NOT NULL CHECK (length(key) >= 1),
  PRIMARY KEY (marketplace, brand_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX brands_by_key ON brands (marketplace, key, brand_id);
`;
