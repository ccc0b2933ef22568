import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { KNOWN_APIS, authenticate, runApi, type ApiAnswer, type ApiContext } from './api';
import { envelope, fail, requestId, type ApiResult } from './envelope';
import type { FaultDecision, FaultInjector, FaultKind } from './faults';
import { STOREFRONT_CSP, escapeHtml, page, t, type PracticeLanguage } from './html';
import { imageContentType, imageIdFromPath } from './images';
import { authorizeGet, authorizePost, type AuthorizeReply, type TokenTtl } from './oauth';
import { BodyTooLarge, parseParams, readBody, verifySignature } from './params';
import type { PracticeStore } from './store';
import { homePage, itemPage, shopPage, type HtmlPage } from './storefront';
import type { Throttle } from './throttle';

/**
 * Every HTTP request: `/rest/*` through faults, throttling, the gateway checks and the
 * API; `/img/*` (hosted images); `/oauth/authorize`; the storefront. Every response
 * carries a `Date` header from the server's (injectable) clock, since that is the time the
 * timestamp check uses and the client learns its clock offset from it.
 *
 * The ledger (store.count) is exact by construction: `received` on arrival; then exactly
 * one of a fault that stops the request (drop, reset, 5xx, throttle), `refused` (body,
 * gateway, token or ban), or `processed` (the API ran; `succeeded` too when it answered
 * code 0), and `faulted.<kind>` for lost/slow/malformed on top of processed or refused.
 * A client that goes away mid-body leaves only `received`. `violation` is counted on
 * arrival, before any fault, for a request that came during an announced ban.
 */

export interface RouterDeps {
  readonly store: PracticeStore;
  readonly faults: FaultInjector;
  readonly throttle: Throttle;
  readonly clock: () => number;
  readonly appKey: string;
  readonly appSecret: string;
  readonly qcDelayMs: number;
  readonly tokenTtl: TokenTtl;
  readonly language: PracticeLanguage;
  readonly baseUrl: () => string;
  readonly imageOrigins: () => ReadonlySet<string>;
  /** Aborted when the server closes: sleeps end, requests still arriving are cut. */
  readonly closing: AbortSignal;
  readonly log: (line: string) => void;
}

