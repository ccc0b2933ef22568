import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { call, testClock } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const REDIRECT = 'http://127.0.0.1:45678/callback';

function authorizeQuery(s: PracticeServer, redirect = REDIRECT): string {
  return new URLSearchParams({
    response_type: 'code',
    force_auth: 'true',
    client_id: s.appKey,
    redirect_uri: redirect,
    state: 'st<at>e',
  }).toString();
}

/** Presses "Izinkan" with this form and returns the redirect's code. */
async function allow(
  s: PracticeServer,
  fields: Record<string, string>,
): Promise<{ code: string; state: string | null }> {
  const response = await fetch(s.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code',
      client_id: s.appKey,
      redirect_uri: REDIRECT,
      state: 'st<at>e',
      ...fields,
    }).toString(),
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return { code: location.searchParams.get('code') ?? '', state: location.searchParams.get('state') };
}

describe('practice OAuth', () => {
  it('shows the "Toko latihan" page, redirects with a code, and the code gives tokens that refresh', async () => {
    server = await startPracticeServer();
    const pageResponse = await fetch(`${server.authorizeUrl}?${authorizeQuery(server)}`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await pageResponse.text();
    expect(html).toContain('Toko Latihan Akar');
    expect(html).toContain('Izinkan');
    expect(html).toContain('st&lt;at&gt;e');
    expect(html).not.toContain('st<at>e');

    const { code, state } = await allow(server, { shop_name: 'Keripik Bu Ani' });
    expect(state).toBe('st<at>e');
    const created = await call(server, '/auth/token/create', { code }, { method: 'POST' });
    // Lazada puts token fields beside `code`, not in `data`.
    expect(created.json).toMatchObject({
      code: '0',
      country: 'id',
      expires_in: 7 * 24 * 3600,
      refresh_expires_in: 30 * 24 * 3600,
    });
    const info = (created.json.country_user_info as { country: string; seller_id: string; short_code: string }[])[0];
    expect(info).toMatchObject({ country: 'id' });
    expect(info?.seller_id).toMatch(/^\d+$/);
    const accessToken = created.json.access_token as string;
    const refreshToken = created.json.refresh_token as string;
    expect((await call(server, '/products/get', {}, { accessToken })).json.code).toBe('0');

    const refreshed = await call(server, '/auth/token/refresh', { refresh_token: refreshToken }, { method: 'POST' });
    expect(refreshed.json.code).toBe('0');
    expect(refreshed.json.access_token).not.toBe(accessToken);
    expect(
      (await call(server, '/products/get', {}, { accessToken: refreshed.json.access_token as string })).json.code,
    ).toBe('0');
    const bad = await call(server, '/auth/token/refresh', { refresh_token: 'nope' }, { method: 'POST' });
    expect(bad.json).toMatchObject({ code: 'IllegalRefreshToken' });

    // The same shop can be picked again on the next visit.
    const again = await (await fetch(`${server.authorizeUrl}?${authorizeQuery(server)}`)).text();
    expect(again).toContain('Keripik Bu Ani');
    const picked = await allow(server, { seller_id: info?.seller_id ?? '', shop_name: '' });
    const second = await call(server, '/auth/token/create', { code: picked.code }, { method: 'POST' });
    expect((second.json.country_user_info as { seller_id: string }[])[0]?.seller_id).toBe(info?.seller_id);
  });

  it('makes codes single-use and 30-minute', async () => {
    const clock = testClock(Date.now());
    server = await startPracticeServer({ clock: clock.now });
    const first = await allow(server, { shop_name: 'Toko A' });
    expect((await call(server, '/auth/token/create', { code: first.code }, { method: 'POST' })).json.code).toBe('0');
    const reused = await call(server, '/auth/token/create', { code: first.code }, { method: 'POST' });
    expect(reused.json).toMatchObject({ code: 'InvalidCode' });
    const late = await allow(server, { shop_name: 'Toko A' });
    clock.advance(30 * 60_000 + 1);
    const expired = await call(
      server,
      '/auth/token/create',
      { code: late.code },
      { method: 'POST', timestamp: clock.now() },
    );
    expect(expired.json).toMatchObject({ code: 'InvalidCode' });
  });

  it('refuses redirects off this laptop, unknown apps, and an empty shop name', async () => {
    server = await startPracticeServer();
    for (const redirect of ['https://evil.example/cb', 'http://192.168.1.5/cb', 'javascript:alert(1)']) {
      const response = await fetch(`${server.authorizeUrl}?${authorizeQuery(server, redirect)}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('127.0.0.1');
    }
    const post = await fetch(server.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: server.appKey,
        redirect_uri: 'https://evil.example/',
        shop_name: 'x',
      }).toString(),
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('location')).toBeNull();
    const unknownApp = await fetch(
      `${server.authorizeUrl}?${new URLSearchParams({ response_type: 'code', client_id: 'zzz', redirect_uri: REDIRECT })}`,
    );
    expect(unknownApp.status).toBe(400);
    const empty = await fetch(server.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: server.appKey,
        redirect_uri: REDIRECT,
        shop_name: '  ',
      }).toString(),
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('nama toko');
  });

  it('escapes hostile shop names on the page', async () => {
    server = await startPracticeServer();
    server.issueToken('<script>alert(1)</script>');
    const html = await (await fetch(`${server.authorizeUrl}?${authorizeQuery(server)}`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
