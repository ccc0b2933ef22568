import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../electron/main/handlers';
import { CHANNELS, contract, type Channel } from '../../electron/shared/contract';
import { ERROR_CODES, VALIDATION_REASONS } from '../../electron/shared/result';
import { READY_CATEGORY_ID, READY_FIELDS, readySku, seedCatalogue } from '../support/catalogue';
import { CommitWatcher, dumpDatabase } from '../support/db';
import { damagedVariants, nonObjectPayloads, valueAtDotPath, type Variant } from '../support/payloads';
import { cancellingShell } from '../support/shell';
import { openTempCore, type TempCore } from '../support/temp';

/**
 * Everything the renderer can send is untrusted: a compromised or buggy page may call any
 * channel with anything structured clone can carry. Whatever arrives, main must answer
 * with a well-formed Result, never throw, never pollute prototypes and never write.
 */

const NO_INPUT = new Set<Channel>([
  'app:info',
  'trash:list',
  'categories:recent',
  'import:pickFile',
  'photos:status',
  'practice:start',
  'uploads:overview',
  'lazada:app',
]);

/**
 * Channels that write nothing: the only ones where a random payload may come back `ok`.
 * The dialog channels belong here because the shell below cancels every dialog, so they
 * answer `ok: null` without touching a file or the database.
 */
const READ_ONLY = new Set<Channel>([
  'app:info',
  'sellers:list',
  'sellers:get',
  'products:list',
  'products:search',
  'products:get',
  'products:searchIds',
  'categories:search',
  'categories:get',
  'categories:children',
  'categories:recent',
  'categories:suggest',
  // A search of the brand list on this laptop; the refresh and attribute downloads write.
  'categories:brands',
  'import:pickFile',
  'export:save',
  'files:saveSheet',
  'trash:list',
  // Cancelling only marks a job id; it never touches the catalogue.
  'jobs:cancel',
  'photos:pickFiles',
  'photos:pickFolder',
  'photos:forProduct',
  'photos:unmatched',
  'photos:overview',
  'photos:status',
  // Only paths that do not exist reach it here, so nothing is imported.
  'photos:importDropped',
  'uploads:connections',
  'uploads:shop',
  'uploads:overview',
  'lazada:app',
]);

