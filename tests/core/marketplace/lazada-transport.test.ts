import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MarketplaceFailure, type FailureKind } from '../../../electron/core/marketplace/adapter';
import { LAZADA_CODES } from '../../../electron/core/marketplace/lazada/codes';
import { lazadaSignature } from '../../../electron/core/marketplace/lazada/sign';
import { LazadaTransport, type TransportOptions } from '../../../electron/core/marketplace/lazada/transport';
import { freePort, lazadaError, ok, sendJson, startServer, type Received, type TestServer } from './lazada-test-server';

const APP_KEY = '100200';
const SECRET = 'test-secret';
const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

function transportFor(server: { url: string }, options: Partial<TransportOptions> = {}): LazadaTransport {
  return new LazadaTransport({ baseUrl: `${server.url}/rest`, appKey: APP_KEY, appSecret: SECRET, ...options });
}

/** What the server computes to check a request, from what it received. */
function signatureVerifies(request: Received): boolean {
  const { sign, ...rest } = request.params;
  return sign === lazadaSignature(request.path.replace(/^\/rest/, ''), rest, SECRET);
}

async function failureOf(promise: Promise<unknown>): Promise<MarketplaceFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MarketplaceFailure) return error;
    throw error;
  }
  throw new Error('expected a MarketplaceFailure, the call succeeded');
}

const anything = z.unknown();

describe('Lazada transport: signing and encoding', () => {
  it('GET puts every parameter in the query, and the signature verifies', async () => {
    const server = await serve((_request, response) => ok(response, { fine: true }));
    const transport = transportFor(server);
    const data = await transport.call(
      {
        method: 'GET',
        path: '/products/get',
        params: { filter: 'all', sku_seller_list: '["A-1","B 2"]' },
        accessToken: 'tok',
      },
      z.object({ fine: z.boolean() }),
    );
    expect(data).toEqual({ fine: true });
    const [request] = server.received;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/rest/products/get');
    expect(request?.params).toMatchObject({
      app_key: APP_KEY,
      sign_method: 'sha256',
      access_token: 'tok',
      filter: 'all',
      sku_seller_list: '["A-1","B 2"]',
    });
    expect(request && signatureVerifies(request)).toBe(true);
  });

  it('POST sends the parameters form-encoded in the body, and the signature verifies', async () => {
    const server = await serve((_request, response) => ok(response, {}));
    const payload = JSON.stringify({
      Request: { Product: { Attributes: { name: 'Keripik Pedas — ekstra & 100% "asli"' } } },
    });
    await transportFor(server).call(
      { method: 'POST', path: '/product/create', params: { payload }, accessToken: 'tok' },
      anything,
    );
    const [request] = server.received;
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.params.payload).toBe(payload);
    expect(request && signatureVerifies(request)).toBe(true);
  });

  it('multipart carries the file unsigned and the other fields signed', async () => {
    const server = await serve((_request, response) => ok(response, { image: { url: 'https://img.example/x.jpg' } }));
    const bytes = Buffer.alloc(20_000, 7);
    await transportFor(server).call(
      {
        method: 'POST',
        path: '/image/upload',
        file: { field: 'image', bytes, fileName: 'foto.jpg', type: 'image/jpeg' },
        accessToken: 'tok',
      },
      anything,
    );
    const [request] = server.received;
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.file).toEqual({ field: 'image', fileName: 'foto.jpg', size: 20_000 });
    expect(request?.params.image).toBeUndefined();
    expect(request && signatureVerifies(request)).toBe(true);
  });

  it('accepts a success without data (an update answers only code "0")', async () => {
    const server = await serve((_request, response) => sendJson(response, { code: '0', request_id: 'r' }));
    await expect(
      transportFor(server).call({ method: 'POST', path: '/product/update' }, anything),
    ).resolves.toBeUndefined();
  });

  it('refuses business parameters that would override system ones', async () => {
    const transport = new LazadaTransport({ baseUrl: 'http://127.0.0.1:9/rest', appKey: 'a', appSecret: 's' });
    await expect(transport.call({ method: 'GET', path: '/x', params: { sign: 'forged' } }, anything)).rejects.toThrow(
      TypeError,
    );
  });
});

