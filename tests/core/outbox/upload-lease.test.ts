import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../electron/core';
import { holderAlive, LEASE_MS, type LeaseClaim, type LeaseHolder } from '../../../electron/core/outbox/lease';
import { OutboxStore } from '../../../electron/core/outbox/store';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { unwrap } from '../../support/results';
import { tempCore, tempDir } from '../../support/temp';
import { connectPractice, productPhoto, seedShop, type ShopSeed } from '../../support/uploads';

const root = path.resolve(import.meta.dirname, '../../..');

/** Generous budgets: these tests are about who sends what, not pacing. */
const ENGINE: NonNullable<CoreOptions['uploadEngine']> = {
  limits: {
    image: { perSecond: 200, burst: 20 },
    create: { perSecond: 200, burst: 20 },
    update: { perSecond: 200, burst: 20 },
    lookup: { perSecond: 200, burst: 20 },
  },
};

let servers: PracticeServer[] = [];
let children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children = [];
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function practice(): Promise<PracticeServer> {
  // No server-side throttling: every photo request the engines send is then an upload.
  const server = await startPracticeServer({ qcDelayMs: 3_600_000, qps: { default: 1000, '/image/upload': 1000 } });
  servers.push(server);
  return server;
}

/** A process that stays alive until killed: the "other Akar" whose lease must be respected. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The pid of a process that ran and is gone (reaped), as a SIGKILLed uploader leaves behind. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await exited(child);
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

function openDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Writes a lease on the upload of `productId` as another process would have. */
function leaseRow(file: string, productId: number, holder: LeaseHolder, until: number): void {
  const db = openDb(file);
  try {
    db.prepare(
      'UPDATE uploads SET lease_owner = ?, lease_pid = ?, lease_host = ?, lease_until = ? WHERE product_id = ?',
    ).run(holder.owner, holder.pid, holder.host, iso(until), productId);
  } finally {
    db.close();
  }
}

interface UploadState {
  state: string;
  lease_owner: string | null;
}

function uploadOf(file: string, productId: number): UploadState | undefined {
  const db = openDb(file);
  try {
    return db.prepare('SELECT state, lease_owner FROM uploads WHERE product_id = ?').get(productId) as
      UploadState | undefined;
  } finally {
    db.close();
  }
}

/** Leases still held once every drain has ended: none, rows and photos alike. */
function leftoverLeases(file: string): { rows: number; images: number } {
  const db = openDb(file);
  try {
    const rows = db.prepare('SELECT count(*) AS n FROM uploads WHERE lease_owner IS NOT NULL').get() as { n: number };
    const images = db.prepare('SELECT count(*) AS n FROM remote_image_leases').get() as { n: number };
    return { rows: rows.n, images: images.n };
  } finally {
    db.close();
  }
}

/** Gives every product of the shop one more photo, the same picture for all (a size chart, say). */
async function addSharedPhoto(core: Core, dir: string, shop: ShopSeed): Promise<void> {
  const shared = path.join(dir, `shared-${shop.sellerId}`);
  fs.mkdirSync(shared, { recursive: true });
  const bytes = await productPhoto(999_999);
  for (const product of shop.products) {
    fs.writeFileSync(path.join(shared, `${product.skus[0]?.sellerSku ?? ''}_3.jpg`), bytes);
  }
  unwrap(await core.photos.importFiles([shared], { sellerId: shop.sellerId }));
  unwrap(await core.photos.process({ action: 'start', wait: true, sellerId: shop.sellerId }));
}

/** A fetch that counts the creates and photo uploads this core itself sends. */
function countingFetch(): { fetch: typeof fetch; sent: { creates: number; images: number } } {
  const sent = { creates: 0, images: 0 };
  return {
    sent,
    fetch: (input, init) => {
      const pathname = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if (pathname.endsWith('/product/create')) sent.creates += 1;
      if (pathname.endsWith('/image/upload')) sent.images += 1;
      return fetch(input, init);
    },
  };
}

