import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { PRACTICE_BRANDS } from '../../../electron/core/practice/categories';
import type { ProgressEvent } from '../../../electron/shared/contract';
import { addProduct, addSeller, READY_CATEGORY_ID, readySku } from '../../support/catalogue';
import { dumpDatabase, tableRows } from '../../support/db';
import { expectError, unwrap } from '../../support/results';
import { tempCore } from '../../support/temp';
import { connectPractice } from '../../support/uploads';

/**
 * `categories.refresh` against the practice marketplace as a real HTTP server on
 * 127.0.0.1: the tree, the attributes of the leaves products use and the brand list are
 * downloaded through a connected shop and installed together, or not at all.
 */

/** Another leaf of the bundled tree than the ready products’ (Kerupuk & Rengginang). */
const OTHER_LEAF = 13083922;

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function practice(): Promise<PracticeServer> {
  const server = await startPracticeServer({ qcDelayMs: 60_000 });
  servers.push(server);
  return server;
}

/** A core with a participant connected to a practice shop and two products in two leaves. */
async function setup() {
  const events: ProgressEvent[] = [];
  let onEvent: (event: ProgressEvent) => void = () => undefined;
  const temp = tempCore({
    marketplaceTimeoutMs: 2_000,
    onProgress: (event) => {
      events.push(event);
      onEvent(event);
    },
  });
  const { core } = temp;
  const server = await practice();
  const seller = await addSeller(core);
  await addProduct(core, seller.id, 'Keripik Singkong', [readySku()], { status: 'ready' });
  await addProduct(core, seller.id, 'Produk Lain', [readySku()], { categoryId: OTHER_LEAF });
  await connectPractice(core, server, seller.id);
  return {
    temp,
    core,
    server,
    sellerId: seller.id,
    events,
    onProgress: (fn: (event: ProgressEvent) => void) => (onEvent = fn),
  };
}

function received(server: PracticeServer, api: string): number {
  return server.stats().requests[api]?.received ?? 0;
}

function tree(dbPath: string) {
  return tableRows(dbPath, 'SELECT version, source, fetched_at FROM category_trees')[0];
}

async function refresh(core: Core, sellerId: number, jobId = 'refresh-1') {
  return core.categories.refresh({ sellerId, marketplace: 'practice', jobId });
}

