import { type z } from 'zod';
import { MarketplaceFailure } from '../adapter';
import { ServerClock } from './clock';
import {
  describeIssues,
  errorEnvelopeSchema,
  failureFromError,
  networkFailure,
  retryAfterMs,
  successEnvelopeSchema,
  THROTTLE_DEFAULT_MS,
} from './failures';
import { readCapped } from './read-body';
import { lazadaSignature } from './sign';
import { requestWireBytes, responseHeadWireBytes } from './wire-size';

/**
 * One signed call to the Lazada Open Platform (marketplaces.md §1.1), and the translation
 * of whatever comes back — or doesn't — into validated data or a `MarketplaceFailure`.
 *
 * - System parameters (`app_key`, `timestamp`, `sign_method`, `access_token`, `sign`) are
 *   added and signed at send time, never earlier: a call queued for an hour on a dead
 *   link must not carry an hour-old timestamp. The timestamp is the marketplace's time as
 *   learned by the `ServerClock` from earlier responses.
 * - GET puts every parameter in the query; POST sends them form-encoded in the body (as
 *   the official SDK does), or as multipart when a file is attached (the file part is not
 *   signed, the other fields are).
 * - Every call has a deadline (30 s; the image upload passes 60 s) that covers the whole
 *   exchange, body included, combined with the caller's signal.
 * - **Cancellation:** when the caller's signal aborts, the call rejects with the signal's
 *   own `reason`, not with a `MarketplaceFailure`, so the engine can tell "I cancelled
 *   this" from a failure. A cancelled create may still have been processed: the engine,
 *   which knows it cancelled, must treat it as an unknown outcome if it resumes.
 * - Redirects are not followed: a 3xx (typically a captive portal) is an unknown outcome,
 *   and re-sending a POST elsewhere could only make things worse.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
export const IMAGE_UPLOAD_TIMEOUT_MS = 60_000;
/** Lazada's largest answers (a whole category tree) are a few MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

const SYSTEM_PARAMS: ReadonlySet<string> = new Set(['app_key', 'timestamp', 'sign_method', 'access_token', 'sign']);

export interface LazadaFile {
  /** Multipart field name (`image` for `/image/upload`). */
  readonly field: string;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly type?: string;
}

export interface LazadaCall {
  readonly method: 'GET' | 'POST';
  /** API path, e.g. `/product/create`; it is also what the signature is prefixed with. */
  readonly path: string;
  /** Business parameters (everything but the system ones), already as text. */
  readonly params?: Readonly<Record<string, string>>;
  readonly file?: LazadaFile;
  /** Omitted for calls that need none (token creation, public category data). */
  readonly accessToken?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface TransportOptions {
  /** REST base (`https://api.lazada.co.id/rest`, or the practice marketplace's). */
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly fetch?: typeof fetch;
  /** Shared between transports (API and auth hosts) so both learn from every response. */
  readonly clock?: ServerClock;
  /** The laptop's clock, when no `clock` is given (tests). */
  readonly now?: () => number;
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
}

export interface TransportStats {
  /** Requests handed to the network (including ones that failed after connecting). */
  readonly calls: number;
  /** Responses whose status line and headers arrived. */
  readonly responses: number;
  /** Request line, headers and body of every call that may have left the laptop. */
  readonly bytesSent: number;
  /** Status lines, headers and the body bytes read. */
  readonly bytesReceived: number;
}

/** Where a call's validated result is taken from. */
export type ResultAt = 'data' | 'envelope';

interface PreparedRequest {
  readonly url: URL;
  readonly init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
  readonly wireBytes: number;
}

export class LazadaTransport {
  readonly clock: ServerClock;
  readonly baseUrl: string;
  readonly #appKey: string;
  readonly #appSecret: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  #stats: TransportStats = { calls: 0, responses: 0, bytesSent: 0, bytesReceived: 0 };

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#appKey = options.appKey;
    this.#appSecret = options.appSecret;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.clock = options.clock ?? new ServerClock(options.now);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  stats(): TransportStats {
    return { ...this.#stats };
  }

  /**
   * Sends `call` and returns its `data` (or, with `at: 'envelope'`, the whole success
   * envelope: Lazada's token calls put their fields beside `code`) validated by `schema`.
   * Rejects with a `MarketplaceFailure`, or with the caller's abort reason.
   */
  async call<T>(call: LazadaCall, schema: z.ZodType<T>, at: ResultAt = 'data'): Promise<T> {
    call.signal?.throwIfAborted();
    const timeoutMs = call.timeoutMs ?? this.#timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    const failed = (error: unknown): unknown => {
      if (call.signal?.aborted) return call.signal.reason;
      if (deadline.aborted) {
        return new MarketplaceFailure(
          'unknown_outcome',
          `${call.path}: no complete answer within ${timeoutMs / 1000} s (the request may have been processed)`,
        );
      }
      return networkFailure(error, call.path);
    };

    const request = await this.#prepare(call);
    this.#count({ calls: 1, bytesSent: request.wireBytes });
    const sentAt = this.clock.localNow();
    let response: Response;
    try {
      response = await this.#fetch(request.url, { ...request.init, signal, redirect: 'manual' });
    } catch (error) {
      const failure = failed(error);
      // Provably never sent: do not count its bytes.
      if (failure instanceof MarketplaceFailure && failure.kind === 'offline') {
        this.#count({ bytesSent: -request.wireBytes });
      }
      throw failure;
    }
    this.clock.observe(response.headers.get('date'), sentAt, this.clock.localNow());
    this.#count({ responses: 1, bytesReceived: responseHeadWireBytes(response) });
    return this.#interpret(call, response, schema, at, failed);
  }