describe('Lazada transport: timestamps follow the server clock', () => {
  it('stamps the next request with the time learned from Date (3 h ahead), and says the clock is far off', async () => {
    const ahead = 3 * 3_600_000;
    const server = await serve((_request, response) =>
      ok(response, {}, { date: new Date(Date.now() + ahead).toUTCString() }),
    );
    const transport = transportFor(server);
    await transport.call({ method: 'GET', path: '/a' }, anything);
    const first = Number(server.received[0]?.params.timestamp);
    expect(Math.abs(first - Date.now())).toBeLessThan(5_000);
    expect(transport.clock.farOff()).toBe(true);

    await transport.call({ method: 'GET', path: '/b' }, anything);
    const second = Number(server.received[1]?.params.timestamp);
    expect(Math.abs(second - (Date.now() + ahead))).toBeLessThan(2_000);
    expect(server.received[1] && signatureVerifies(server.received[1])).toBe(true);
  });

  it('uses the injected local clock', async () => {
    const server = await serve((_request, response) => {
      response.sendDate = false; // no Date: nothing to learn
      ok(response, {});
    });
    const transport = transportFor(server, { now: () => 1_517_820_392_000 });
    await transport.call({ method: 'GET', path: '/a' }, anything);
    expect(server.received[0]?.params.timestamp).toBe('1517820392000');
    expect(transport.clock.observed()).toBe(false);
  });
});

