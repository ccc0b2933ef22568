import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { addSeller } from '../../support/catalogue';
import { unwrap } from '../../support/results';
import { tempCore } from '../../support/temp';
import { allowInBrowser, grantInBrowser } from '../../support/uploads';

/**
 * Signing a Lazada shop in from the app, end to end: the practice marketplace stands in for
 * Lazada (same OAuth page, token calls and signatures), the core's loopback receiver gets
 * the browser's redirect, and the shop is connected with the tokens it was given.
 */

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function lazadaStandIn() {
  const server = await startPracticeServer({ qcDelayMs: 0 });
  servers.push(server);
  const temp = tempCore({ lazadaEndpoint: server.baseUrl, lazadaRedirectPort: 0 });
  const seller = await addSeller(temp.core, 'Bu Ani', { businessName: 'Keripik Sari' });
  return { server, core: temp.core, temp, sellerId: seller.id };
}

describe('signing a Lazada shop in from the app', () => {
  it('needs the app key and secret first, then connects through the browser page and the loopback', async () => {
    const { server, core, sellerId } = await lazadaStandIn();
    const before = unwrap(await core.uploads.lazadaApp());
    expect(before).toMatchObject({ appKey: null, ready: false });
    const refused = await core.uploads.beginSignIn({ sellerId });
    expect(refused.ok ? null : refused.error.code).toBe('app_not_set_up');

    const app = unwrap(await core.uploads.setLazadaApp({ appKey: server.appKey, appSecret: server.appSecret }));
    expect(app).toMatchObject({ appKey: server.appKey, ready: true });

    const start = unwrap(await core.uploads.beginSignIn({ sellerId }));
    expect(start.url.startsWith(`${server.baseUrl}/oauth/authorize?`)).toBe(true);
    expect(new URL(start.url).searchParams.get('client_id')).toBe(server.appKey);
    const finished = core.uploads.finishSignIn({ flowId: start.flowId, jobId: 'sign-in-1' });
    await allowInBrowser(start.url, 'Keripik Sari');
    const connection = unwrap(await finished);
    expect(connection).toMatchObject({
      sellerId,
      marketplace: 'lazada',
      state: 'connected',
      account: expect.stringMatching(/^ID/),
    });
    expect(unwrap(await core.uploads.connections({ sellerId })).map((c) => c.marketplace)).toEqual(['lazada']);
    // One code, exchanged once.
    expect(server.stats().requests['/auth/token/create']?.succeeded).toBe(1);
  });

  it('takes a pasted address instead of the redirect, and connects directly when no sign-in waits', async () => {
    const { server, core, temp, sellerId } = await lazadaStandIn();
    unwrap(await core.uploads.setLazadaApp({ appKey: server.appKey, appSecret: server.appSecret }));

    const bad = await core.uploads.pasteSignIn({ sellerId, text: 'bukan kode' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'sign_in_failed', params: { reason: 'bad_code' } });

    // A waiting sign-in takes the pasted code, and its own call answers with the connection.
    const start = unwrap(await core.uploads.beginSignIn({ sellerId }));
    const finished = core.uploads.finishSignIn({ flowId: start.flowId, jobId: 'sign-in-2' });
    // An address from an older sign-in (browser history on a shared laptop) is refused: it
    // may be another participant's shop. The sign-in keeps waiting.
    const older = new URL('http://127.0.0.1:1/callback?code=0_9_abcdefghijklmnop&state=0123456789abcdef');
    const stale = await core.uploads.pasteSignIn({ sellerId, text: older.href });
    expect(stale.ok ? null : stale.error).toMatchObject({ code: 'sign_in_failed', params: { reason: 'bad_code' } });
    // The browser could not come back (say, the sign-in ran on a phone): the seller copies the address.
    const address = await grantInBrowser(start.url, 'Warung Dodol');
    expect(unwrap(await core.uploads.pasteSignIn({ sellerId, text: ` ${address.href} ` }))).toBe(null);
    expect(unwrap(await finished)).toMatchObject({ marketplace: 'lazada', state: 'connected' });

    // After a restart no sign-in waits: the code connects by itself.
    unwrap(await core.uploads.disconnect({ sellerId, marketplace: 'lazada' }));
    const later = unwrap(await core.uploads.beginSignIn({ sellerId }));
    const code = (await grantInBrowser(later.url, 'Warung Dodol')).searchParams.get('code') ?? '';
    const reopened = temp.reopen({ lazadaEndpoint: server.baseUrl, lazadaRedirectPort: 0 });
    const again = unwrap(await reopened.uploads.pasteSignIn({ sellerId, text: code }));
    expect(again).toMatchObject({ marketplace: 'lazada', state: 'connected' });
  });

  it('stops waiting on "Batal", reports a refusal, and says when the callback port is taken', async () => {
    const { server, core, sellerId } = await lazadaStandIn();
    unwrap(await core.uploads.setLazadaApp({ appKey: server.appKey, appSecret: server.appSecret }));

    const start = unwrap(await core.uploads.beginSignIn({ sellerId }));
    const waiting = core.uploads.finishSignIn({ flowId: start.flowId, jobId: 'sign-in-3' });
    unwrap(await core.jobs.cancel({ jobId: 'sign-in-3' }));
    const cancelled = await waiting;
    expect(cancelled.ok ? null : cancelled.error.code).toBe('cancelled');
    // The listener is gone with it.
    const redirect = new URL(start.url).searchParams.get('redirect_uri') ?? '';
    await expect(fetch(`${redirect}?code=x&state=y`)).rejects.toThrow();

    // "Batal" after the browser came back, while the code is being exchanged: nothing is kept.
    server.setFaults('latency=1500,paths=/auth/token/create');
    const late = unwrap(await core.uploads.beginSignIn({ sellerId }));
    const exchanging = core.uploads.finishSignIn({ flowId: late.flowId, jobId: 'sign-in-late' });
    await allowInBrowser(late.url, 'Keripik Sari');
    unwrap(await core.jobs.cancel({ jobId: 'sign-in-late' }));
    const tooLate = await exchanging;
    expect(tooLate.ok ? null : tooLate.error.code).toBe('cancelled');
    // The exchange did happen at Lazada; its tokens were dropped, not stored.
    expect(server.stats().requests['/auth/token/create']?.succeeded).toBe(1);
    expect(unwrap(await core.uploads.connections({ sellerId }))).toEqual([]);
    server.setFaults('');

    const denied = unwrap(await core.uploads.beginSignIn({ sellerId }));
    const deniedWait = core.uploads.finishSignIn({ flowId: denied.flowId, jobId: 'sign-in-4' });
    const query = new URL(denied.url).searchParams;
    const back = await fetch(`${query.get('redirect_uri')}?error=access_denied&state=${query.get('state')}`);
    expect(back.status).toBe(200);
    const refusal = await deniedWait;
    expect(refusal.ok ? null : refusal.error).toMatchObject({ code: 'sign_in_failed', params: { reason: 'denied' } });
    expect(unwrap(await core.uploads.connections({ sellerId }))).toEqual([]);

    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { core: other } = tempCore({ lazadaEndpoint: server.baseUrl, lazadaRedirectPort: port });
      const otherSeller = await addSeller(other, 'Pak Ujang');
      unwrap(await other.uploads.setLazadaApp({ appKey: server.appKey, appSecret: server.appSecret }));
      const busy = await other.uploads.beginSignIn({ sellerId: otherSeller.id });
      expect(busy.ok ? null : busy.error).toMatchObject({ code: 'sign_in_failed', params: { reason: 'port_busy' } });
    } finally {
      blocker.close();
    }
  });

  it('checks what it is given', async () => {
    const { core, sellerId } = await lazadaStandIn();
    const badKey = await core.uploads.setLazadaApp({ appKey: 'a b', appSecret: 's' });
    expect(badKey.ok ? null : badKey.error.code).toBe('invalid_input');
    const badFlow = await core.uploads.finishSignIn({ flowId: '0123456789abcdef', jobId: 'sign-in-5' });
    expect(badFlow.ok ? null : badFlow.error).toMatchObject({ code: 'sign_in_failed', params: { reason: 'closed' } });
    const noSeller = await core.uploads.beginSignIn({ sellerId: sellerId + 99 });
    expect(noSeller.ok ? null : noSeller.error.code).toBe('not_found');
  });
});