const OAUTH_FORM_LIMIT = 64 * 1024;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function sendText(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

function htmlHeaders(csp: string = STOREFRONT_CSP): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' };

function answerBody(answer: ApiAnswer, id: string): Record<string, unknown> {
  // Token answers put their fields beside `code`, as Lazada's do.
  if ('topLevel' in answer) return { code: '0', ...answer.topLevel, request_id: id };
  return envelope(answer, id);
}

function succeeded(answer: ApiAnswer): boolean {
  return 'topLevel' in answer || answer.ok;
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { store } = deps;

  function count(apiPath: string, counter: string): void {
    store.count(apiPath, counter);
  }

  function languageOf(url: URL): PracticeLanguage {
    const lang = url.searchParams.get('lang');
    return lang === 'en' || lang === 'id' ? lang : deps.language;
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rawPath = url.pathname.slice('/rest'.length);
    // Unknown paths share one ledger row, so junk requests cannot grow the table.
    const apiPath = KNOWN_APIS.has(rawPath) ? rawPath : '(unknown)';
    count(apiPath, 'received');
    // Every valid request carries the server's app key; one sent in the body is not read
    // yet, so the server's own stands in for it.
    if (deps.throttle.violates(url.searchParams.get('app_key') ?? deps.appKey, apiPath)) count(apiPath, 'violation');
    const decision: FaultDecision = deps.faults.decide(rawPath);
    const fault = decision.kind;
    await sleep(decision.latencyMs, deps.closing);
    if (deps.closing.aborted) {
      req.socket.destroy();
      return;
    }
    const faulted = (kind: FaultKind) => {
      count(apiPath, `faulted.${kind}`);
      deps.log(`${req.method} ${url.pathname}: fault ${kind}`);
    };

    if (fault === 'drop') {
      faulted('drop');
      req.socket.destroy();
      return;
    }
    if (fault === 'reset') {
      faulted('reset');
      await readPartly(req, decision.detail);
      req.socket.destroy();
      return;
    }
    if (fault === '5xx') {
      faulted('5xx');
      await readBody(req).catch(() => undefined);
      const status = [500, 502, 503][Math.floor(decision.detail * 3)] ?? 500;
      sendText(
        res,
        status,
        { 'content-type': 'text/html; charset=utf-8', connection: 'close' },
        `<!doctype html><html><head><title>${status}</title></head><body><h1>${status} Server Error</h1><p>The server is busy. Please try again later.</p></body></html>`,
      );
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        count(apiPath, 'refused');
        const answer = fail(LAZADA_CODES.invalidParameter, 'The request body is larger than 8 MB', 'body');
        sendText(res, 413, { ...JSON_HEADERS, connection: 'close' }, JSON.stringify(envelope(answer, requestId())));
        res.on('finish', () => req.socket.destroy());
      } else {
        req.socket.destroy();
      }
      return;
    }
    const parsed = await parseParams(url, req.headers['content-type'], body);
    // Bans and buckets are per app key; unknown keys share one, so junk cannot grow the maps.
    const sentKey = 'params' in parsed ? parsed.params.app_key : undefined;
    const appKey = sentKey === deps.appKey ? sentKey : '(other)';

    let answer: ApiAnswer;
    let processed = false;
    const refused = gate(apiPath, rawPath, appKey, parsed, res, fault === 'throttle' ? decision.detail : undefined);
    if (refused === 'answered') return;
    if (refused !== undefined) {
      answer = refused;
      count(apiPath, 'refused');
    } else {
      const { params, files } = parsed as Exclude<typeof parsed, ApiResult>;
      const ctx = apiContext();
      const sellerId = authenticate(ctx, rawPath, params);
      if (sellerId !== null && typeof sellerId === 'object') {
        answer = sellerId;
        count(apiPath, 'refused');
      } else {
        answer = await runApi(ctx, rawPath, sellerId, params, files);
        processed = true;
      }
    }
    if (processed) {
      count(apiPath, 'processed');
      if (succeeded(answer)) count(apiPath, 'succeeded');
    }
    const text = JSON.stringify(answerBody(answer, requestId()));
    if (fault === 'lost') {
      // The work is committed; the answer never arrives.
      faulted('lost');
      req.socket.destroy();
      return;
    }
    if (fault === 'malformed') {
      faulted('malformed');
      sendMalformed(res, text, answer, decision.detail);
      return;
    }
    if (fault === 'slow') {
      faulted('slow');
      await sendSlowly(res, text, decision.detail);
      return;
    }
    sendText(res, 200, JSON_HEADERS, text);
  }

  /**
   * Body parse errors, bans and QPS, and the gateway's signature checks. Returns the
   * refusal to answer with (HTTP 200, Lazada's way), 'answered' when a 429 went out
   * already, or undefined to go on.
   */
  function gate(
    apiPath: string,
    rawPath: string,
    appKey: string,
    parsed: Awaited<ReturnType<typeof parseParams>>,
    res: ServerResponse,
    /** The fault's detail draw when a `throttle` fault was drawn for this request. */
    throttleFault: number | undefined,
  ): ApiResult | 'answered' | undefined {
    if (!('params' in parsed)) return parsed;
    const active = deps.throttle.activeBan(appKey, apiPath);
    if (active?.kind === 'throttle' || (throttleFault !== undefined && !active)) {
      // An injected 429 starts a ban of 1-3 s; while it lasts every call gets a 429 too.
      let ban = active;
      if (!ban) {
        count(apiPath, 'faulted.throttle');
        deps.log(`${rawPath}: fault throttle`);
        ban = deps.throttle.ban(appKey, apiPath, 'throttle', (1 + Math.floor((throttleFault ?? 0) * 3)) * 1000);
      } else {
        count(apiPath, 'refused');
      }
      const banned = ban;
      res.on('finish', () => deps.throttle.noticed(banned));
      const seconds = Math.ceil(deps.throttle.remainingMs(banned) / 1000);
      const answer = fail(LAZADA_CODES.apiCallLimit, 'Too many requests; retry later');
      sendText(
        res,
        429,
        { ...JSON_HEADERS, 'retry-after': String(seconds) },
        JSON.stringify(envelope(answer, requestId())),
      );
      return 'answered';
    }
    const ban = active ?? deps.throttle.take(appKey, apiPath);
    if (ban) {
      res.on('finish', () => deps.throttle.noticed(ban));
      return fail(LAZADA_CODES.apiCallLimit, 'This API is called too often; the app is banned from it for 1 second');
    }
    if (!KNOWN_APIS.has(rawPath)) return fail(LAZADA_CODES.invalidApiPath, `Unknown API ${rawPath}`);
    return verifySignature(rawPath, parsed.params, {
      appKey: deps.appKey,
      appSecret: deps.appSecret,
      now: deps.clock(),
    });
  }

  function apiContext(): ApiContext {
    return {
      store,
      now: deps.clock(),
      qcDelayMs: deps.qcDelayMs,
      tokenTtl: deps.tokenTtl,
      baseUrl: deps.baseUrl(),
      imageOrigins: deps.imageOrigins(),
    };
  }

  /** Garbage of three kinds, chosen by the fault's detail draw. */
  function sendMalformed(res: ServerResponse, text: string, answer: ApiAnswer, detail: number): void {
    const variant = Math.floor(detail * 3);
    if (variant === 0) {
      sendText(
        res,
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        '<html><body><h1>Gateway</h1><p>Loading…</p></body></html>',
      );
    } else if (variant === 1) {
      sendText(res, 200, JSON_HEADERS, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    } else {
      // Right envelope, wrong types: a numeric code and `data` as a string.
      const data = 'topLevel' in answer ? answer.topLevel : answer.ok ? answer.data : answer.message;
      sendText(res, 200, JSON_HEADERS, JSON.stringify({ code: 0, data: JSON.stringify(data), request_id: 7 }));
    }
  }

  /** The whole answer, in up to 8 pieces with 50–250 ms between them. */
  async function sendSlowly(res: ServerResponse, text: string, detail: number): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    res.writeHead(200, { ...JSON_HEADERS, 'content-length': String(bytes.length) });
    const pieces = 8;
    const size = Math.max(1, Math.ceil(bytes.length / pieces));
    const delay = 50 + Math.floor(detail * 200);
    for (let at = 0; at < bytes.length; at += size) {
      if (deps.closing.aborted || res.destroyed) return;
      res.write(bytes.subarray(at, at + size));
      await sleep(delay, deps.closing);
    }
    res.end();
  }

  async function handleOauth(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const language = languageOf(url);
    let reply: AuthorizeReply;
    if (req.method === 'POST') {
      let body: Buffer;
      try {
        body = await readBody(req, OAUTH_FORM_LIMIT);
      } catch {
        req.socket.destroy();
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
      reply = authorizePost(store, form, deps.appKey, language, deps.clock());
    } else {
      reply = authorizeGet(store, Object.fromEntries(url.searchParams), deps.appKey, language);
    }
    sendText(
      res,
      reply.status,
      { ...htmlHeaders(reply.headers['content-security-policy']), ...reply.headers },
      reply.body,
    );
  }

  function handleImage(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    const id = imageIdFromPath(url.pathname);
    const image = id === undefined ? undefined : store.imageBytes(id);
    if (!image) return false;
    const etag = `"${image.sha256}"`;
    const headers = {
      'content-type': imageContentType(image.format),
      // Each upload has its own URL and its bytes never change.
      'cache-control': 'public, max-age=31536000, immutable',
      etag,
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': String(image.bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : image.bytes);
    return true;
  }

  function storefront(url: URL): HtmlPage | undefined {
    const language = languageOf(url);
    const now = deps.clock();
    if (url.pathname === '/') return homePage(store, language, now);
    const item = /^\/shop\/(\d{1,15})\/item\/(\d{1,15})$/.exec(url.pathname);
    if (item) return itemPage(store, language, Number(item[1]), Number(item[2]), now);
    const shop = /^\/shop\/(\d{1,15})$/.exec(url.pathname);
    if (shop) return shopPage(store, language, Number(shop[1]), now);
    return undefined;
  }

  return async (req, res) => {
    res.setHeader('date', new Date(deps.clock()).toUTCString());
    if (deps.closing.aborted) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith('/rest/')) return await handleRest(req, res, url);
      if (url.pathname === '/oauth/authorize') return await handleOauth(req, res, url);
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (url.pathname.startsWith('/img/') && handleImage(req, res, url)) return;
        const html = storefront(url);
        if (html) return sendText(res, html.status, htmlHeaders(), html.html);
      }
      const language = languageOf(url);
      sendText(
        res,
        404,
        htmlHeaders(),
        page(language, t(language, 'notFound'), `<h1>${escapeHtml(t(language, 'notFound'))}</h1>`),
      );
    } catch (error) {
      deps.log(`${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) {
        res.destroy();
      } else {
        const answer = fail(LAZADA_CODES.internal, 'Internal error');
        sendText(res, 500, JSON_HEADERS, JSON.stringify(envelope(answer, requestId())));
      }
    }
  };
}

/** Reads some of the body (a share set by the fault's draw), as a link dying mid-upload would. */
function readPartly(req: IncomingMessage, detail: number): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((!(declared > 0) && !chunked) || req.destroyed) return Promise.resolve();
  const want = declared > 0 ? Math.max(1, Math.floor(declared * (0.1 + 0.8 * detail))) : 1;
  return new Promise((resolve) => {
    let got = 0;
    const stop = () => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      got += chunk.length;
      if (got >= want) stop();
    };
    req.on('data', onData);
    req.once('end', stop);
    req.once('error', stop);
    req.once('close', stop);
  });
}
