/**
 * The marketplace category tree (Lazada's, for now), installed from the snapshot bundled
 * with the app or from a fetch, and replaced whole when a newer one arrives (see
 * core/categories/install.ts). Every table is keyed by `tree` (the marketplace) so a
 * second marketplace's ids can never collide with Lazada's.
 *
 * Products point at a category by id without a foreign key (products.category_id): a new
 * tree may drop a category, and the product must survive that and simply ask for a
 * category again. Recently used categories are kept across trees for the same reason.
 *
 * Search is two indexes, both plain B-trees over normalised text (lower case, no accents):
 * - `categories_leaf_names_*`: leaves by name; "names starting with what was typed" is one
 *   range, already in display order;
 * - `category_terms`: one row per (word, leaf) with how the word relates to the leaf (0 its
 *   name, 1 a keyword, 2 a category above it). Typing "kri" is the range
 *   'kri' <= term < 'krj' of its primary key; a suggestion looks whole words up the same way;
 *   `category_terms_by_leaf` checks the other words of a query for the leaves the rarest
 *   one found.
 * So the cost follows the matches, not the tree: the same on Lazada's full tree (~10,000
 * categories) as on the bundled subset. FTS5 would do the prefix part too, but it cannot
 * say which column a word matched in, which the ranking (name, keyword, path) needs.
 */
export const sql = /* sql */ `
CREATE TABLE category_trees (
  marketplace TEXT PRIMARY KEY,
  version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 50),
  source TEXT NOT NULL CHECK (source IN ('bundled', 'fetched')),
  country TEXT NOT NULL,
  fetched_at TEXT,
  category_count INTEGER NOT NULL CHECK (category_count >= 0),
  leaf_count INTEGER NOT NULL CHECK (leaf_count >= 0)
) STRICT;

CREATE TABLE categories (
  tree TEXT NOT NULL REFERENCES category_trees (marketplace),
  id INTEGER NOT NULL,
  parent_id INTEGER,
  position INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  leaf INTEGER NOT NULL CHECK (leaf IN (0, 1)),
  variations INTEGER NOT NULL CHECK (variations IN (0, 1)),
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  -- The names normalised as search compares them (an exact or prefix match ranks first).
  key_id TEXT NOT NULL,
  key_en TEXT NOT NULL,
  -- JSON arrays from the top of the tree down to this category, for breadcrumbs.
  path_ids TEXT NOT NULL CHECK (json_valid(path_ids)),
  path_id TEXT NOT NULL CHECK (json_valid(path_id)),
  path_en TEXT NOT NULL CHECK (json_valid(path_en)),
  keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
  -- 0 when the tree came without this leaf's attributes (a fetch may load them later).
  attributes_known INTEGER NOT NULL CHECK (attributes_known IN (0, 1)),
  PRIMARY KEY (tree, id)
) STRICT, WITHOUT ROWID;

CREATE INDEX categories_by_parent ON categories (tree, parent_id, position);
-- Leaves by name, per language: "names starting with what was typed", already in order.
CREATE INDEX categories_leaf_names_id ON categories (tree, key_id) WHERE leaf = 1;
CREATE INDEX categories_leaf_names_en ON categories (tree, key_en) WHERE leaf = 1;

CREATE TABLE category_attributes (
  tree TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  label_id TEXT NOT NULL,
  label_en TEXT NOT NULL,
  input_type TEXT NOT NULL,
  attribute_type TEXT NOT NULL,
  is_mandatory INTEGER NOT NULL CHECK (is_mandatory IN (0, 1)),
  is_sale_prop INTEGER NOT NULL CHECK (is_sale_prop IN (0, 1)),
  -- [{"name": "Hitam", "name_en": "Black"}, ...]: name is the value sent to the marketplace.
  options TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)),
  PRIMARY KEY (tree, category_id, name),
  FOREIGN KEY (tree, category_id) REFERENCES categories (tree, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE category_terms (
  tree TEXT NOT NULL,
  term TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
  PRIMARY KEY (tree, term, category_id)
) STRICT, WITHOUT ROWID;

-- The same words by leaf: once the rarest word of a query has found its leaves, the other
-- words are checked for those leaves only.
CREATE INDEX category_terms_by_leaf ON category_terms (tree, category_id, term, kind);

CREATE TABLE category_recent (
  tree TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  used_at TEXT NOT NULL,
  PRIMARY KEY (tree, category_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX category_recent_by_time ON category_recent (tree, used_at);
`;