/** One valid input per channel (ids refer to the seeded catalogue); damaged copies are the battery. */
function validInputs(ids: { seller: number; product: number; sku: number }): Record<Channel, unknown> {
  return {
    'app:info': {},
    'settings:setLanguage': { language: 'id' },
    'sellers:list': { query: 'sari', includeDeleted: true },
    'sellers:get': { id: ids.seller },
    'sellers:create': { name: 'Ani', businessName: 'Warung Ani', phone: '0812', district: 'Playen', notes: '' },
    'sellers:update': { id: ids.seller, changes: { name: 'Ibu Sari', phone: '0813' } },
    'sellers:delete': { id: ids.seller },
    'sellers:restore': { id: ids.seller },
    'products:list': { sellerId: ids.seller, query: 'kopi', includeDeleted: false },
    'products:search': {
      sellerId: ids.seller,
      query: 'kripik pedas',
      status: 'draft',
      categoryId: 3,
      problem: 'no_weight',
      sort: 'price',
      direction: 'desc',
      limit: 20,
      offset: 0,
    },
    'products:searchIds': { sellerId: ids.seller, query: 'kripik', problem: 'any', sort: 'name' },
    'products:get': { id: ids.product },
    'products:create': {
      sellerId: ids.seller,
      name: 'Gula Aren',
      status: 'ready',
      ...READY_FIELDS,
      highlights: ['Manis alami'],
      condition: 'new',
      variation1: 'Ukuran',
      variation2: 'Kemasan',
      skus: [
        readySku({
          sellerSku: 'GA-1',
          option1: '500 g',
          option2: 'Toples',
          specialPrice: 12_000,
          specialFrom: '2025-03-01',
          specialTo: '2025-03-31',
        }),
      ],
    },
    'products:update': {
      id: ids.product,
      changes: {
        name: 'Kopi Bubuk',
        variation1: 'Ukuran',
        skus: [{ id: ids.sku, price: 20_000, weightKg: 0.25, option1: '1 kg', specialPrice: null }],
      },
    },
    'products:delete': { id: ids.product },
    'products:restore': { id: ids.product },
    'products:bulkEdit': { ids: [ids.product], change: { kind: 'price', mode: 'percent', value: -10 } },
    'products:bulkUndo': { editId: 1 },
    'categories:search': { query: 'keripik', limit: 10 },
    'categories:get': { id: READY_CATEGORY_ID },
    'categories:children': { parentId: null },
    'categories:recent': {},
    'categories:suggest': { name: 'Keripik Singkong Balado' },
    'categories:refresh': { sellerId: ids.seller, marketplace: 'practice', jobId: 'category-refresh-1' },
    'categories:loadAttributes': { sellerId: ids.seller, marketplace: 'practice', categoryId: READY_CATEGORY_ID },
    'categories:brands': { marketplace: 'lazada', query: 'no b', limit: 10 },
    'import:pickFile': {},
    'import:preview': {
      importId: 'import-1',
      sellerId: ids.seller,
      mapping: [{ field: 'name' }, { field: 'weight', unit: 'g' }, { field: 'attribute', attribute: 'shelf_life' }],
    },
    'import:commit': { importId: 'import-1', sellerId: ids.seller, mapping: [{ field: 'name' }, { field: 'ignore' }] },
    'export:save': { format: 'xlsx', sellerId: ids.seller },
    'files:saveSheet': { suggestedName: 'ringkasan-impor', headers: ['Baris', 'Masalah'], rows: [['2', 'harga']] },
    'trash:list': {},
    'jobs:cancel': { jobId: 'import-check-1' },
    'photos:pickFiles': { sellerId: ids.seller, productId: ids.product },
    'photos:pickFolder': { sellerId: ids.seller },
    'photos:forProduct': { productId: ids.product },
    'photos:unmatched': { sellerId: ids.seller },
    'photos:overview': { sellerId: ids.seller },
    'photos:assign': { id: 1, productId: ids.product },
    'photos:reorder': { productId: ids.product, photoIds: [1] },
    'photos:setRecipe': {
      id: 1,
      recipe: { rotate: 90, fit: 'crop', crop: { x: 0.1, y: 0.1, size: 0.5 }, brightness: 1.2 },
    },
    'photos:delete': { id: 1 },
    'photos:restore': { id: 1 },
    'photos:process': { action: 'pause' },
    'photos:status': {},
    'photos:importDropped': { sellerId: ids.seller, paths: ['/nonexistent/akar-fuzz/KR-01.jpg'] },
    'practice:start': {},
    'practice:connect': { sellerId: ids.seller },
    'practice:openStorefront': { sellerId: ids.seller },
    'uploads:connections': { sellerId: ids.seller },
    'uploads:enqueue': { sellerId: ids.seller, marketplace: 'practice', productIds: [ids.product] },
    'uploads:drain': { sellerId: ids.seller, marketplace: 'practice', jobId: 'upload-1' },
    'uploads:followQc': { sellerId: ids.seller, marketplace: 'practice' },
    'uploads:shop': { sellerId: ids.seller, marketplace: 'lazada' },
    'uploads:skip': { uploadId: 1 },
    'uploads:retry': { uploadId: 1 },
    'uploads:disconnect': { sellerId: ids.seller, marketplace: 'practice' },
    'uploads:overview': {},
    'uploads:autoUpload': { enabled: false },
    'lazada:app': {},
    'lazada:setApp': { appKey: '100123', appSecret: 'rahasia' },
    'lazada:signIn': { sellerId: ids.seller, jobId: 'sign-in-1' },
    'lazada:pasteCode': { sellerId: ids.seller, text: '0_123_abcdef' },
  };
}

