import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../electron/core/practice/server';
import { addProduct, READY_CATEGORY_ID, readySku } from '../support/catalogue';
import { grantInBrowser, listingsBySku, seedShop } from '../support/uploads';
import { AllUploadsPage } from './pages/AllUploadsPage';
import { readable } from './pages/AppShell';
import { ProductListPage } from './pages/ProductListPage';
import { SellerListPage } from './pages/SellerListPage';
import { UploadsPage } from './pages/UploadsPage';
import { openApp, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';

/**
 * A real Lazada shop from the app, as a workshop does it: the trainer enters the laptop's
 * Lazada app key once ("Semua unggahan"), a participant presses "Hubungkan toko Lazada",
 * signs in on Lazada's page in the browser and comes back connected, then uploads there.
 * A practice marketplace on 127.0.0.1 stands in for Lazada (same sign-in page flow, token
 * calls, signatures and API); the browser is a second Chromium page, the redirect reaches
 * the core's own loopback listener.
 */
let suite: Suite;
let lazada: PracticeServer;
let app: AppSession;
let dir: string;

const SELLER = 'Ibu Siti Aminah';

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-lazada-'));
  lazada = await startPracticeServer({ qcDelayMs: 0 });
  app = await openApp(suite, { lazadaEndpoint: lazada.baseUrl, practiceQcDelayMs: 0 });
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  await lazada.close();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

function openUploads(): Promise<UploadsPage> {
  return UploadsPage.open(app.page, SELLER);
}

/** The address main asked the system browser to open, once it has. */
async function openedSignIn(): Promise<string> {
  await expect.poll(() => app.opened.filter((url) => url.includes('/oauth/authorize')).length).toBe(1);
  return app.opened.find((url) => url.includes('/oauth/authorize')) ?? '';
}

describe('Lazada shop from the app', () => {
  it('a trainer sets the app key once; a participant signs in through the browser and uploads there', async () => {
    const seeded = await seedShop(app.core, dir, { count: 2, photos: 2, name: SELLER });
    const all = new AllUploadsPage(app.page);
    await all.open();
    expect(await all.appState()).toBe('Belum diisi');
    expect(await all.shops.count()).toBe(0);
    expect(await all.autoSwitch.isChecked()).toBe(true);
    // Here the core keeps secrets in its plain file (no OS key store without Electron): the screen says so.
    expect(await app.page.getByTestId('secrets-unlocked').count()).toBe(1);
    await app.screenshot('lazada-01-all-uploads-empty', { fullPage: true });

    await all.setUpLazada(lazada.appKey, lazada.appSecret);
    await expect.poll(() => all.appState()).toBe(`Sudah diisi: App Key ${lazada.appKey}`);

    const uploads = await openUploads();
    expect(await uploads.lazadaState()).toBe('Belum tersambung');
    await uploads.lazadaCard.getByRole('button', { name: 'Hubungkan toko Lazada' }).click();
    await uploads.signInDialog.getByText('Menunggu izin dari Lazada…').waitFor();
    await app.screenshot('lazada-02-waiting-for-browser');

    // The participant in the system browser: Lazada's page, their shop, "Izinkan".
    const browser = await suite.browser.newPage();
    try {
      await browser.goto(await openedSignIn());
      await browser.getByLabel('Nama toko latihan baru').fill('Kripik Bu Siti');
      await browser.getByRole('button', { name: 'Izinkan' }).click();
      await browser.getByText('Toko sudah tersambung ke Akar').waitFor();
    } finally {
      await browser.close();
    }

    await uploads.signInDialog.waitFor({ state: 'detached' });
    await expect.poll(() => uploads.lazadaState()).toBe('Tersambung');
    expect(readable(await uploads.lazadaCard.textContent())).toContain('Produk dikirim ke toko ini');
    // "Lihat toko" belongs to the practice shop only.
    expect(await uploads.viewShopButton.count()).toBe(0);
    await app.screenshot('lazada-03-connected', { fullPage: true });

    // Lazada's own category list and brands, through the connected shop.
    await uploads.lazadaCard.getByRole('button', { name: 'Perbarui kategori & merek' }).click();
    await app.page.getByText(/Kategori dan merek diperbarui: \d+ kategori, \d+ merek\./).waitFor();
    expect(lazada.stats().requests['/category/brands/query']?.succeeded ?? 0).toBeGreaterThan(0);

    const seen = await uploads.upload();
    expect(seen.bar).toBe(true);
    expect(await uploads.outcomeMessage()).toContain('2 produk terkirim ke toko');
    await uploads.followQcButton.click();
    await expect.poll(() => uploads.count('live')).toBe(2);
    // On "Lazada" (the stand-in) exactly once each, with their photos.
    const onLazada = listingsBySku(lazada);
    for (const product of seeded.products) {
      expect(onLazada.get(product.skus[0]?.sellerSku.toLowerCase() ?? '')).toHaveLength(1);
    }
    expect(onLazada.size).toBe(seeded.products.length);

    // The trainer's view: the participant's Lazada shop with its two live listings.
    await all.open();
    expect(await all.rows()).toEqual([[SELLER, 'Lazada', '0', '0', '2', '0', '–', 'Buka']]);
    await all.autoSwitch.click();
    await expect.poll(() => all.autoSwitch.isChecked()).toBe(false);
    expect(unwrap(await app.core.uploads.autoUpload({})).enabled).toBe(false);
    await app.screenshot('lazada-04-all-uploads', { fullPage: true });

    // Wiping the sign-in from the shared laptop: asked once, in place.
    await all.openShopOf(SELLER);
    const again = new UploadsPage(app.page);
    await again.disconnect('lazada');
    await expect.poll(() => again.lazadaState()).toBe('Perlu disambung lagi');
    expect(readable(await again.lazadaCard.textContent())).toContain('Hubungkan lagi');
  });

  it('takes the address pasted from the browser when it cannot come back, and says what a bad one is', async () => {
    await seedShop(app.core, dir, { count: 1, photos: 1, name: SELLER });
    const uploads = await openUploads();
    await uploads.setUpLazada(lazada.appKey, lazada.appSecret);
    await uploads.lazadaCard.getByRole('button', { name: 'Hubungkan toko Lazada' }).click();
    const dialog = uploads.signInDialog;
    await dialog.getByText('Menunggu izin dari Lazada…').waitFor();

    await dialog.getByRole('textbox').fill('https://www.lazada.co.id/');
    await dialog.getByRole('button', { name: 'Pakai alamat ini' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Alamat itu tidak berisi kode izin' }).waitFor();
    await app.screenshot('lazada-05-bad-address');

    // The sign-in ran on a phone: the browser there cannot reach this laptop's listener.
    const address = await grantInBrowser(await openedSignIn(), 'Kripik Bu Siti');
    await dialog.getByRole('textbox').fill(address.href);
    await dialog.getByRole('button', { name: 'Pakai alamat ini' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => uploads.lazadaState()).toBe('Tersambung');
  });

  it('"Batal" stops waiting, and the card can start again', async () => {
    await seedShop(app.core, dir, { count: 1, photos: 1, name: SELLER });
    const uploads = await openUploads();
    await uploads.setUpLazada(lazada.appKey, lazada.appSecret);
    await uploads.lazadaCard.getByRole('button', { name: 'Hubungkan toko Lazada' }).click();
    await uploads.signInDialog.getByText('Menunggu izin dari Lazada…').waitFor();
    const redirect = new URL(await openedSignIn()).searchParams.get('redirect_uri') ?? '';
    await uploads.signInDialog.getByRole('button', { name: 'Batal' }).click();
    await uploads.signInDialog.waitFor({ state: 'detached' });
    // The listener closed with the dialog: a late redirect finds nobody.
    await expect
      .poll(() =>
        fetch(`${redirect}?code=x&state=y`).then(
          () => 'open',
          () => 'closed',
        ),
      )
      .toBe('closed');
    expect(await uploads.lazadaState()).toBe('Belum tersambung');
  });

  it('"Hentikan" stops an upload; a failing link leaves listings to try again ("Coba lagi") or leave out ("Lewati")', async () => {
    const seeded = await seedShop(app.core, dir, { count: 3, photos: 1, name: SELLER });
    const [first, second] = seeded.products.map((product) => product.name);
    await connectLazada(seeded.sellerId);
    const uploads = await openUploads();

    // A slow link: each photo takes a while, long enough to press "Hentikan".
    lazada.setFaults({ latency: 1500, paths: ['/image/upload'] });
    await uploads.uploadButton.click();
    await uploads.progress.getByRole('button', { name: 'Hentikan' }).click();
    await uploads.outcome.waitFor({ timeout: 30_000 });
    expect(await uploads.outcomeMessage()).toContain('Pengiriman dihentikan');
    expect(await uploads.count('waiting')).toBeGreaterThan(0);
    await app.screenshot('lazada-06-stopped', { fullPage: true });

    // The link answers only errors now: the upload stops by itself and says the queue is safe.
    lazada.setFaults({ '5xx': 1, paths: ['/image/upload'] });
    await uploads.uploadButton.click();
    await uploads.outcome.waitFor({ timeout: 60_000 });
    await uploads.progress.waitFor({ state: 'detached' });
    expect(await uploads.outcomeMessage()).toContain('Sisa antrean aman');
    const skip = uploads.main.getByRole('button', { name: `Lewati ${first}` });
    const retry = uploads.main.getByRole('button', { name: `Coba lagi ${second}` });
    await retry.waitFor();
    await app.screenshot('lazada-07-link-failing', { fullPage: true });

    await skip.click();
    await expect.poll(() => uploads.listingState(first ?? '')).toBe('Dilewati');

    // The link is back: "Coba lagi" sends what is waiting now, not at its backoff time.
    lazada.setFaults({});
    await retry.click();
    await expect.poll(() => uploads.count('waiting'), { timeout: 60_000 }).toBe(0);
    const onLazada = listingsBySku(lazada);
    expect(onLazada.size).toBe(2);
    expect(onLazada.has(seeded.products[0]?.skus[0]?.sellerSku.toLowerCase() ?? '')).toBe(false);
    expect(await uploads.listingState(first ?? '')).toBe('Dilewati');
  });

  it('after a category refresh, a category whose details are not here gets them with one button', async () => {
    const seeded = await seedShop(app.core, dir, { count: 1, photos: 1, name: SELLER });
    await connectLazada(seeded.sellerId);
    const refreshed = unwrap(await app.core.categories.refresh({ sellerId: seeded.sellerId, marketplace: 'lazada' }));
    expect(refreshed.attributesFetched).toBeGreaterThan(0);
    // A leaf nobody used before the refresh: its questions stayed at the marketplace.
    const leaf = await forgetAttributesOfALeaf(READY_CATEGORY_ID);
    expect(unwrap(await app.core.categories.get({ id: leaf })).attributesKnown).toBe(false);
    await addProduct(app.core, seeded.sellerId, 'Dodol Garut Durian', [readySku({ sellerSku: 'DG-01' })], {
      categoryId: leaf,
    });

    await app.page.reload();
    await new SellerListPage(app.page).open(SELLER);
    await new ProductListPage(app.page).edit('Dodol Garut Durian');
    const fetchButton = app.page.getByRole('button', { name: 'Ambil keterangan dari marketplace' });
    await fetchButton.waitFor();
    await fetchButton.scrollIntoViewIfNeeded();
    await app.screenshot('lazada-08-category-details-missing');
    await fetchButton.click();
    await app.page.getByTestId('attributes').waitFor();
    expect(unwrap(await app.core.categories.get({ id: leaf })).attributesKnown).toBe(true);
  });
});

/**
 * A leaf of the installed tree other than `usedLeaf`, made to look like one the refresh
 * left at the marketplace (a real Lazada tree has thousands; the practice one is small and
 * the refresh keeps what it knew): its attributes are removed from the database directly.
 */
async function forgetAttributesOfALeaf(usedLeaf: number): Promise<number> {
  const queue = unwrap(await app.core.categories.children({ parentId: null }));
  let leaf: number | undefined;
  while (queue.length > 0 && leaf === undefined) {
    const next = queue.shift();
    if (!next) break;
    if (!next.leaf) queue.push(...unwrap(await app.core.categories.children({ parentId: next.id })));
    else if (next.id !== usedLeaf && unwrap(await app.core.categories.get({ id: next.id })).attributes.length > 0) {
      leaf = next.id;
    }
  }
  if (leaf === undefined) throw new Error('no other leaf with attributes');
  const db = new Database(path.join(app.dataDir, 'akar.db'));
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM category_attributes WHERE category_id = ?').run(leaf);
      db.prepare('UPDATE categories SET attributes_known = 0 WHERE id = ?').run(leaf);
    })();
  } finally {
    db.close();
  }
  return leaf;
}

/** The participant's Lazada shop connected through the core (the sign-in has its own tests). */
async function connectLazada(sellerId: number): Promise<void> {
  unwrap(await app.core.uploads.setLazadaApp({ appKey: lazada.appKey, appSecret: lazada.appSecret }));
  unwrap(
    await app.core.uploads.connect({
      sellerId,
      marketplace: 'lazada',
      endpoint: lazada.baseUrl,
      appKey: lazada.appKey,
      accessToken: lazada.issueToken('Kripik Bu Siti').accessToken,
    }),
  );
}
