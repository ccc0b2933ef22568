import type { IncomingMessage } from 'node:http';
import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { lazadaSignature, signatureMatches } from '../marketplace/lazada/sign';
import { fail, type ApiResult } from './envelope';

/**
 * Reading a `/rest` request: the body (bounded), the parameters from the query string,
 * a form-encoded body or multipart fields (merged; the body wins a clash), the file parts
 * apart, and the gateway checks Lazada makes before any API runs (marketplaces.md §1.1).
 */

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Lazada's window for `timestamp`. */
export const TIMESTAMP_WINDOW_MS = 7200 * 1000;

export class BodyTooLarge extends Error {
  constructor() {
    super('request body too large');
  }
}

/** The whole body, or BodyTooLarge as soon as it passes `limit` (nothing more is buffered). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    // Gone before we started listening (killed during an injected delay): its 'close' has passed.
    if (req.destroyed && !req.complete) {
      reject(new Error('request aborted'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // A client killed mid-upload: 'close' without 'end' (settling twice is harmless).
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

export interface RequestParams {
  /** Every text parameter, query and body merged. */
  readonly params: Record<string, string>;
  /** File parts of a multipart body, by field name (not signed). */
  readonly files: Record<string, Buffer>;
}

/** Parses the query and body; a body that cannot be parsed gives an error result. */
export async function parseParams(
  url: URL,
  contentType: string | undefined,
  body: Buffer,
): Promise<RequestParams | ApiResult> {
  const params: Record<string, string> = {};
  const files: Record<string, Buffer> = {};
  for (const [key, value] of url.searchParams) params[key] = value;
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return { params, files };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  } else if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      // undici's multipart parser (Node's own fetch), so no dependency is needed for it.
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      return fail(LAZADA_CODES.invalidParameter, 'The multipart body cannot be read', 'body');
    }
    for (const [key, value] of form) {
      if (typeof value === 'string') params[key] = value;
      else files[key] = Buffer.from(await value.arrayBuffer());
    }
  }
  return { params, files };
}

export interface GatewayConfig {
  readonly appKey: string;
  readonly appSecret: string;
  readonly now: number;
}

/** Lazada's gateway checks in its order: app key, sign method, timestamp, signature. */
export function verifySignature(
  apiPath: string,
  params: Readonly<Record<string, string>>,
  config: GatewayConfig,
): ApiResult | undefined {
  const appKey = params.app_key;
  if (appKey === undefined || appKey === '') return fail(LAZADA_CODES.invalidAppKey, 'app_key is missing', 'app_key');
  if (appKey !== config.appKey) return fail(LAZADA_CODES.invalidAppKey, 'The app_key is not known', 'app_key');
  if (params.sign_method !== 'sha256') {
    return fail(LAZADA_CODES.incompleteSignature, 'sign_method must be sha256', 'sign_method');
  }
  const timestamp = params.timestamp ?? '';
  if (!/^\d{1,16}$/.test(timestamp) || Math.abs(Number(timestamp) - config.now) > TIMESTAMP_WINDOW_MS) {
    return fail(
      LAZADA_CODES.invalidTimestamp,
      'Timestamp is missing or more than 7200 s from the server time',
      'timestamp',
    );
  }
  const sign = params.sign ?? '';
  if (sign === '' || !signatureMatches(lazadaSignature(apiPath, params, config.appSecret), sign)) {
    return fail(LAZADA_CODES.incompleteSignature, 'The request signature does not match', 'sign');
  }
  return undefined;
}