/** Valid-looking inputs whose ids do not exist: must be not_found, on the right field. */
const UNKNOWN_IDS: readonly { channel: Channel; payload: unknown; field: string }[] = [
  ...(['sellers:get', 'sellers:delete', 'sellers:restore'] as const).map((channel) => ({
    channel,
    payload: { id: 999_999 },
    field: 'id',
  })),
  { channel: 'sellers:update', payload: { id: Number.MAX_SAFE_INTEGER, changes: { name: 'X' } }, field: 'id' },
  ...(['products:get', 'products:delete', 'products:restore'] as const).map((channel) => ({
    channel,
    payload: { id: 999_999 },
    field: 'id',
  })),
  { channel: 'products:update', payload: { id: 999_999, changes: { name: 'X' } }, field: 'id' },
  { channel: 'products:list', payload: { sellerId: 999_999 }, field: 'sellerId' },
  { channel: 'products:search', payload: { sellerId: 999_999 }, field: 'sellerId' },
  { channel: 'products:searchIds', payload: { sellerId: 999_999 }, field: 'sellerId' },
  { channel: 'products:bulkUndo', payload: { editId: 999_999 }, field: 'editId' },
  { channel: 'categories:get', payload: { id: 999_999 }, field: 'id' },
  {
    channel: 'products:create',
    payload: { sellerId: 999_999, name: 'X', skus: [{ price: 1 }] },
    field: 'sellerId',
  },
];

/**
 * For read-only channels, random inputs of the right shape (many of them valid), so the
 * queries behind them run with odd search text and ids, not only the validation in front.
 */
const searchText = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom('%', '_', '\\', "'", '"'));
const someId = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER));
const SHAPED: Partial<Record<Channel, fc.Arbitrary<unknown>>> = {
  'app:info': fc.constantFrom({}, undefined),
  'trash:list': fc.constantFrom({}, undefined),
  'sellers:list': fc.record({ query: searchText, includeDeleted: fc.boolean() }, { requiredKeys: [] }),
  'sellers:get': fc.record({ id: someId }),
  'products:list': fc.record(
    { sellerId: someId, query: searchText, includeDeleted: fc.boolean() },
    { requiredKeys: ['sellerId'] },
  ),
  'products:search': productSearchArbitrary(),
  'products:searchIds': productSearchArbitrary(),
  'products:get': fc.record({ id: someId }),
  'categories:search': fc.record({ query: searchText, limit: fc.integer({ min: 0, max: 60 }) }, { requiredKeys: [] }),
  'categories:get': fc.record({ id: fc.oneof(someId, fc.constantFrom(READY_CATEGORY_ID, 74835, 23393508)) }),
  'categories:children': fc.record({ parentId: fc.oneof(someId, fc.constant(null), fc.constant(74835)) }),
  'categories:suggest': fc.record({ name: searchText }),
  'categories:brands': fc.record(
    {
      marketplace: fc.constantFrom('lazada', 'practice', 'shopee'),
      query: searchText,
      limit: fc.integer({ min: 0, max: 60 }),
    },
    { requiredKeys: [] },
  ),
  'export:save': fc.record({ format: fc.constantFrom('csv', 'xlsx', 'ods'), sellerId: someId }, { requiredKeys: [] }),
};

function productSearchArbitrary() {
  return fc.record(
    {
      sellerId: someId,
      query: searchText,
      status: fc.constantFrom('draft', 'ready'),
      categoryId: fc.oneof(someId, fc.constant(READY_CATEGORY_ID)),
      problem: fc.constantFrom('any', 'none', 'no_category', 'category_gone', 'no_weight', 'broken'),
      sort: fc.constantFrom('updated', 'name', 'price'),
      direction: fc.constantFrom('asc', 'desc'),
      limit: fc.integer({ min: 0, max: 201 }),
      offset: fc.integer({ min: -1, max: 5 }),
    },
    { requiredKeys: [] },
  );
}

/** The damaged variant whose error is too big today (see "keeps the error small"). */
const HUGE_ATTRIBUTE_NAME = '1 MB key name at attributes';

const isObjectPayload = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with one answer (empty when nothing). `ok: true` only on a read-only
 * channel; an error has a known code other than `internal` (something threw inside main),
 * a short message, a field whenever the payload was an object (so some field was at
 * fault), and fits in a few KB whatever the payload's size. Plain checks rather than one
 * `expect` each: this runs thousands of times, and a failure lists every problem at once.
 */
