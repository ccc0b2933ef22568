import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../electron/core/practice/server';
import { createHandlers, dispatch, type Shell } from '../../electron/main/handlers';
import { isSignInUrl } from '../../electron/main/sign-in-url';
import { addSeller } from '../support/catalogue';
import { cancellingShell } from '../support/shell';
import { openTempCore, type TempCore } from '../support/temp';
import { allowInBrowser } from '../support/uploads';

/**
 * "Hubungkan Lazada" through main: the page asks, the core makes the address, main checks
 * it and hands it to the system browser, and the same call answers once the shop is in.
 */
let temp: TempCore | undefined;
let server: PracticeServer | undefined;
afterEach(async () => {
  temp?.dispose();
  temp = undefined;
  await server?.close();
  server = undefined;
});

const lazada = (query: string) => `https://auth.lazada.com/oauth/authorize?${query}`;
const GOOD_QUERY =
  'response_type=code&force_auth=true&redirect_uri=http%3A%2F%2F127.0.0.1%3A47213%2Fcallback&client_id=1&state=ab';

describe('the sign-in address main opens', () => {
  it('is Lazada’s authorize page (or the practice copy on this laptop) asking for Akar’s callback', () => {
    expect(isSignInUrl(lazada(GOOD_QUERY))).toBe(true);
    expect(isSignInUrl(`http://127.0.0.1:5123/oauth/authorize?${GOOD_QUERY}`)).toBe(true);
    for (const bad of [
      `http://auth.lazada.com/oauth/authorize?${GOOD_QUERY}`,
      `https://auth.lazada.com.evil.example/oauth/authorize?${GOOD_QUERY}`,
      `https://user:pw@auth.lazada.com/oauth/authorize?${GOOD_QUERY}`,
      `https://auth.lazada.com/oauth/authorize/../logout?${GOOD_QUERY}`,
      `https://auth.lazada.com/oauth/authorize?${GOOD_QUERY}#x`,
      `http://localhost:5123/oauth/authorize?${GOOD_QUERY}`,
      `http://127.0.0.1:5123/shop/1?${GOOD_QUERY}`,
      lazada(GOOD_QUERY.replace('127.0.0.1', 'evil.example')),
      lazada(GOOD_QUERY.replace('response_type=code', 'response_type=token')),
      lazada('client_id=1'),
      'file:///etc/passwd',
      'javascript:alert(1)',
      lazada(`${GOOD_QUERY}&x=${'a'.repeat(3000)}`),
      42,
      null,
    ]) {
      expect(isSignInUrl(bad), String(bad).slice(0, 120)).toBe(false);
    }
  });
});

describe('lazada:signIn', () => {
  it('opens the page in the browser and answers with the connected shop', async () => {
    server = await startPracticeServer({ qcDelayMs: 0 });
    temp = openTempCore({ lazadaEndpoint: server.baseUrl, lazadaRedirectPort: 0 });
    const opened: string[] = [];
    let openedNow: (url: string) => void = () => undefined;
    const browser = new Promise<string>((resolve) => (openedNow = resolve));
    const shell: Shell = {
      ...cancellingShell().shell,
      openSignIn: async (url) => {
        opened.push(url);
        openedNow(url);
      },
    };
    const handlers = createHandlers(temp.core, shell);
    const seller = await addSeller(temp.core);
    const refused = await dispatch(handlers, 'lazada:signIn', { sellerId: seller.id, jobId: 'sign-in-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'app_not_set_up' } });
    expect(opened).toEqual([]);

    const app = await dispatch(handlers, 'lazada:setApp', { appKey: server.appKey, appSecret: server.appSecret });
    expect(app).toMatchObject({ ok: true, value: { appKey: server.appKey, ready: true } });
    // The secret never comes back to the page.
    expect(JSON.stringify(await dispatch(handlers, 'lazada:app', {}))).not.toContain(server.appSecret);

    const answer = dispatch(handlers, 'lazada:signIn', { sellerId: seller.id, jobId: 'sign-in-2' });
    await allowInBrowser(await browser, 'Kripik Bu Siti');
    expect(await answer).toMatchObject({ ok: true, value: { marketplace: 'lazada', state: 'connected' } });
    expect(opened).toHaveLength(1);
  });

  it('says so when no browser opens, and stops listening', async () => {
    server = await startPracticeServer({ qcDelayMs: 0 });
    temp = openTempCore({ lazadaEndpoint: server.baseUrl, lazadaRedirectPort: 0 });
    let tried = '';
    const shell: Shell = {
      ...cancellingShell().shell,
      openSignIn: async (url) => {
        tried = url;
        throw new Error('xdg-open: no method available');
      },
    };
    const handlers = createHandlers(temp.core, shell);
    const seller = await addSeller(temp.core);
    await dispatch(handlers, 'lazada:setApp', { appKey: server.appKey, appSecret: server.appSecret });
    const answer = await dispatch(handlers, 'lazada:signIn', { sellerId: seller.id, jobId: 'sign-in-3' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'sign_in_failed', params: { reason: 'no_browser' } } });
    const redirect = new URL(tried).searchParams.get('redirect_uri') ?? '';
    await expect(fetch(`${redirect}?code=x&state=y`)).rejects.toThrow();
  });
});
