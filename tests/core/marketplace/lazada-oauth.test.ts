import { afterEach, describe, expect, it } from 'vitest';
import { MarketplaceFailure } from '../../../electron/core/marketplace/adapter';
import { LAZADA_CODES } from '../../../electron/core/marketplace/lazada/codes';
import {
  authorizeUrl,
  createToken,
  parsePastedCode,
  refreshToken,
} from '../../../electron/core/marketplace/lazada/oauth';
import { AuthorizationError, startLoopbackReceiver } from '../../../electron/core/marketplace/lazada/oauth-loopback';
import { lazadaSignature } from '../../../electron/core/marketplace/lazada/sign';
import { LazadaTransport } from '../../../electron/core/marketplace/lazada/transport';
import { lazadaError, sendJson, startServer, type Handler, type TestServer } from './lazada-test-server';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const NOW = 1_700_000_000_000;

async function authServer(handler: Handler) {
  const server = await startServer(handler);
  servers.push(server);
  const transport = new LazadaTransport({
    baseUrl: `${server.url}/rest`,
    appKey: '100200',
    appSecret: 'sec',
    now: () => NOW,
  });
  return { server, transport };
}

const tokenAnswer = {
  access_token: 'acc-1',
  refresh_token: 'ref-1',
  expires_in: 604800,
  refresh_expires_in: 2592000,
  country: 'id',
  account: 'toko@example.com',
  country_user_info: [
    { country: 'my', seller_id: '1', short_code: 'MY1', user_id: '9' },
    { country: 'id', seller_id: 100012345, short_code: 'IDABC123', user_id: '10' },
  ],
  code: '0',
  request_id: 'r1',
};

describe('authorize URL', () => {
  it('carries response_type, force_auth, redirect_uri, client_id and state', () => {
    const url = new URL(
      authorizeUrl({
        authorize: 'https://auth.lazada.com/oauth/authorize',
        appKey: '100200',
        redirectUri: 'http://127.0.0.1:5555/callback',
        state: 'st&ate',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://auth.lazada.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      force_auth: 'true',
      redirect_uri: 'http://127.0.0.1:5555/callback',
      client_id: '100200',
      state: 'st&ate',
    });
  });
});

describe('token calls', () => {
  it('creates a token: signed POST without access_token; fields read from the top level', async () => {
    const { server, transport } = await authServer((_request, response) => sendJson(response, tokenAnswer));
    const tokens = await createToken(transport, '0_100200_code');
    expect(tokens).toEqual({
      accessToken: 'acc-1',
      refreshToken: 'ref-1',
      expiresAt: NOW + 604800_000,
      refreshExpiresAt: NOW + 2592000_000,
      account: { sellerId: '100012345', shortCode: 'IDABC123', country: 'id' },
    });
    const request = server.received[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/rest/auth/token/create');
    expect(request?.params.code).toBe('0_100200_code');
    expect(request?.params.access_token).toBeUndefined();
    const { sign, ...rest } = request?.params ?? {};
    expect(sign).toBe(lazadaSignature('/auth/token/create', rest, 'sec'));
  });

  it('refreshes a token, also when the fields come inside data', async () => {
    const { code: _code, request_id: _id, ...fields } = tokenAnswer;
    const { server, transport } = await authServer((_request, response) =>
      sendJson(response, {
        code: '0',
        request_id: 'r',
        data: { ...fields, country_user_info: [fields.country_user_info[0]] },
      }),
    );
    const tokens = await refreshToken(transport, 'ref-1');
    expect(tokens.account).toEqual({ sellerId: '1', shortCode: 'MY1', country: 'my' });
    expect(server.received[0]?.path).toBe('/rest/auth/token/refresh');
    expect(server.received[0]?.params.refresh_token).toBe('ref-1');
  });

  it('maps InvalidCode to auth, and an answer without tokens to unknown_outcome', async () => {
    let answer: 'error' | 'empty' = 'error';
    const { transport } = await authServer((_request, response) =>
      answer === 'error'
        ? lazadaError(response, LAZADA_CODES.invalidCode)
        : sendJson(response, { code: '0', request_id: 'r' }),
    );
    const failure = await createToken(transport, 'bad').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MarketplaceFailure);
    expect((failure as MarketplaceFailure).kind).toBe('auth');
    answer = 'empty';
    const shape = await createToken(transport, 'code').catch((error: unknown) => error);
    expect((shape as MarketplaceFailure).kind).toBe('unknown_outcome');
  });
});

async function portIsClosed(redirectUri: string): Promise<boolean> {
  try {
    await fetch(redirectUri);
    return false;
  } catch {
    return true;
  }
}

describe('loopback receiver', () => {
  it('ignores a wrong state (400), resolves on the right one with the given page text, then closes', async () => {
    const receiver = await startLoopbackReceiver({ state: 'right-state', timeoutMs: 10_000, pageText: 'Terima kasih' });
    expect(receiver.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const wrong = await fetch(`${receiver.redirectUri}?code=evil&state=wrong-state`);
    expect(wrong.status).toBe(400);
    expect((await fetch(receiver.redirectUri.replace('/callback', '/favicon.ico'))).status).toBe(404);

    const right = await fetch(`${receiver.redirectUri}?code=0_100200_abc&state=right-state`);
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await right.text()).toBe('Terima kasih');
    await expect(receiver.code).resolves.toBe('0_100200_abc');
    await receiver.close();
    expect(await portIsClosed(receiver.redirectUri)).toBe(true);
  });

  it('rejects after the timeout and frees its port', async () => {
    const receiver = await startLoopbackReceiver({ state: 's', timeoutMs: 100 });
    const error = await receiver.code.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationError);
    expect((error as AuthorizationError).reason).toBe('timeout');
    await receiver.close();
    expect(await portIsClosed(receiver.redirectUri)).toBe(true);
  });

  it('rejects when the seller refused, and when closed while waiting', async () => {
    const denied = await startLoopbackReceiver({ state: 's', timeoutMs: 10_000 });
    const answer = await fetch(`${denied.redirectUri}?error=access_denied&state=s`);
    expect(await answer.text()).toContain('Izin tidak diberikan');
    expect(((await denied.code.catch((e: unknown) => e)) as AuthorizationError).reason).toBe('denied');
    await denied.close();

    const cancelled = await startLoopbackReceiver({ state: 's', timeoutMs: 10_000 });
    await cancelled.close();
    expect(((await cancelled.code.catch((e: unknown) => e)) as AuthorizationError).reason).toBe('closed');
  });
});

describe('pasted code', () => {
  it('accepts a bare code or a whole redirect address', () => {
    expect(parsePastedCode('  0_100200_AbCdEf123  ')).toBe('0_100200_AbCdEf123');
    expect(parsePastedCode('http://127.0.0.1:5555/callback?code=0_100200_Xyz&state=s')).toBe('0_100200_Xyz');
    expect(parsePastedCode('127.0.0.1:5555/callback?state=s&code=0_9_Q#frag')).toBe('0_9_Q');
    expect(parsePastedCode('code=0_9_Q')).toBe('0_9_Q');
  });

  it('refuses text without a plausible code', () => {
    expect(parsePastedCode('')).toBeNull();
    expect(parsePastedCode('http://127.0.0.1:5555/callback?state=s')).toBeNull();
    expect(parsePastedCode('kode saya adalah 123')).toBeNull();
    expect(parsePastedCode('http://x/callback?code=<script>')).toBeNull();
  });
});
