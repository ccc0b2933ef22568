import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, CoreError, DB_FILE } from '../../electron/core';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { dumpDatabase, fileDigest, openFilesUnder } from '../support/db';
import { unwrap } from '../support/results';
import { tempDir } from '../support/temp';

const CATALOGUE_TABLES = ['products', 'schema_migrations', 'sellers', 'settings', 'skus'];
/** Bulk edits and what each product was before (migration 40), for undo. */
const BULK_TABLES = ['bulk_edit_items', 'bulk_edits'];
/** The marketplace category tree (migration 50). */
const CATEGORY_TABLES = ['categories', 'category_attributes', 'category_recent', 'category_terms', 'category_trees'];
/** Live products per participant and readiness problem mask (migration 60). */
const TALLY_TABLES = ['product_problem_counts'];
/** The photo studio (migration 70). */
const PHOTO_TABLES = ['photo_originals', 'photos'];
/** Marketplace connections and the upload outbox (migration 80) and its leases (migration 100). */
const UPLOAD_TABLES = ['marketplace_connections', 'remote_image_leases', 'remote_images', 'uploads'];
/** Each marketplace's brand list (migration 90). */
const BRAND_TABLES = ['brand_lists', 'brands'];
/** Every table Akar defines itself: all STRICT. */
const STRICT_TABLES = [
  ...CATALOGUE_TABLES,
  ...BULK_TABLES,
  ...CATEGORY_TABLES,
  ...TALLY_TABLES,
  ...PHOTO_TABLES,
  ...UPLOAD_TABLES,
  ...BRAND_TABLES,
];
/** The full-text index (a virtual table, so not STRICT) and the shadow tables FTS5 keeps for it. */
const SEARCH_TABLES = [
  'product_search',
  'product_search_config',
  'product_search_content',
  'product_search_data',
  'product_search_docsize',
  'product_search_idx',
];

/** A later Akar's migration: adds a table and a column, touching existing data. */
const NEXT: Migration = {
  version: LATEST_VERSION + 10,
  name: 'next-feature',
  sql: `CREATE TABLE shelf_labels (id INTEGER PRIMARY KEY, sku_id INTEGER NOT NULL REFERENCES skus (id)) STRICT;
        ALTER TABLE sellers ADD COLUMN village TEXT NOT NULL DEFAULT '';`,
};

function connectionPragmas(db: Database.Database) {
  return {
    journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
  };
}

function ledger(db: Database.Database) {
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Runs `fn`, which must throw a CoreError, and returns that error's value. */
function coreErrorFrom(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return (error as CoreError).error;
  }
  throw new Error('expected a CoreError, nothing was thrown');
}

/** A data dir whose database was created by this version of Akar and holds one seller. */
async function dataDirWithOneSeller(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const core = createCore({ dataDir: dir });
  unwrap(await core.sellers.create({ name: 'Ibu Sari' }));
  core.close();
  return { dir, file: path.join(dir, DB_FILE) };
}

