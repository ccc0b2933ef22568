import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { BUNDLED_TREE, ensureBundledTree } from '../../../electron/core/categories/bundled';
import { openDatabase, type Db } from '../../../electron/core/db/open';

/**
 * A real, migrated database file in its own temp dir, closed and removed when the test
 * finishes. Opened directly rather than through createCore: the category functions take a
 * Db, as the core's stores do.
 */
export function tempDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-categories-'));
  const db = openDatabase(path.join(dir, 'akar.db'));
  onTestFinished(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/** `tempDb` with the bundled snapshot installed. */
export function bundledDb(): Db {
  const db = tempDb();
  ensureBundledTree(db);
  return db;
}

/**
 * One database with the bundled snapshot for every test of the calling `describe`, for
 * tests that only read (a table of 40 cases need not install the tree 40 times).
 */
export function sharedBundledDb(): () => Db {
  let dir = '';
  let db: Db | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-categories-'));
    db = openDatabase(path.join(dir, 'akar.db'));
    ensureBundledTree(db);
  });
  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('the shared database is opened in beforeAll');
    return db;
  };
}

export interface RawNode {
  category_id: number;
  name: string;
  name_en?: string;
  leaf: boolean;
  var?: boolean;
  keywords?: string[];
  children?: RawNode[];
  [extra: string]: unknown;
}

/** A tree in the install format around Lazada-shaped nodes and per-leaf attribute lists. */
export function lazadaTree(tree: RawNode[], attributes: Record<string, unknown[]> = {}) {
  return { schemaVersion: 1, marketplace: 'lazada', country: 'ID', tree, attributes };
}

/** A copy of the bundled snapshot, typed loosely enough for tests to edit. */
export function bundledCopy(): { snapshotVersion: string; tree: RawNode[]; attributes: Record<string, unknown[]> } {
  return structuredClone(BUNDLED_TREE) as ReturnType<typeof bundledCopy>;
}

/** The bundled snapshot without the leaves named (and their attributes). */
export function bundledWithout(...names: string[]) {
  const copy = bundledCopy();
  const prune = (nodes: RawNode[]): RawNode[] =>
    nodes
      .filter((n) => {
        if (n.leaf && names.includes(n.name)) {
          delete copy.attributes[String(n.category_id)];
          return false;
        }
        return true;
      })
      .map((n) => (n.children ? { ...n, children: prune(n.children) } : n));
  copy.tree = prune(copy.tree);
  return copy;
}

/** The id of the bundled leaf with this Indonesian name. */
export function bundledLeafId(name: string): number {
  const find = (nodes: RawNode[]): RawNode | undefined => {
    for (const node of nodes) {
      if (node.leaf && node.name === name) return node;
      const found = node.children ? find(node.children) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const node = find(bundledCopy().tree);
  if (!node) throw new Error(`no bundled leaf ${name}`);
  return node.category_id;
}

/**
 * A tree the size of Lazada's full one (~10,000 categories, 4 levels), named like a real
 * one: words drawn from a vocabulary of a few thousand made-up Indonesian-sounding words,
 * common ones far more often than rare ones (Zipf), so prefixes and words repeat across
 * the tree as "kain", "anak" or "set" do. Leaves carry no attributes, as a fetch that
 * loads them later would install them. Deterministic.
 */
export function generatedTree(tops = 25, middles = 8, groups = 5, leavesEach = 9) {
  let seed = 20261127;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const syllables = [
    'ka',
    'ki',
    'ku',
    'ke',
    'ba',
    'bi',
    'bu',
    'sa',
    'si',
    'su',
    'ta',
    'ti',
    'ma',
    'mi',
    'pa',
    'pe',
    'ra',
    'ri',
    'la',
    'li',
    'na',
    'ni',
    'da',
    'di',
    'ga',
    'ja',
    'ca',
    'wa',
    'ya',
    'ha',
    'ng',
    'ran',
    'kan',
    'tan',
    'jang',
  ];
  const vocabulary = Array.from({ length: 3000 }, (_, i) => {
    let word = '';
    for (let n = 2 + (i % 2); n > 0; n--) word += syllables[Math.floor(random() * syllables.length)] ?? '';
    return `${word}${i % 7 === 0 ? 'an' : ''}`;
  });
  // Zipf: the word of rank r is drawn with weight 1/r.
  const weights = vocabulary.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let at = random() * total;
    for (const [r, weight] of weights.entries()) {
      at -= weight;
      if (at <= 0) return vocabulary[r] ?? '';
    }
    return vocabulary[0] ?? '';
  };
  const name = (words: number) => {
    const out = Array.from({ length: words }, pick).join(' ');
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  let next = 1_000_000;
  const node = (depth: number): RawNode => {
    const id = next++;
    if (depth === 3) return { category_id: id, name: name(1 + Math.floor(random() * 3)), leaf: true, var: true };
    const width = [tops, middles, groups, leavesEach][depth + 1] ?? 1;
    return {
      category_id: id,
      name: name(depth === 0 ? 2 : 1 + Math.floor(random() * 2)),
      leaf: false,
      var: false,
      children: Array.from({ length: width }, () => node(depth + 1)),
    };
  };
  return lazadaTree(Array.from({ length: tops }, () => node(0)));
}