function problemsWith(channel: Channel, payload: unknown, result: unknown): string[] {
  const problems: string[] = [];
  const check = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  if (typeof result !== 'object' || result === null) return [`not an object: ${String(result)}`];
  const r = result as { ok: unknown; value?: unknown; error?: Record<string, unknown> };
  if (r.ok === true) {
    check(READ_ONLY.has(channel), 'ok on a write channel');
    return problems;
  }
  check(r.ok === false, `ok is ${String(r.ok)}`);
  check(Object.keys(r).sort().join() === 'error,ok', `keys ${Object.keys(r).join()}`);
  const error = r.error ?? {};
  const { code, message, field, reason, params, issues } = error;
  check((ERROR_CODES as readonly unknown[]).includes(code), `unknown code ${String(code)}`);
  check(code !== 'internal', 'internal error');
  check(typeof message === 'string' && message.length > 0 && message.length < 1000, 'message missing or too long');
  for (const key of Object.keys(error)) {
    check(['code', 'message', 'field', 'reason', 'params', 'issues'].includes(key), `unexpected key ${key}`);
  }
  check(field === undefined || (typeof field === 'string' && field.length > 0), 'empty field');
  if (code === 'invalid_input') {
    check((VALIDATION_REASONS as readonly unknown[]).includes(reason), `unknown reason ${String(reason)}`);
    check(!isObjectPayload(payload) || typeof field === 'string', 'no field named for an object payload');
    check(Array.isArray(issues) && issues.length <= 50, 'issues missing or too many');
    for (const issue of (Array.isArray(issues) ? issues : []) as { reason: unknown }[]) {
      check((VALIDATION_REASONS as readonly unknown[]).includes(issue.reason), `issue reason ${String(issue.reason)}`);
    }
  }
  if (code === 'not_found') {
    // The field names the id that was not found; update channels report paths inside `changes`.
    const value = valueAtDotPath(payload, String(field)) ?? valueAtDotPath(payload, `changes.${String(field)}`);
    check(value === (params as { id?: unknown } | undefined)?.id, `not_found field ${String(field)} is not the id`);
  }
  // Must cross IPC (structured clone) and stay small even for megabyte payloads.
  try {
    const size = JSON.stringify(structuredClone(result)).length;
    check(size < 16 * 1024, `${size} bytes`);
  } catch (cloneError) {
    problems.push(`not cloneable: ${String(cloneError)}`);
  }
  return problems;
}

function expectWellFormed(channel: Channel, payload: unknown, result: unknown, label: string): void {
  const problems = problemsWith(channel, payload, result);
  if (problems.length > 0) {
    expect.fail(`${channel} with ${label}: ${problems.join('; ')}\n${JSON.stringify(result).slice(0, 500)}`);
  }
}

/** Object.prototype and Array.prototype as they are now: compared after the fuzzing. */
function prototypeSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(','),
  );
}

