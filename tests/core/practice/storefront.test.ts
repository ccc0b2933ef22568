import { afterEach, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../electron/core/practice/html';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { create, dataOf, sku, uploadImage, whiteCanvasJpeg } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function html(url: string): Promise<{ status: number; csp: string | null; body: string }> {
  const response = await fetch(url);
  return { status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('practice storefront', () => {
  it('formats rupiah the Indonesian way', () => {
    expect(formatRupiah(15000)).toBe('Rp15.000');
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
    expect(formatRupiah(500)).toBe('Rp500');
  });

  it('shows shops, live listings as cards with rupiah prices, the owner line, and item pages', async () => {
    server = await startPracticeServer({ qcDelayMs: 0 });
    const s = server;
    const { accessToken, sellerId } = s.issueToken('Keripik Bu Ani');
    const image = await uploadImage(s, accessToken, await whiteCanvasJpeg(600));
    const live = dataOf<{ item_id: number }>(
      await create(s, accessToken, {
        images: [image],
        name: 'Keripik Singkong Pedas',
        description:
          '<p>Keripik <b>renyah</b> buatan rumah.</p><script>alert(1)</script><img src="http://x/y.png">\nTanpa pengawet, tahan 3 bulan.',
        skus: [
          sku('K-1', { price: '15000', color_family: 'Pedas' }),
          sku('K-2', { price: '17500', special_price: '16000', color_family: 'Original' }),
        ],
      }),
    );
    // Names with < > are refused by the create (4129); hostile text can still come in as a shop name or a variant.
    expect(
      (await create(s, accessToken, { images: [image], name: '<script>alert("x")</script> Wajan', skus: [sku('K-3')] }))
        .json.code,
    ).toBe('4129');
    const hostile = s.issueToken('<script>alert("x")</script> Toko');
    await create(s, hostile.accessToken, {
      images: [image],
      skus: [sku('H-1', { color_family: '<img src=x onerror=alert(1)>' })],
    });
    await create(s, accessToken, { images: [image], name: 'Wajan Promo', skus: [sku('K-4')] });
    s.setFaults('drop=1'); // the storefront is never faulted

    const home = await html(s.storefrontUrl);
    expect(home.status).toBe(200);
    expect(home.body).toContain('Toko Latihan Akar');
    expect(home.body).toContain(`/shop/${sellerId}`);
    expect(home.csp).toContain("default-src 'none'");
    expect(home.csp).toContain("img-src 'self'");

    const shop = await html(`${s.baseUrl}/shop/${sellerId}`);
    expect(shop.body).toContain('Keripik Singkong Pedas');
    expect(shop.body).toContain('Rp15.000 – Rp16.000');
    expect(shop.body).toContain('2 varian');
    expect(shop.body).toContain('1 ditolak');
    expect(shop.body).toContain(new URL(image).pathname);
    expect(shop.body).not.toContain('<script>');
    const hostileShop = await html(`${s.baseUrl}/shop/${hostile.sellerId}`);
    expect(hostileShop.body).not.toContain('<script>');
    expect(hostileShop.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Toko');
    expect((await html(s.storefrontUrl)).body).not.toContain('<script>');
    const hostileItem = await html(
      `${s.baseUrl}/shop/${hostile.sellerId}/item/${s.listings(hostile.sellerId)[0]?.itemId}`,
    );
    expect(hostileItem.body).not.toContain('<img src=x');
    expect(hostileItem.body).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const item = await html(`${s.baseUrl}/shop/${sellerId}/item/${live.item_id}`);
    expect(item.body).toContain('<b>renyah</b>');
    expect(item.body).not.toContain('<script>');
    expect(item.body).not.toContain('<img src="http');
    expect(item.body).toContain('Rp17.500');
    expect(item.body).toContain('Original');

    const english = await html(`${s.baseUrl}/shop/${sellerId}?lang=en`);
    expect(english.body).toContain('Akar Practice Shop');
    expect(english.body).toContain('2 variants');

    expect((await html(`${s.baseUrl}/shop/999`)).status).toBe(404);
    expect((await html(`${s.baseUrl}/shop/${sellerId}/item/1`)).status).toBe(404);
  });

  it('tells the owner how many are still being checked', async () => {
    server = await startPracticeServer({ qcDelayMs: 60_000, language: 'id' });
    const { accessToken, sellerId } = server.issueToken('Toko Ani');
    const image = await uploadImage(server, accessToken, await whiteCanvasJpeg(600));
    for (const code of ['A', 'B', 'C']) await create(server, accessToken, { images: [image], skus: [sku(code)] });
    const shop = await html(`${server.baseUrl}/shop/${sellerId}`);
    expect(shop.body).toContain('3 produk sedang diperiksa');
    expect(shop.body).toContain('Belum ada produk yang tayang');
  });
});