describe('a connection', () => {
  it('says when the laptop clock is far from the marketplace’s, once a call has shown it', async () => {
    const server = await startPracticeServer({ qcDelayMs: 0, clock: () => Date.now() + 25 * 60_000 });
    servers.push(server);
    const { core } = tempCore();
    const seller = await addSeller(core, 'Bu Ani');
    const token = server.issueToken('Keripik Sari');
    const connected = unwrap(
      await core.uploads.connect({
        sellerId: seller.id,
        marketplace: 'practice',
        endpoint: server.baseUrl,
        appKey: server.appKey,
        appSecret: server.appSecret,
        accessToken: token.accessToken,
      }),
    );
    expect(connected.clockOffsetMs).toBeUndefined();
    const [listed] = unwrap(await core.uploads.connections({ sellerId: seller.id }));
    expect(Math.round((listed?.clockOffsetMs ?? 0) / 60_000)).toBe(25);

    // A marketplace whose clock agrees says nothing.
    const fair = await startPracticeServer({ qcDelayMs: 0 });
    servers.push(fair);
    const other = await addSeller(core, 'Pak Ujang');
    unwrap(
      await core.uploads.connect({
        sellerId: other.id,
        marketplace: 'practice',
        endpoint: fair.baseUrl,
        appKey: fair.appKey,
        appSecret: fair.appSecret,
        accessToken: fair.issueToken('Dodol').accessToken,
      }),
    );
    expect(unwrap(await core.uploads.connections({ sellerId: other.id }))[0]?.clockOffsetMs).toBeUndefined();
  });
});