describe('IPC handler table under malformed and random payloads', () => {
  let temp: TempCore;
  let handlers: Handlers;
  let watcher: CommitWatcher;
  let valid: Record<Channel, unknown>;
  let cleanDump: string;
  let prototypes: string[];
  const dialogs = cancellingShell();

  beforeAll(async () => {
    temp = openTempCore();
    const seed = await seedCatalogue(temp.core);
    valid = validInputs({ seller: seed.sari.id, product: seed.keripik.id, sku: seed.keripik.skus[0]!.id });
    handlers = createHandlers(temp.core, dialogs.shell);
    watcher = new CommitWatcher(temp.dbPath);
    cleanDump = dumpDatabase(temp.dbPath);
    prototypes = prototypeSnapshot();
  });

  afterAll(() => {
    watcher.close();
    temp.dispose();
  });

  /** Sends one payload and checks the answer, that nothing was committed, and what it returned. */
  async function send(channel: Channel, payload: unknown, label: string) {
    const result = await dispatch(handlers, channel, payload);
    expectWellFormed(channel, payload, result, label);
    if (watcher.committedSinceLastCheck()) expect.fail(`${channel} with ${label} wrote to the database`);
    return result;
  }

  it('binds exactly the contract’s channels', () => {
    const names = Object.keys(createHandlers(temp.core, dialogs.shell)).sort();
    expect(names).toEqual([...CHANNELS].sort());
    expect(names).toEqual(Object.keys(contract).sort());
  });

  it('answers valid reads with ok, so the refusals below are not a harness that refuses everything', async () => {
    for (const channel of READ_ONLY) {
      const result = await send(channel, valid[channel], 'its valid input');
      expect(result.ok, channel).toBe(true);
    }
    // The five dialog channels asked the (cancelling) shell once each.
    expect(dialogs.asked.splice(0).sort()).toEqual([
      'open',
      'photo folder',
      'photos',
      expect.stringMatching(/^save akar-produk-\d{4}-\d{2}-\d{2}\.xlsx$/),
      'save ringkasan-impor.csv',
    ]);
    expect((await send('app:info', undefined, 'no input')).ok).toBe(true);
    expect((await send('sellers:list', {}, '{}')).ok).toBe(true);
  });

  it('answers an unknown channel with unknown_channel, whatever the name', async () => {
    const names: unknown[] = [
      'sellers:drop',
      'SELLERS:LIST',
      ' sellers:list',
      'akar:sellers:list',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'x'.repeat(1024 * 1024),
      undefined,
      null,
      42,
      Symbol('sellers:list'),
      ['sellers:list'],
      { toString: () => 'sellers:list' },
      { toString: 1 },
      Object.create(null),
    ];
    for (const name of names) {
      const result = await dispatch(handlers, name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('unknown_channel');
        expect(result.error.message.length).toBeLessThan(200);
      }
    }
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }),
        async (name) => {
          fc.pre(!(typeof name === 'string' && (CHANNELS as readonly string[]).includes(name)));
          const result = await dispatch(handlers, name, {});
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('has a battery that is actually invalid: every damaged variant is tried on every channel', () => {
    // Guards the test itself: if the schemas loosened so much that nothing is refused any
    // more, the battery below would silently test nothing.
    for (const channel of CHANNELS) {
      expect(contract[channel].input.safeParse(valid[channel]).success, `${channel} valid input`).toBe(true);
      const refused = damagedVariants(valid[channel]).filter(
        (v) => !contract[channel].input.safeParse(v.payload).success,
      );
      // Channels without input can only be damaged by adding keys.
      expect(refused.length, channel).toBeGreaterThanOrEqual(NO_INPUT.has(channel) ? 4 : 20);
    }
  });

  /**
   * What the battery sends a channel: every payload its schema refuses, but for a huge
   * attribute name, whose error is itself huge today (its own test, further down).
   */
  function malformed(channel: Channel): Variant[] {
    const schema = contract[channel].input;
    return [
      ...nonObjectPayloads().map((v) => ({ ...v, at: '', payload: v.value })),
      ...damagedVariants(valid[channel]),
    ].filter((v) => !schema.safeParse(v.payload).success && v.label !== HUGE_ATTRIBUTE_NAME);
  }

  for (const channel of CHANNELS) {
    it(`${channel}: refuses every malformed payload with a field-level invalid_input`, async () => {
      for (const variant of malformed(channel)) {
        const result = await send(channel, variant.payload, variant.label);
        if (result.ok || result.error.code !== 'invalid_input') expect.fail(`${variant.label}: not invalid_input`);
        // The field named is the damaged one (or inside it, e.g. a missing key of a replaced object).
        const field = result.error.field;
        if (variant.at !== '' && !(field === variant.at || field?.startsWith(`${variant.at}.`))) {
          expect.fail(`${channel} with ${variant.label}: field ${field}, expected ${variant.at}`);
        }
      }
      // Nothing malformed got as far as asking the user for a file.
      expect(dialogs.asked.splice(0), channel).toEqual([]);
    });
  }

  /**
   * The dialog handlers read their input (`input.format`, `input.suggestedName`) to open the
   * save dialog before the core validates it: called without `dispatch`, a null payload
   * throws a TypeError instead of answering, and a malformed one asks the user where to
   * save first. Reported; `dispatch` (the only caller today) validates before them.
   */
  const ASKS_BEFORE_VALIDATING = new Set<Channel>(['export:save', 'files:saveSheet']);

  for (const channel of CHANNELS) {
    // The core behind the table validates again: calling a handler directly with the same
    // payloads (as a future caller that forgets `dispatch` would) must be just as safe.
    const test = ASKS_BEFORE_VALIDATING.has(channel) ? it.fails : it;
    test(`${channel}: is just as safe called directly, without dispatch`, async () => {
      const direct = handlers[channel] as (input: unknown) => Promise<unknown>;
      for (const variant of malformed(channel)) {
        let result: unknown;
        try {
          result = await direct(variant.payload);
        } catch (error) {
          expect.fail(`${channel} direct with ${variant.label} threw ${String(error)}`);
        }
        expectWellFormed(channel, variant.payload, result, `${variant.label} (direct)`);
        if (watcher.committedSinceLastCheck()) expect.fail(`${channel} direct with ${variant.label} wrote`);
      }
      // A channel without input ignores it, as app:info does, and asks for its file.
      if (!NO_INPUT.has(channel)) expect(dialogs.asked, channel).toEqual([]);
      dialogs.asked.length = 0;
    });
  }

  /**
   * An attribute name is a record key, and zod reports a key that is too long with the key
   * in the path: the core echoes the whole key back as `field` (and in the message), so a
   * 1 MB key makes a 3 MB error (the check above allows 16 KB). Unknown keys are clipped
   * to 50 characters (shared/validation.ts); path segments are not. Reported.
   */
  it('keeps the error small for a 1 MB attribute name', async () => {
    const huge = 'k'.repeat(1024 * 1024);
    const create = { ...(valid['products:create'] as object), attributes: { [huge]: 'x' } };
    const update = { id: (valid['products:update'] as { id: number }).id, changes: { attributes: { [huge]: 'x' } } };
    for (const [channel, payload] of [
      ['products:create', create],
      ['products:update', update],
    ] as const) {
      const result = await dispatch(handlers, channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(result).length, channel).toBeLessThan(16 * 1024);
    }
  });

  it('reports unknown ids as not_found on the field that holds them', async () => {
    for (const { channel, payload, field } of UNKNOWN_IDS) {
      const result = await send(channel, payload, JSON.stringify(payload));
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'not_found', field } });
    }
    // A SKU id from another product, inside an update.
    const result = await send(
      'products:update',
      { id: (valid['products:update'] as { id: number }).id, changes: { skus: [{ id: 999_999, price: 1 }] } },
      'unknown SKU id',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'changes.skus.0.id' } });
  });

  for (const channel of CHANNELS) {
    it(`${channel}: survives random payloads (fast-check)`, async () => {
      const schema = contract[channel].input;
      const keys = Object.keys(valid[channel] as object);
      const anything = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      });
      // Random values, and objects with the channel's real keys (plus prototype keys) holding random values.
      const payload = fc.oneof(
        anything,
        fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype'), anything, { maxKeys: 5 }),
        SHAPED[channel] ?? anything,
      );
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          const accepted = schema.safeParse(input).success;
          // A random payload that happens to be a valid write would legitimately change the
          // database; it is not malformed, so it is not sent.
          fc.pre(!accepted || READ_ONLY.has(channel));
          const result = await send(channel, input, 'a random payload');
          if (!accepted) expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        }),
        { numRuns: 300, seed: 20250301 + CHANNELS.indexOf(channel) },
      );
    });
  }

  it('left no trace: same database, no polluted prototypes', () => {
    expect(dumpDatabase(temp.dbPath)).toBe(cleanDump);
    expect(prototypeSnapshot()).toEqual(prototypes);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

/**
 * The rules that span several fields (variations, options, special prices) checked against
 * an oracle written here from the rules as stated, on random but schema-valid products:
 * each is accepted exactly when the oracle says so, a refusal writes nothing and says
 * `invalid_input`, and an accepted product reads back as the oracle expects.
 */
describe('products:create with random variations, options and special prices', () => {
  interface RandomSku {
    option1: string;
    option2: string;
    price: number;
    specialPrice: number | null;
    specialFrom: string | null;
    specialTo: string | null;
  }
  interface RandomProduct {
    variation1: string;
    variation2: string;
    ready: boolean;
    skus: RandomSku[];
  }

  const date = fc.constantFrom(null, '2025-02-28', '2025-03-01', '2025-03-15');
  const randomProduct: fc.Arbitrary<RandomProduct> = fc.record({
    // "warna" and "WARNA" are the same variation as "Warna".
    variation1: fc.constantFrom('', 'Warna', 'Warna', 'Ukuran'),
    variation2: fc.constantFrom('', '', 'WARNA', 'Ukuran', 'Rasa'),
    ready: fc.boolean(),
    skus: fc.array(
      fc.record({
        option1: fc.constantFrom('', 'Merah', 'merah', 'Biru'),
        option2: fc.constantFrom('', 'S', 'M'),
        price: fc.integer({ min: 1, max: 50 }),
        specialPrice: fc.oneof(
          { arbitrary: fc.constant(null), weight: 3 },
          { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 1 },
        ),
        specialFrom: date,
        specialTo: date,
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

  /** What the product saved looks like, or null when some rule refuses it. */
  function oracle(p: RandomProduct) {
    const { variation1: v1, variation2: v2 } = p;
    if (v2 && !v1) return null;
    if (v1 && v2 && same(v1, v2)) return null;
    if (p.skus.length > 1 && !v1) return null;
    const seen = new Set<string>();
    const skus = [];
    for (const sku of p.skus) {
      // Options of a variation the product does not have are dropped, not refused.
      const option1 = v1 ? sku.option1 : '';
      const option2 = v2 ? sku.option2 : '';
      if ((v1 && !option1) || (v2 && !option2)) return null;
      const key = `${option1.toUpperCase()}|${option2.toUpperCase()}`;
      if (v1 && seen.has(key)) return null;
      seen.add(key);
      if (sku.specialPrice !== null) {
        if (sku.specialPrice >= sku.price || !sku.specialFrom || !sku.specialTo) return null;
        if (sku.specialTo < sku.specialFrom) return null;
      }
      const special = sku.specialPrice !== null;
      skus.push({
        option1,
        option2,
        variantName: [option1, option2].filter(Boolean).join(' / '),
        price: sku.price,
        specialPrice: sku.specialPrice,
        specialFrom: special ? sku.specialFrom : null,
        specialTo: special ? sku.specialTo : null,
      });
    }
    return { variation1: v1, variation2: v2, status: p.ready ? 'ready' : 'draft', skus };
  }

  it('accepts exactly what the rules allow, stores it as they say, and writes nothing otherwise', async () => {
    const temp = openTempCore();
    const watcher = new CommitWatcher(temp.dbPath);
    try {
      const handlers = createHandlers(temp.core, cancellingShell().shell);
      const seller = await dispatch(handlers, 'sellers:create', { name: 'Ibu Sari' });
      if (!seller.ok) throw new Error('no seller');
      const sellerId = (seller.value as { id: number }).id;
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(randomProduct, async (p) => {
          watcher.committedSinceLastCheck();
          const input = {
            sellerId,
            name: 'Kaos Polos',
            ...(p.ready ? { status: 'ready', ...READY_FIELDS } : {}),
            variation1: p.variation1,
            variation2: p.variation2,
            skus: p.skus.map((sku) => readySku(sku)),
          };
          const expected = oracle(p);
          const result = await dispatch(handlers, 'products:create', input);
          if (expected === null) {
            refused++;
            expectWellFormed('products:create', input, result, JSON.stringify(p));
            expect(result, JSON.stringify(p)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
            expect(watcher.committedSinceLastCheck(), 'a refusal wrote').toBe(false);
            return;
          }
          accepted++;
          if (!result.ok) expect.fail(`refused ${JSON.stringify(p)}: ${JSON.stringify(result.error)}`);
          expect(result.value).toMatchObject({
            ...expected,
            skus: expected.skus.map((s) => expect.objectContaining(s)),
          });
        }),
        { numRuns: 200, seed: 20261127 },
      );
      // Both sides were exercised, or the property proves little.
      expect(accepted).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    } finally {
      watcher.close();
      temp.dispose();
    }
  });
});