  async #interpret<T>(
    call: LazadaCall,
    response: Response,
    schema: z.ZodType<T>,
    at: ResultAt,
    failed: (error: unknown) => unknown,
  ): Promise<T> {
    const { status } = response;
    const path = call.path;
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), this.clock.now());
    if (status === 429) {
      await response.body?.cancel().catch(() => undefined);
      throw new MarketplaceFailure('throttled', `${path}: too many requests (HTTP 429)`, {
        status,
        retryAfterMs: retryAfter ?? THROTTLE_DEFAULT_MS,
      });
    }

    let body;
    try {
      body = await readCapped(response, this.#maxResponseBytes);
    } catch (error) {
      throw failed(error);
    }
    if (body.kind === 'too_large') {
      this.#count({ bytesReceived: body.bytesRead });
      throw unknown(path, `the answer is larger than ${this.#maxResponseBytes} bytes; reading stopped`, status);
    }
    this.#count({ bytesReceived: body.bytes.length });

    const json = parseJson(body.bytes);
    const retry = retryAfter !== undefined ? { retryAfterMs: retryAfter } : {};
    if (status >= 300 && status < 400) {
      throw unknown(path, `redirected (HTTP ${status}) to ${response.headers.get('location') ?? '?'}`, status);
    }
    if (status >= 500) {
      const code = errorEnvelopeSchema.safeParse(json.value).data?.code;
      throw new MarketplaceFailure(
        'unknown_outcome',
        `${path}: the marketplace failed (HTTP ${status}${code !== undefined ? `, ${code}` : ''})`,
        { status, ...retry, ...(code !== undefined ? { code } : {}) },
      );
    }
    if (!json.ok) {
      const what = looksLikeHtml(response, body.bytes) ? 'an HTML page (a captive portal or proxy?)' : 'not JSON';
      throw unknown(path, `the answer is ${what} (HTTP ${status})`, status);
    }

    const success = successEnvelopeSchema.safeParse(json.value);
    if (success.success && status >= 200 && status < 300) {
      const result = schema.safeParse(at === 'data' ? success.data.data : json.value);
      if (!result.success) {
        throw unknown(path, `the answer has an unexpected shape: ${describeIssues(result.error, at)}`, status);
      }
      return result.data;
    }
    const error = errorEnvelopeSchema.safeParse(json.value);
    if (error.success && error.data.code !== '0') throw failureFromError(path, error.data, status, retryAfter);
    throw unknown(path, `the answer is not a Lazada envelope (HTTP ${status})`, status);
  }

  /** Adds the system parameters, signs, and encodes: the last step before the network. */
  async #prepare(call: LazadaCall): Promise<PreparedRequest> {
    if (!call.path.startsWith('/')) throw new TypeError(`API path must start with "/": ${call.path}`);
    if (call.file && call.method !== 'POST') throw new TypeError('a file can only be sent with POST');
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(call.params ?? {})) {
      if (SYSTEM_PARAMS.has(name)) throw new TypeError(`${name} is a system parameter; the transport sets it`);
      params[name] = value;
    }
    params.app_key = this.#appKey;
    params.timestamp = String(this.clock.now());
    params.sign_method = 'sha256';
    if (call.accessToken !== undefined) params.access_token = call.accessToken;
    params.sign = lazadaSignature(call.path, params, this.#appSecret);

    const url = new URL(this.baseUrl + call.path);
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (call.method === 'GET') {
      for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
    } else if (!call.file) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
      body = new URLSearchParams(params).toString();
    } else {
      ({ body, contentType: headers['content-type'] } = await multipart(url, params, call.file));
    }
    const bodyBytes = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return {
      url,
      init: { method: call.method, headers, ...(body !== undefined ? { body } : {}) },
      wireBytes: requestWireBytes(call.method, url, headers, bodyBytes),
    };
  }

  #count(delta: Partial<TransportStats>): void {
    const s = this.#stats;
    this.#stats = {
      calls: s.calls + (delta.calls ?? 0),
      responses: s.responses + (delta.responses ?? 0),
      bytesSent: s.bytesSent + (delta.bytesSent ?? 0),
      bytesReceived: s.bytesReceived + (delta.bytesReceived ?? 0),
    };
  }
}

/**
 * The multipart body, serialised up front by fetch's own encoder so its exact size is
 * known (for the byte count) and it is sent with a Content-Length, not chunked.
 */
async function multipart(
  url: URL,
  params: Readonly<Record<string, string>>,
  file: LazadaFile,
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.append(name, value);
  // Copied into a plain ArrayBuffer, which is what a Blob takes under both the DOM and Node typings.
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' });
  form.append(file.field, blob, file.fileName);
  const encoded = new Request(url, { method: 'POST', body: form });
  const contentType = encoded.headers.get('content-type');
  if (contentType === null) throw new TypeError('multipart encoding gave no content type');
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType };
}

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; value: undefined } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

function looksLikeHtml(response: Response, bytes: Buffer): boolean {
  if (/html/i.test(response.headers.get('content-type') ?? '')) return true;
  return /^\s*</.test(bytes.subarray(0, 256).toString('utf8'));
}

function unknown(path: string, what: string, status: number): MarketplaceFailure {
  return new MarketplaceFailure('unknown_outcome', `${path}: ${what}`, { status });
}