describe('connection settings', () => {
  it('sets WAL, synchronous=FULL, foreign_keys and busy_timeout on a first open', () => {
    const db = openDatabase(path.join(tempDir(), DB_FILE));
    expect(connectionPragmas(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
    db.close();
  });

  it('sets them again when a database written by createCore is reopened', async () => {
    // createCore opens through openDatabase; Core does not expose its connection, so the
    // reopen goes through that same exported function.
    const { file } = await dataDirWithOneSeller();

    // The trap this guards against: a plain reopen of a WAL file in better-sqlite3 runs
    // synchronous=NORMAL (1), which can lose the last commits on a power cut. If this
    // control ever reads 2, the assertion below no longer proves anything.
    const plain = new Database(file);
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();

    const reopened = openDatabase(file);
    expect(connectionPragmas(reopened)).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: 1,
      busyTimeout: 5000,
    });
    reopened.close();
  });

  it('leaves a database written by createCore in WAL mode, as seen from another connection', async () => {
    const { file } = await dataDirWithOneSeller();
    const other = new Database(file, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
  });

  it('enforces foreign keys on a reopened database', async () => {
    const { file } = await dataDirWithOneSeller();
    const db = openDatabase(file);
    const now = new Date(0).toISOString();
    expect(() =>
      db
        .prepare('INSERT INTO products (seller_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(424242, 'Orphan', now, now),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migrations on an empty database', () => {
  it('creates every table as STRICT, records each migration and sets user_version', () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    core.close();

    const db = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(tableNames(db)).toEqual([...STRICT_TABLES, ...SEARCH_TABLES].sort());
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all() as {
      name: string;
      strict: number;
    }[];
    for (const name of STRICT_TABLES) expect(strict.find((t) => t.name === name)?.strict, name).toBe(1);
    expect(ledger(db)).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('makes STRICT bite: a price stored as text is refused by SQLite itself', () => {
    const db = openDatabase(path.join(tempDir(), DB_FILE));
    const now = new Date(0).toISOString();
    const seller = db
      .prepare('INSERT INTO sellers (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Sari', now, now).lastInsertRowid;
    const product = db
      .prepare('INSERT INTO products (seller_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(seller, 'Kopi', now, now).lastInsertRowid;
    expect(() =>
      db
        .prepare(
          `INSERT INTO skus (product_id, seller_id, seller_sku, price, created_at, updated_at)
           VALUES (?, ?, 'A', 'sepuluh ribu', ?, ?)`,
        )
        .run(product, seller, now, now),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('makes the checks of migration 40 bite: condition, JSON columns, special prices', () => {
    const db = openDatabase(path.join(tempDir(), DB_FILE));
    const now = new Date(0).toISOString();
    const seller = db
      .prepare('INSERT INTO sellers (name, created_at, updated_at) VALUES (?, ?, ?)')
      .run('Sari', now, now).lastInsertRowid;
    const insertProduct = (column: string, value: unknown) =>
      db
        .prepare(
          `INSERT INTO products (seller_id, name, ${column}, created_at, updated_at) VALUES (?, 'Kopi', ?, ?, ?)`,
        )
        .run(seller, value, now, now).lastInsertRowid;
    expect(() => insertProduct('item_condition', 'refurbished')).toThrow(/CHECK constraint failed/);
    expect(() => insertProduct('highlights', 'not json')).toThrow(/CHECK constraint failed/);
    expect(() => insertProduct('attributes', '{"brand":')).toThrow(/CHECK constraint failed/);
    // The control: the same statement with good values goes in, with the defaults of the rest.
    const product = insertProduct('item_condition', 'used');
    expect(
      db
        .prepare('SELECT highlights, attributes, variation1, variation2, problems FROM products WHERE id = ?')
        .get(product),
    ).toEqual({ highlights: '[]', attributes: '{}', variation1: '', variation2: '', problems: 0 });
    const insertSku = (specialPrice: unknown) =>
      db
        .prepare(
          `INSERT INTO skus (product_id, seller_id, seller_sku, price, special_price, created_at, updated_at)
           VALUES (?, ?, ?, 1000, ?, ?, ?)`,
        )
        .run(product, seller, `S-${String(specialPrice)}`, specialPrice, now, now);
    expect(() => insertSku(0)).toThrow(/CHECK constraint failed/);
    expect(() => insertSku('murah')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insertSku(900)).not.toThrow();
    expect(() => db.prepare("INSERT INTO bulk_edits (change, created_at) VALUES ('{kind}', ?)").run(now)).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });

  it('reports which migrations ran', () => {
    const db = new Database(path.join(tempDir(), DB_FILE));
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    db.close();
  });
});

describe('migrations on an existing database', () => {
  it('runs nothing new on reopen and keeps the data', async () => {
    const { dir, file } = await dataDirWithOneSeller();
    const before = dumpDatabase(file);

    const core = createCore({ dataDir: dir });
    const sellers = unwrap(await core.sellers.list({}));
    core.close();

    expect(sellers.map((s) => s.name)).toEqual(['Ibu Sari']);
    // Same ledger (including applied_at), same rows, same user_version.
    expect(dumpDatabase(file)).toBe(before);
  });

  it('applies and records a newer migration, keeping existing rows', async () => {
    const { file } = await dataDirWithOneSeller();
    const db = openDatabase(file);

    expect(migrate(db, [...MIGRATIONS, NEXT])).toEqual([NEXT.version]);
    expect(ledger(db)).toEqual([...MIGRATIONS, NEXT].map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('user_version', { simple: true })).toBe(NEXT.version);
    expect(db.prepare('SELECT name, village FROM sellers').all()).toEqual([{ name: 'Ibu Sari', village: '' }]);
    expect(tableNames(db)).toContain('shelf_labels');
    // Running it again is a no-op.
    expect(migrate(db, [...MIGRATIONS, NEXT])).toEqual([]);
    db.close();
  });

  it('rolls a failing migration back entirely: no partial table, no ledger row, same user_version', async () => {
    const { file } = await dataDirWithOneSeller();
    const before = dumpDatabase(file);
    const broken: Migration = {
      version: LATEST_VERSION + 10,
      name: 'broken',
      // The first two statements succeed; the third fails, after real changes were made.
      sql: `CREATE TABLE half_done (x INTEGER) STRICT;
            UPDATE sellers SET name = 'overwritten';
            INSERT INTO no_such_table VALUES (1);`,
    };

    const db = openDatabase(file);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no such table: no_such_table/);
    expect(tableNames(db)).not.toContain('half_done');
    expect(ledger(db)).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();

    expect(dumpDatabase(file)).toBe(before);
  });

  it('keeps earlier migrations of the same run when a later one fails, and resumes from there', async () => {
    const { file } = await dataDirWithOneSeller();
    const later: Migration = {
      version: NEXT.version + 10,
      name: 'later',
      sql: 'CREATE TABLE later (x INTEGER) STRICT;',
    };
    const laterBroken: Migration = { ...later, sql: 'CREATE TABLE later (x INTEGER) STRICT; SELECT * FROM nope;' };

    const db = openDatabase(file);
    expect(() => migrate(db, [...MIGRATIONS, NEXT, laterBroken])).toThrow(/no such table: nope/);
    expect(ledger(db)).toEqual([...MIGRATIONS, NEXT].map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('user_version', { simple: true })).toBe(NEXT.version);
    expect(tableNames(db)).not.toContain('later');

    // Once fixed, only the missing one runs.
    expect(migrate(db, [...MIGRATIONS, NEXT, later])).toEqual([later.version]);
    expect(db.pragma('user_version', { simple: true })).toBe(later.version);
    db.close();
  });
});

describe('a database written by a newer Akar', () => {
  /**
   * Each fixture is a database a newer Akar could leave behind (always WAL, as every
   * version opens it so). Refusing it must not write a single byte: the newer version
   * has to find its data exactly as it left it.
   */
  const fixtures: Record<string, (file: string) => void> = {
    'a newer migration in the ledger and user_version': (file) => {
      const db = openDatabase(file);
      migrate(db, [...MIGRATIONS, NEXT]);
      db.close();
    },
    'a newer migration in the ledger only': (file) => {
      const db = openDatabase(file);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')").run(
        NEXT.version,
      );
      db.close();
    },
    'a newer user_version only': (file) => {
      const db = openDatabase(file);
      db.pragma(`user_version = ${NEXT.version}`);
      db.close();
    },
    'a newer user_version and no migration ledger at all': (file) => {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE future_catalogue (id INTEGER PRIMARY KEY) STRICT');
      db.pragma(`user_version = ${NEXT.version}`);
      db.close();
    },
  };

  for (const [name, make] of Object.entries(fixtures)) {
    it(`refuses ${name} with db_too_new and leaves the file untouched`, () => {
      const dir = tempDir();
      const file = path.join(dir, DB_FILE);
      make(file);
      const digest = fileDigest(file);
      const listing = fs.readdirSync(dir).sort();

      const error = coreErrorFrom(() => createCore({ dataDir: dir }));

      expect(error.code).toBe('db_too_new');
      expect(error.params).toEqual({ found: NEXT.version, supported: LATEST_VERSION });
      expect(fileDigest(file)).toBe(digest);
      expect(fs.readdirSync(dir).sort()).toEqual(listing);
      // The connection was closed, not leaked.
      if (process.platform === 'linux') expect(openFilesUnder(dir)).toEqual([]);
    });
  }
});

describe('files that cannot be opened', () => {
  it('gives db_open_failed for a file that is not a database, and does not touch or hold it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, 'Catatan pelatihan: ini bukan database, hanya teks biasa.\n'.repeat(20));
    const digest = fileDigest(file);

    const error = coreErrorFrom(() => createCore({ dataDir: dir }));

    expect(error.code).toBe('db_open_failed');
    expect(error.message).toMatch(/not a database/);
    expect(fileDigest(file)).toBe(digest);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE]);
    // A leaked handle would keep the file locked on Windows; /proc shows it on Linux.
    if (process.platform === 'linux') expect(openFilesUnder(dir)).toEqual([]);
  });

  it('gives db_open_failed when akar.db is a folder', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, DB_FILE));
    expect(coreErrorFrom(() => createCore({ dataDir: dir })).code).toBe('db_open_failed');
  });

  it('creates a missing data dir, nested, on first open', async () => {
    const dir = path.join(tempDir(), 'nested', 'Akar');
    const core = createCore({ dataDir: dir });
    expect(core.dbPath).toBe(path.join(dir, DB_FILE));
    expect(unwrap(await core.sellers.list({}))).toEqual([]);
    core.close();
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
  });
});