describe('categories.refresh from the practice marketplace', () => {
  it('installs the practice tree, the used leaves’ attributes and the brand list', async () => {
    const { temp, core, server, sellerId, events } = await setup();
    expect(tree(temp.dbPath)).toMatchObject({ source: 'bundled', fetched_at: null });
    expect(unwrap(await core.categories.brands({ marketplace: 'practice', query: '' }))).toEqual({
      listed: false,
      fetchedAt: null,
      names: [],
    });

    const report = unwrap(await refresh(core, sellerId));
    const today = new Date().toISOString().slice(0, 10);
    expect(report).toMatchObject({
      marketplace: 'practice',
      version: `${today}.1`,
      attributesFetched: 2,
      brandCount: PRACTICE_BRANDS.length,
    });
    expect(report.categoryCount).toBeGreaterThan(report.leafCount);
    // The other leaves keep the attributes the bundled snapshot brought (same id, same name).
    expect(report.attributesKept).toBe(report.leafCount - 2);
    expect(tree(temp.dbPath)).toMatchObject({ source: 'fetched', version: `${today}.1`, fetched_at: report.fetchedAt });

    // Two calls for the tree (Indonesian, English), two per leaf in use, one page of brands;
    // no access token on any of them.
    expect(received(server, '/category/tree/get')).toBe(2);
    expect(received(server, '/category/attributes/get')).toBe(4);
    expect(received(server, '/category/brands/query')).toBe(1);

    const keripik = unwrap(await core.categories.get({ id: READY_CATEGORY_ID }));
    expect(keripik.attributesKnown).toBe(true);
    expect(keripik.attributes.some((a) => a.name === 'shelf_life' && a.isMandatory)).toBe(true);

    const brands = unwrap(await core.categories.brands({ marketplace: 'practice', query: 'buatan' }));
    expect(brands).toEqual({ listed: true, fetchedAt: report.fetchedAt, names: ['Buatan Sendiri'] });
    // Brands belong to their marketplace: Lazada's list is still unknown here.
    expect(unwrap(await core.categories.brands({ marketplace: 'lazada', query: '' })).listed).toBe(false);

    // Progress of the job, from nothing to done.
    const mine = events.filter((e) => e.jobId === 'refresh-1');
    expect(mine[0]).toMatchObject({ kind: 'category-refresh', done: 0 });
    expect(mine.at(-1)).toMatchObject({ kind: 'category-refresh', done: mine.at(-1)?.total });

    // A second refresh the same day is the next version of that day.
    expect(unwrap(await refresh(core, sellerId, 'refresh-2')).version).toBe(`${today}.2`);
  });

  it('leaves the old tree, attributes and brands exactly as they were when a download fails half-way', async () => {
    const { temp, core, server, sellerId } = await setup();
    unwrap(await refresh(core, sellerId));
    const before = dumpDatabase(temp.dbPath);
    const attributeCalls = received(server, '/category/attributes/get');

    // The tree and the attributes arrive; every page of brands fails (tried three times).
    server.setFaults('5xx=1,paths=/category/brands/query');
    const failed = await refresh(core, sellerId, 'refresh-2');
    expectError(failed, { code: 'marketplace_error' });
    expect(received(server, '/category/attributes/get')).toBe(attributeCalls + 4);
    expect(received(server, '/category/brands/query')).toBe(1 + 3);
    expect(dumpDatabase(temp.dbPath)).toBe(before);

    // Once the link is good again, the refresh goes through.
    server.setFaults('');
    expect(unwrap(await refresh(core, sellerId, 'refresh-3')).brandCount).toBe(PRACTICE_BRANDS.length);
  }, 20_000);

  it('keeps the bundled snapshot and no brand list when the very first refresh fails', async () => {
    const { temp, core, server, sellerId } = await setup();
    const before = dumpDatabase(temp.dbPath);
    server.setFaults('drop=1,paths=/category/attributes/get');
    expectError(await refresh(core, sellerId), { code: 'marketplace_unreachable' });
    expect(dumpDatabase(temp.dbPath)).toBe(before);
    expect(tree(temp.dbPath)).toMatchObject({ source: 'bundled' });
  }, 20_000);

  it('stops when cancelled, and installs nothing', async () => {
    const { temp, core, server, sellerId, onProgress } = await setup();
    const before = dumpDatabase(temp.dbPath);
    server.setFaults('latency=300');
    // Cancelled once the tree has arrived, while the attributes are on their way.
    onProgress((event) => {
      if (event.jobId === 'refresh-1' && event.done >= 1) void core.jobs.cancel({ jobId: 'refresh-1' });
    });
    const started = Date.now();
    expectError(await refresh(core, sellerId), { code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(received(server, '/category/brands/query')).toBe(0);
    expect(dumpDatabase(temp.dbPath)).toBe(before);
  });

  it('needs a connected shop, and says so before any download', async () => {
    const { core } = await setup();
    const other = await addSeller(core, 'Pak Budi');
    expectError(await core.categories.refresh({ sellerId: other.id, marketplace: 'practice' }), {
      code: 'not_connected',
    });
    expectError(await core.categories.refresh({ sellerId: other.id, marketplace: 'practice', jobId: '../x' }), {
      code: 'invalid_input',
      field: 'jobId',
    });
  });

  it('downloads one leaf’s attributes on demand, and checks the leaf first', async () => {
    const { core, server, sellerId } = await setup();
    const detail = unwrap(
      await core.categories.loadAttributes({ sellerId, marketplace: 'practice', categoryId: OTHER_LEAF }),
    );
    expect(detail).toMatchObject({ id: OTHER_LEAF, attributesKnown: true });
    expect(detail.attributes.length).toBeGreaterThan(0);
    expect(received(server, '/category/attributes/get')).toBe(2);

    const root = unwrap(await core.categories.children({ parentId: null }))[0];
    expectError(
      await core.categories.loadAttributes({ sellerId, marketplace: 'practice', categoryId: root?.id ?? 0 }),
      { code: 'invalid_input', field: 'categoryId', reason: 'category_not_leaf' },
    );
    expectError(await core.categories.loadAttributes({ sellerId, marketplace: 'practice', categoryId: 999_999 }), {
      code: 'not_found',
      field: 'categoryId',
    });
    expect(received(server, '/category/attributes/get')).toBe(2);
  });
});
