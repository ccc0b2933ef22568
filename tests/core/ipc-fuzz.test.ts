import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, type Handlers } from '../../electron/main/handlers';
import { CHANNELS, contract, type Channel } from '../../electron/shared/contract';
import { ERROR_CODES, VALIDATION_REASONS } from '../../electron/shared/result';
import { readySku, seedCatalogue } from '../support/catalogue';
import { CommitWatcher, dumpDatabase } from '../support/db';
import { damagedVariants, nonObjectPayloads, valueAtDotPath, type Variant } from '../support/payloads';
import { openTempCore, type TempCore } from '../support/temp';

/**
 * Everything the renderer can send is untrusted: a compromised or buggy page may call any
 * channel with anything structured clone can carry. Whatever arrives, main must answer
 * with a well-formed Result, never throw, never pollute prototypes and never write.
 */

const NO_INPUT = new Set<Channel>(['app:info', 'trash:list']);

/** Channels that only read: the only ones where a random payload may come back `ok`. */
const READ_ONLY = new Set<Channel>([
  'app:info',
  'sellers:list',
  'sellers:get',
  'products:list',
  'products:search',
  'products:get',
  'trash:list',
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
      sort: 'price',
      direction: 'desc',
      limit: 20,
      offset: 0,
    },
    'products:get': { id: ids.product },
    'products:create': {
      sellerId: ids.seller,
      name: 'Gula Aren',
      status: 'ready',
      categoryId: 5,
      skus: [readySku({ sellerSku: 'GA-1', variantName: '500 g' })],
    },
    'products:update': {
      id: ids.product,
      changes: { name: 'Kopi Bubuk', skus: [{ id: ids.sku, price: 20_000, weightKg: 0.25 }] },
    },
    'products:delete': { id: ids.product },
    'products:restore': { id: ids.product },
    'trash:list': {},
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
  'products:search': fc.record(
    {
      sellerId: someId,
      query: searchText,
      status: fc.constantFrom('draft', 'ready'),
      sort: fc.constantFrom('updated', 'name', 'price'),
      direction: fc.constantFrom('asc', 'desc'),
      limit: fc.integer({ min: 0, max: 201 }),
      offset: fc.integer({ min: -1, max: 5 }),
    },
    { requiredKeys: [] },
  ),
  'products:get': fc.record({ id: someId }),
};

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

  beforeAll(async () => {
    temp = openTempCore();
    const seed = await seedCatalogue(temp.core);
    valid = validInputs({ seller: seed.sari.id, product: seed.keripik.id, sku: seed.keripik.skus[0]!.id });
    handlers = createHandlers(temp.core);
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
    const names = Object.keys(createHandlers(temp.core)).sort();
    expect(names).toEqual([...CHANNELS].sort());
    expect(names).toEqual(Object.keys(contract).sort());
  });

  it('answers valid reads with ok, so the refusals below are not a harness that refuses everything', async () => {
    for (const channel of READ_ONLY) {
      const result = await send(channel, valid[channel], 'its valid input');
      expect(result.ok, channel).toBe(true);
    }
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

  for (const channel of CHANNELS) {
    it(`${channel}: refuses every malformed payload with a field-level invalid_input`, async () => {
      const schema = contract[channel].input;
      const variants: Variant[] = [
        ...nonObjectPayloads().map((v) => ({ ...v, at: '', payload: v.value })),
        ...damagedVariants(valid[channel]),
      ].filter((v) => !schema.safeParse(v.payload).success);

      for (const variant of variants) {
        const result = await send(channel, variant.payload, variant.label);
        if (result.ok || result.error.code !== 'invalid_input') expect.fail(`${variant.label}: not invalid_input`);
        // The field named is the damaged one (or inside it, e.g. a missing key of a replaced object).
        const field = result.error.field;
        if (variant.at !== '' && !(field === variant.at || field?.startsWith(`${variant.at}.`))) {
          expect.fail(`${channel} with ${variant.label}: field ${field}, expected ${variant.at}`);
        }
      }
      // The core behind the table validates again: calling a handler directly with the same
      // payloads (as a future caller that forgets `dispatch` would) must be just as safe.
      const direct = handlers[channel] as (input: unknown) => Promise<unknown>;
      for (const variant of variants) {
        expectWellFormed(channel, variant.payload, await direct(variant.payload), `${variant.label} (direct)`);
        if (watcher.committedSinceLastCheck()) expect.fail(`${channel} direct with ${variant.label} wrote`);
      }
    });
  }

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