/** Every listing created exactly once and every photo uploaded exactly once. */
function expectEachOnce(server: PracticeServer, listings: number, photos: number): void {
  const stats = server.stats();
  expect(stats.items).toBe(listings);
  expect(Object.values(stats.createsBySellerSku)).toHaveLength(listings);
  expect(Object.values(stats.createsBySellerSku).every((n) => n === 1)).toBe(true);
  expect(Object.keys(stats.imageUploads)).toHaveLength(photos);
  expect(
    Object.values(stats.imageUploads).every((n) => n === 1),
    JSON.stringify(stats.imageUploads),
  ).toBe(true);
}

describe('two Akars draining one shop at once', () => {
  it('two cores in one process split the work; every listing and every photo goes once', async () => {
    const dir = tempDir();
    const a = countingFetch();
    const b = countingFetch();
    const temp = tempCore({ uploadEngine: ENGINE, fetch: a.fetch, marketplaceTimeoutMs: 5_000 });
    const server = await practice();
    const shop = await seedShop(temp.core, dir, { count: 24, photos: 2 });
    await addSharedPhoto(temp.core, dir, shop);
    await connectPractice(temp.core, server, shop.sellerId);
    unwrap(await temp.core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    a.sent.creates = 0;
    a.sent.images = 0;
    const other = createCore({
      dataDir: temp.dataDir,
      uploadEngine: ENGINE,
      fetch: b.fetch,
      marketplaceTimeoutMs: 5_000,
    });
    try {
      const [first, second] = await Promise.all(
        [temp.core, other].map(async (core) =>
          // Both wait for the other's rows, as the CLI does, so both end with the whole shop.
          unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice', waitForOthers: true })),
        ),
      );
      // Neither says "done" while the other still sends: both end with the whole shop in QC.
      expect(first?.outcome).toBe('done');
      expect(second?.outcome).toBe('done');
      expect(first?.counts.in_qc).toBe(24);
      expect(second?.counts.in_qc).toBe(24);
    } finally {
      await other.close();
    }
    // 24 listings × 2 photos of their own, and one photo all of them share.
    expectEachOnce(server, 24, 24 * 2 + 1);
    expect(a.sent.creates + b.sent.creates).toBe(24);
    expect(a.sent.images + b.sent.images).toBe(24 * 2 + 1);
    expect(a.sent.creates, 'the first core sent some').toBeGreaterThan(0);
    expect(b.sent.creates, 'the second core sent some').toBeGreaterThan(0);
    expect(leftoverLeases(temp.dbPath)).toEqual({ rows: 0, images: 0 });
  }, 60_000);

  it('two processes (the app and the CLI) on one data dir split the work; each listing and photo goes once', async () => {
    const dir = tempDir();
    const temp = tempCore({ uploadEngine: ENGINE });
    const server = await practice();
    const shop = await seedShop(temp.core, dir, { count: 30, photos: 2 });
    await addSharedPhoto(temp.core, dir, shop);
    await connectPractice(temp.core, server, shop.sellerId);
    unwrap(await temp.core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    temp.core.close();

    // Both load first, then start at the same moment.
    const startAt = Date.now() + 4_000;
    const run = () =>
      new Promise<{ outcome: string; creates: number; images: number }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(root, 'tests/core/outbox/lease-drainer.ts'),
            temp.dataDir,
            String(shop.sellerId),
            String(startAt),
          ],
          { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        children.push(child);
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => {
          const done = /^done (.*)$/m.exec(out)?.[1];
          if (code === 0 && done !== undefined) {
            resolve(JSON.parse(done) as { outcome: string; creates: number; images: number });
          } else reject(new Error(`drainer exited ${code}: ${out}`));
        });
      });
    const [app, cli] = await Promise.all([run(), run()]);
    expect(app?.outcome).toBe('done');
    expect(cli?.outcome).toBe('done');
    expectEachOnce(server, 30, 30 * 2 + 1);
    expect((app?.creates ?? 0) + (cli?.creates ?? 0)).toBe(30);
    expect((app?.images ?? 0) + (cli?.images ?? 0)).toBe(30 * 2 + 1);
    expect(app?.creates, 'the first process sent some').toBeGreaterThan(0);
    expect(cli?.creates, 'the second process sent some').toBeGreaterThan(0);
    expect(leftoverLeases(temp.dbPath)).toEqual({ rows: 0, images: 0 });
  }, 90_000);
});