describe('Lazada transport: failures', () => {
  it('connection refused → offline, and nothing counted as sent', async () => {
    const port = await freePort();
    const transport = transportFor({ url: `http://127.0.0.1:${port}` });
    const failure = await failureOf(
      transport.call({ method: 'POST', path: '/product/create', params: { payload: '{}' } }, anything),
    );
    expect(failure.kind).toBe('offline');
    expect(failure.message).toContain('ECONNREFUSED');
    expect(transport.stats().bytesSent).toBe(0);
  });

  it('a name that does not resolve → offline', async () => {
    const transport = new LazadaTransport({ baseUrl: 'http://akar-test.invalid/rest', appKey: 'a', appSecret: 's' });
    const failure = await failureOf(transport.call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('offline');
  });

  it('socket destroyed after the body was read → unknown_outcome', async () => {
    const server = await serve((_request, response) => {
      response.socket?.destroy();
    });
    const failure = await failureOf(
      transportFor(server).call({ method: 'POST', path: '/product/create', params: { payload: '{}' } }, anything),
    );
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('may have been sent');
  });

  it('503 with an HTML page → unknown_outcome with the status', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html', 'retry-after': '30' });
      response.end('<html><body>Service Unavailable</body></html>');
    });
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.details.status).toBe(503);
    expect(failure.details.retryAfterMs).toBe(30_000);
  });

  it('a 200 HTML page (captive portal) and invalid JSON → unknown_outcome saying which', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': request.path.endsWith('html') ? 'text/html' : 'application/json' });
      response.end(request.path.endsWith('html') ? '<!doctype html><title>Login WiFi</title>' : '{"code":"0","data":');
    });
    const transport = transportFor(server);
    const html = await failureOf(transport.call({ method: 'GET', path: '/html' }, anything));
    expect(html.kind).toBe('unknown_outcome');
    expect(html.message).toContain('HTML');
    const broken = await failureOf(transport.call({ method: 'GET', path: '/json' }, anything));
    expect(broken.kind).toBe('unknown_outcome');
    expect(broken.message).toContain('not JSON');
  });

  it('data of the wrong shape → unknown_outcome naming the field', async () => {
    const server = await serve((_request, response) => sendJson(response, { code: '0', data: { item_id: 'abc' } }));
    const failure = await failureOf(
      transportFor(server).call({ method: 'POST', path: '/product/create' }, z.object({ item_id: z.number() })),
    );
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toMatch(/unexpected shape: data\.item_id: .*number/);
  });

  it('JSON that is no Lazada envelope at all → unknown_outcome', async () => {
    const server = await serve((_request, response) => sendJson(response, { hello: 'world' }));
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('not a Lazada envelope');
  });

  it('a 50 MB body is not read whole: the read stops at the cap and the connection is dropped', async () => {
    let written = 0;
    let finished: () => void = () => undefined;
    const serverDone = new Promise<void>((resolve) => (finished = resolve));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length to refuse up front
      response.write('{"code":"0","data":"');
      const pump = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end('"}');
      };
      response.on('close', finished);
      pump();
    });
    const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const memoryBefore = memory();
    const transport = transportFor(server, { maxResponseBytes: 1024 * 1024 });
    const failure = await failureOf(transport.call({ method: 'GET', path: '/category/tree/get' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('larger than 1048576 bytes');
    await serverDone;
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect(memory() - memoryBefore).toBeLessThan(40 * 1024 * 1024);
    expect(transport.stats().bytesReceived).toBeLessThan(4 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      response.write('{"code":"0"');
    });
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('larger than');
  });

  it('a server that never answers → unknown_outcome after the deadline, not a hang', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const failure = await failureOf(
      transportFor(server, { timeoutMs: 300 }).call(
        { method: 'POST', path: '/product/create', params: { payload: '{}' } },
        anything,
      ),
    );
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('no complete answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the deadline also covers a body that stalls half-way', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"code":"0","data":');
    });
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x', timeoutMs: 300 }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('no complete answer');
  });

  it('a redirect is not followed → unknown_outcome', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: 'http://login.wifi.invalid/' });
      response.end();
    });
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('redirected');
    expect(server.received).toHaveLength(1);
  });

  it('429 with Retry-After in seconds → throttled for that long', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, {}, { status: 429, headers: { 'retry-after': '2' } }),
    );
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('throttled');
    expect(failure.details).toMatchObject({ status: 429, retryAfterMs: 2000 });
  });

  it('429 with Retry-After as an HTTP date → throttled until then (on the server clock)', async () => {
    const skew = -3_600_000; // the laptop is an hour ahead of the server
    const server = await serve((_request, response) => {
      const serverNow = Date.now() + skew;
      sendJson(
        response,
        {},
        {
          status: 429,
          headers: {
            date: new Date(serverNow).toUTCString(),
            'retry-after': new Date(serverNow + 10_000).toUTCString(),
          },
        },
      );
    });
    const failure = await failureOf(transportFor(server).call({ method: 'GET', path: '/x' }, anything));
    expect(failure.kind).toBe('throttled');
    expect(failure.details.retryAfterMs).toBeGreaterThan(8_000);
    expect(failure.details.retryAfterMs).toBeLessThanOrEqual(11_000);
  });

  const codeCases: [string, FailureKind, number | undefined][] = [
    [LAZADA_CODES.apiCallLimit, 'throttled', 1000],
    [LAZADA_CODES.throttle901, 'throttled', 1000],
    [LAZADA_CODES.illegalAccessToken, 'auth', undefined],
    [LAZADA_CODES.incompleteSignature, 'auth', undefined],
    [LAZADA_CODES.invalidTimestamp, 'clock', undefined],
    [LAZADA_CODES.skuRepeat, 'duplicate', undefined],
    [LAZADA_CODES.skuRepeatAlt1, 'duplicate', undefined],
    [LAZADA_CODES.skuRepeatAlt2, 'duplicate', undefined],
    [LAZADA_CODES.outerIdExists, 'duplicate', undefined],
    [LAZADA_CODES.internal, 'unknown_outcome', undefined],
    [LAZADA_CODES.serviceTimeout, 'unknown_outcome', undefined],
    [LAZADA_CODES.concurrentEdit, 'unknown_outcome', undefined],
    [LAZADA_CODES.notLeafCategory, 'rejected', undefined],
    [LAZADA_CODES.missingParameter, 'rejected', undefined],
  ];
  it.each(codeCases)('Lazada code %s → %s', async (code, kind, retryAfterMs) => {
    const server = await serve((_request, response) => lazadaError(response, code));
    const failure = await failureOf(transportFor(server).call({ method: 'POST', path: '/product/create' }, anything));
    expect(failure.kind).toBe(kind);
    expect(failure.details.code).toBe(code);
    expect(failure.details.retryAfterMs).toBe(retryAfterMs);
    expect(failure.message).toContain('req-err');
  });

  it('4160 with detail → rejected with the code and the field', async () => {
    const server = await serve((_request, response) =>
      lazadaError(response, LAZADA_CODES.titleTooLong, {
        detail: [{ field: 'name', message: 'longer than 255 bytes' }],
      }),
    );
    const failure = await failureOf(transportFor(server).call({ method: 'POST', path: '/product/create' }, anything));
    expect(failure.kind).toBe('rejected');
    expect(failure.details).toMatchObject({ code: '4160', field: 'name', status: 200 });
    expect(failure.message).toContain('name: longer than 255 bytes');
  });

  it('an unlisted backend (ISP) code → unknown_outcome; a malformed detail is ignored', async () => {
    const server = await serve((_request, response) =>
      sendJson(response, { type: 'ISP', code: 'SomethingBroke', message: 'x', request_id: 'r', detail: 'nope' }),
    );
    const failure = await failureOf(transportFor(server).call({ method: 'POST', path: '/product/create' }, anything));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.details.code).toBe('SomethingBroke');
  });
});

