import { afterEach, describe, expect, it } from 'vitest';
import { lazadaSignature } from '../../../electron/core/marketplace/lazada/sign';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { call, dataOf, testClock } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('practice marketplace gateway', () => {
  it('answers a signed call with the success envelope and a Date header from its own clock', async () => {
    const clock = testClock();
    server = await startPracticeServer({ clock: clock.now });
    const { accessToken } = server.issueToken('Toko Ani');
    const result = await call(server, '/products/get', { filter: 'all' }, { accessToken, timestamp: clock.now() });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ code: '0', data: { total_products: 0, products: [] } });
    expect(typeof result.json.request_id).toBe('string');
    expect(Date.parse(result.headers.get('date') ?? '')).toBe(Math.floor(clock.now() / 1000) * 1000);
  });

  it('refuses a wrong secret, an unknown app key, a bad sign method and a stale timestamp', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    const wrongSecret = await call(server, '/products/get', {}, { accessToken, secret: 'not-the-secret' });
    expect(wrongSecret.json).toMatchObject({ type: 'SYSTEM', code: 'IncompleteSignature' });
    const wrongKey = await call(server, '/products/get', {}, { accessToken, appKey: '999' });
    expect(wrongKey.json).toMatchObject({ code: 'InvalidAppKey' });
    const stale = await call(server, '/products/get', {}, { accessToken, timestamp: Date.now() - 7201_000 });
    expect(stale.json).toMatchObject({ code: 'InvalidTimestamp' });
    const nearEdge = await call(server, '/products/get', {}, { accessToken, timestamp: Date.now() - 7000_000 });
    expect(nearEdge.json.code).toBe('0');

    const params: Record<string, string> = {
      app_key: server.appKey,
      timestamp: String(Date.now()),
      sign_method: 'md5',
      access_token: accessToken,
    };
    params.sign = lazadaSignature('/products/get', params, server.appSecret);
    const md5 = await fetch(`${server.apiUrl}/products/get?${new URLSearchParams(params)}`);
    expect(await md5.json()).toMatchObject({ code: 'IncompleteSignature' });
    expect(server.stats().requests['/products/get']).toMatchObject({ received: 5, refused: 4, processed: 1 });
  });

  it('refuses a missing, unknown or expired access token (expiry by the injected clock)', async () => {
    const clock = testClock();
    server = await startPracticeServer({ clock: clock.now, tokenTtl: { accessMs: 60_000 } });
    const { accessToken } = server.issueToken('Toko Ani');
    const none = await call(server, '/products/get', {}, { timestamp: clock.now() });
    expect(none.json).toMatchObject({ code: 'IllegalAccessToken', type: 'SYSTEM' });
    const unknown = await call(server, '/products/get', {}, { accessToken: 'nope', timestamp: clock.now() });
    expect(unknown.json).toMatchObject({ code: 'IllegalAccessToken' });
    expect((await call(server, '/products/get', {}, { accessToken, timestamp: clock.now() })).json.code).toBe('0');
    clock.advance(60_001);
    const expired = await call(server, '/products/get', {}, { accessToken, timestamp: clock.now() });
    expect(expired.json).toMatchObject({ code: 'IllegalAccessToken' });
  });

  it('merges query and body parameters (the body wins) and signs them all', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    // limit in the query, filter in the body: both are signed and both apply.
    const result = await call(
      server,
      '/products/get',
      { filter: 'live' },
      { method: 'POST', accessToken, query: { limit: '5' } },
    );
    expect(result.json.code).toBe('0');
    // A clash: the query says limit=500 (invalid), the body says 5 (valid); the signature covers the merged set.
    const all: Record<string, string> = {
      app_key: server.appKey,
      timestamp: String(Date.now()),
      sign_method: 'sha256',
      access_token: accessToken,
      limit: '5',
    };
    all.sign = lazadaSignature('/products/get', all, server.appSecret);
    const clash = await fetch(`${server.apiUrl}/products/get?limit=500`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(all).toString(),
    });
    expect(((await clash.json()) as { code: string }).code).toBe('0');
  });

  it('answers an unknown API path with InvalidApiPath and bounds request bodies', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    const unknown = await call(server, '/order/get', {}, { accessToken });
    expect(unknown.json).toMatchObject({ code: 'InvalidApiPath' });
    const huge = await fetch(`${server.apiUrl}/product/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `payload=${'x'.repeat(8 * 1024 * 1024 + 10)}`,
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'InvalidParameter' });
  });

  it('serves the category tree, attributes and brands from the bundled snapshot', async () => {
    server = await startPracticeServer();
    const tree = dataOf<{ category_id: number; leaf: boolean; name: string }[]>(
      await call(server, '/category/tree/get', { language_code: 'id_ID' }),
    );
    expect(tree.length).toBeGreaterThan(3);
    expect(tree[0]).toMatchObject({ leaf: false });
    const attributes = dataOf<{ name: string; is_mandatory: number }[]>(
      await call(server, '/category/attributes/get', { primary_category_id: '13891072', language_code: 'id_ID' }),
    );
    expect(attributes.find((a) => a.name === 'shelf_life')?.is_mandatory).toBe(1);
    const notLeaf = await call(server, '/category/attributes/get', { primary_category_id: '74835' });
    expect(notLeaf.json.code).toBe('InvalidParameter');
    // In `module`, as Lazada's GetBrandByPages answers (the client reads it there).
    const brands = dataOf<{ module: { name: string }[] }>(
      await call(server, '/category/brands/query', { startRow: '0', pageSize: '20' }),
    );
    expect(brands.module.map((b) => b.name)).toContain('No Brand');
  });
});