describe('leases left by others', () => {
  async function shopWithQueue(count: number) {
    const dir = tempDir();
    const temp = tempCore({ uploadEngine: ENGINE, marketplaceTimeoutMs: 5_000 });
    const server = await practice();
    const shop = await seedShop(temp.core, dir, { count, photos: 1 });
    await connectPractice(temp.core, server, shop.sellerId);
    unwrap(await temp.core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const drain = async (waitForOthers = false) =>
      unwrap(await temp.core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice', waitForOthers }));
    return { temp, server, shop, drain };
  }

  it('takes over at once a lease whose holder was killed, without waiting for its expiry', async () => {
    const { temp, server, shop, drain } = await shopWithQueue(3);
    const [first] = shop.products;
    if (!first) throw new Error('seed failed');
    const holder = { owner: 'killed-uploader', pid: await deadPid(), host: os.hostname() };
    leaseRow(temp.dbPath, first.id, holder, Date.now() + LEASE_MS);

    const started = performance.now();
    const report = await drain();
    expect(report.outcome).toBe('done');
    expect(report.counts.in_qc).toBe(3);
    // "At once": far inside the two-minute expiry.
    expect(performance.now() - started).toBeLessThan(15_000);
    expectEachOnce(server, 3, 3);
    expect(uploadOf(temp.dbPath, first.id)).toEqual({ state: 'in_qc', lease_owner: null });
  });

  it('takes over an expired lease even when its holder is still running', async () => {
    const { temp, server, shop, drain } = await shopWithQueue(2);
    const [first] = shop.products;
    if (!first) throw new Error('seed failed');
    const other = liveProcess();
    leaseRow(temp.dbPath, first.id, { owner: 'asleep', pid: other.pid ?? 0, host: os.hostname() }, Date.now() - 1);

    const report = await drain();
    expect(report.outcome).toBe('done');
    expect(report.counts.in_qc).toBe(2);
    expectEachOnce(server, 2, 2);
  });

  it('leaves a listing alone while a live process holds it, and takes it over once that process dies', async () => {
    const { temp, server, shop, drain } = await shopWithQueue(3);
    const [first] = shop.products;
    if (!first) throw new Error('seed failed');
    const sku = first.skus[0]?.sellerSku ?? '';
    const other = liveProcess();
    leaseRow(
      temp.dbPath,
      first.id,
      { owner: 'the-app', pid: other.pid ?? 0, host: os.hostname() },
      Date.now() + LEASE_MS,
    );

    let settled = false;
    // As the CLI drains: it waits for the other's rows.
    const draining = drain(true).finally(() => (settled = true));
    // The two free listings go; the held one waits, and the drain waits with it.
    const deadline = Date.now() + 15_000;
    while (server.stats().items < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(server.stats().items).toBe(2);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(settled).toBe(false);
    expect(server.stats().items).toBe(2);
    expect(server.stats().createsBySellerSku[sku]).toBeUndefined();
    expect(uploadOf(temp.dbPath, first.id)).toEqual({ state: 'queued', lease_owner: 'the-app' });

    other.kill('SIGKILL');
    await exited(other);
    const report = await draining;
    expect(report.outcome).toBe('done');
    expect(report.counts.in_qc).toBe(3);
    expectEachOnce(server, 3, 3);
  }, 30_000);

  it('an app drain sends the rest and says "elsewhere" at once, leaving the held listing to its holder', async () => {
    const { temp, server, shop, drain } = await shopWithQueue(3);
    const [first] = shop.products;
    if (!first) throw new Error('seed failed');
    const other = liveProcess();
    try {
      leaseRow(
        temp.dbPath,
        first.id,
        { owner: 'the-cli', pid: other.pid ?? 0, host: os.hostname() },
        Date.now() + LEASE_MS,
      );
      const started = performance.now();
      const report = await drain();
      expect(report.outcome).toBe('elsewhere');
      expect(report.counts.in_qc).toBe(2);
      // No 2-minute wait for the other's lease, and no busy loop while it lasts.
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(uploadOf(temp.dbPath, first.id)).toEqual({ state: 'queued', lease_owner: 'the-cli' });
      expect(server.stats().items).toBe(2);
    } finally {
      other.kill('SIGKILL');
      await exited(other);
    }
  }, 30_000);
});

describe('OutboxStore leases', () => {
  /** A shop with `count` queued uploads and two connections to its database, as two processes have. */
  async function twoStores(count: number) {
    const dir = tempDir();
    const temp = tempCore({ uploadEngine: ENGINE });
    const server = await practice();
    const shop = await seedShop(temp.core, dir, { count, photos: 1 });
    const connection = await connectPractice(temp.core, server, shop.sellerId);
    unwrap(await temp.core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const app = openDb(temp.dbPath);
    const cli = openDb(temp.dbPath);
    const now = () => new Date().toISOString();
    return {
      connectionId: connection.id,
      app: { db: app, store: new OutboxStore(app, now) },
      cli: { db: cli, store: new OutboxStore(cli, now) },
      close: () => {
        app.close();
        cli.close();
      },
    };
  }

  const at = Date.parse('2030-01-01T00:00:00.000Z');
  function claimBy(owner: string, pid: number, nowMs = at, alive: (h: LeaseHolder) => boolean = () => true) {
    return {
      owner: { id: owner, pid, host: os.hostname() },
      now: iso(nowMs),
      until: iso(nowMs + LEASE_MS),
      alive,
    } satisfies LeaseClaim;
  }

  it('claims each due row for one owner: the second finds the next rows, never the first one’s', async () => {
    const { connectionId, app, cli, close } = await twoStores(4);
    try {
      const mine = app.db.transaction(() => app.store.claimDue(connectionId, 2, [], claimBy('app', 101)))();
      const theirs = cli.db.transaction(() => cli.store.claimDue(connectionId, 4, [], claimBy('cli', 102)))();
      expect(mine.map((row) => row.lease_owner)).toEqual(['app', 'app']);
      expect(theirs.map((row) => row.lease_owner)).toEqual(['cli', 'cli']);
      expect(new Set([...mine, ...theirs].map((row) => row.id)).size).toBe(4);
      expect(cli.store.heldByOthers(connectionId, 'cli')).toBe(2);

      // Released: the other may claim it.
      const [released] = mine;
      app.store.releaseLease(released?.id ?? 0, 'app');
      const next = cli.db.transaction(() => cli.store.claimDue(connectionId, 4, [], claimBy('cli', 102)))();
      expect(next.map((row) => row.id)).toContain(released?.id);
    } finally {
      close();
    }
  });

  it('takes over a dead holder’s rows at once and an expired lease later; a taken row’s old holder cannot write', async () => {
    const { connectionId, app, cli, close } = await twoStores(2);
    try {
      const held = app.db.transaction(() => app.store.claimDue(connectionId, 2, [], claimBy('app', 101)))();
      expect(held).toHaveLength(2);
      // Alive and not expired: nothing for the CLI.
      expect(cli.db.transaction(() => cli.store.claimDue(connectionId, 2, [], claimBy('cli', 102)))()).toEqual([]);
      // The app's pid is gone: taken over at once.
      const dead = claimBy('cli', 102, at, (holder) => holder.owner !== 'app');
      const taken = cli.db.transaction(() => cli.store.claimDue(connectionId, 1, [], dead))();
      expect(taken.map((row) => row.lease_owner)).toEqual(['cli']);
      // The app, had it only been asleep, finds out at its next step and writes nothing.
      expect(app.store.renewLease(taken[0]?.id ?? 0, 'app', iso(at + LEASE_MS))).toBe(false);
      // The app's other row: alive holder, so taken only once its lease ran out.
      const ownRow = [taken[0]?.id ?? 0];
      expect(cli.db.transaction(() => cli.store.claimDue(connectionId, 2, ownRow, claimBy('cli', 102)))()).toEqual([]);
      const later = claimBy('cli', 102, at + LEASE_MS + 1);
      expect(cli.db.transaction(() => cli.store.claimDue(connectionId, 2, [], later))()).toHaveLength(2);
    } finally {
      close();
    }
  });

  it('counts a holder on another computer as alive until its lease expires, whatever its pid', async () => {
    const { connectionId, app, cli, close } = await twoStores(1);
    try {
      const pid = await deadPid();
      const elsewhere = { ...claimBy('laptop-2', pid), owner: { id: 'laptop-2', pid, host: 'another-laptop' } };
      expect(app.db.transaction(() => app.store.claimDue(connectionId, 1, [], elsewhere))()).toHaveLength(1);
      const here = { ...claimBy('cli', 102), alive: holderAlive };
      expect(cli.db.transaction(() => cli.store.claimDue(connectionId, 1, [], here))()).toEqual([]);
      // On this host the same dead pid would be taken over at once.
      expect(holderAlive({ owner: 'x', pid, host: os.hostname() })).toBe(false);
      expect(holderAlive({ owner: 'x', pid: process.pid, host: os.hostname() })).toBe(true);
    } finally {
      close();
    }
  });

  it('takes the lease away on skip, and refuses a half-written lease', async () => {
    const { connectionId, app, close } = await twoStores(1);
    try {
      const [row] = app.db.transaction(() => app.store.claimDue(connectionId, 1, [], claimBy('app', 101)))();
      expect(app.store.skip(row?.id ?? 0)).toBe(true);
      expect(app.store.get(row?.id ?? 0)?.lease_owner).toBeNull();
      expect(app.store.renewLease(row?.id ?? 0, 'app', iso(at + LEASE_MS))).toBe(false);
      expect(() => app.db.prepare("UPDATE uploads SET lease_owner = 'x' WHERE id = ?").run(row?.id ?? 0)).toThrow(
        /CHECK constraint/,
      );
    } finally {
      close();
    }
  });

  it('lets one owner at a time send a photo of the shop', async () => {
    const { connectionId, app, cli, close } = await twoStores(1);
    try {
      const sha = 'a'.repeat(64);
      expect(app.store.claimImage(connectionId, sha, claimBy('app', 101))).toBe(true);
      // Claiming again is renewing.
      expect(app.store.claimImage(connectionId, sha, claimBy('app', 101))).toBe(true);
      expect(cli.store.claimImage(connectionId, sha, claimBy('cli', 102))).toBe(false);
      // A dead holder, or an expired claim, is taken over.
      expect(
        cli.store.claimImage(
          connectionId,
          sha,
          claimBy('cli', 102, at, (h) => h.owner !== 'app'),
        ),
      ).toBe(true);
      expect(app.store.renewImageLease(connectionId, sha, 'app', iso(at + LEASE_MS))).toBe(false);
      expect(app.store.claimImage(connectionId, sha, claimBy('app', 101, at + LEASE_MS + 1))).toBe(true);
      // Released once sent: anyone's again.
      app.store.releaseImageLease(connectionId, sha, 'app');
      expect(cli.store.claimImage(connectionId, sha, claimBy('cli', 102))).toBe(true);
    } finally {
      close();
    }
  });
});