describe('Lazada transport: cancellation', () => {
  it('rejects with the signal reason when the caller aborts mid-call', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const reason = new Error('seller pressed stop');
    setTimeout(() => controller.abort(reason), 100);
    await expect(
      transportFor(server).call({ method: 'GET', path: '/x', signal: controller.signal }, anything),
    ).rejects.toBe(reason);
  });

  it('rejects with the reason without sending when already aborted', async () => {
    const server = await serve((_request, response) => ok(response, {}));
    const signal = AbortSignal.abort('stopped');
    await expect(transportFor(server).call({ method: 'GET', path: '/x', signal }, anything)).rejects.toBe('stopped');
    expect(server.received).toHaveLength(0);
  });
});

describe('Lazada transport: byte counting', () => {
  it('counts within a few per cent of what the server received', async () => {
    const server = await serve((_request, response) => ok(response, { image: { url: 'https://img.example/x.jpg' } }));
    const transport = transportFor(server);
    await transport.call(
      { method: 'GET', path: '/products/get', params: { filter: 'all' }, accessToken: 't' },
      anything,
    );
    await transport.call(
      {
        method: 'POST',
        path: '/product/create',
        params: { payload: JSON.stringify({ a: 'b'.repeat(3000) }) },
        accessToken: 't',
      },
      anything,
    );
    await transport.call(
      {
        method: 'POST',
        path: '/image/upload',
        file: { field: 'image', bytes: Buffer.alloc(150_000, 1), fileName: 'a.jpg', type: 'image/jpeg' },
        accessToken: 't',
      },
      anything,
    );
    const received = server.received.reduce((sum, request) => sum + request.wireBytes, 0);
    const stats = transport.stats();
    expect(stats.calls).toBe(3);
    expect(stats.responses).toBe(3);
    expect(Math.abs(stats.bytesSent - received) / received).toBeLessThan(0.03);
    // Per request too, headers included: the small GET is the hardest case.
    expect(stats.bytesReceived).toBeGreaterThan(3 * 60);

    const image = server.received[2];
    expect(image && image.wireBytes / 150_000).toBeLessThan(1.05);
  });

  it('estimates a lone GET (headers only) within a few per cent', async () => {
    const server = await serve((_request, response) => ok(response, {}));
    const transport = transportFor(server);
    await transport.call({ method: 'GET', path: '/category/tree/get', params: { language_code: 'id_ID' } }, anything);
    const received = server.received[0]?.wireBytes ?? 0;
    expect(Math.abs(transport.stats().bytesSent - received) / received).toBeLessThan(0.03);
  });
});
