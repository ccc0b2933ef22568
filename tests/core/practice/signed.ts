import sharp from 'sharp';
import { lazadaSignature } from '../../../electron/core/marketplace/lazada/sign';
import type { PracticeServer } from '../../../electron/core/practice';

/**
 * A tiny signed-request helper for the practice marketplace tests: builds Lazada's system
 * parameters and signature by hand (global fetch + lazadaSignature), so the tests check the
 * server against the wire format, not against the client under construction elsewhere.
 */

export interface CallOptions {
  readonly method?: 'GET' | 'POST';
  readonly accessToken?: string;
  /** Multipart file for the `image` field. */
  readonly image?: Buffer;
  readonly secret?: string;
  readonly appKey?: string;
  readonly timestamp?: number;
  /** Put these params in the query string of a POST as well (they are signed). */
  readonly query?: Readonly<Record<string, string>>;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

export function signedParams(
  server: Pick<PracticeServer, 'appKey' | 'appSecret'>,
  apiPath: string,
  params: Readonly<Record<string, string>>,
  options: CallOptions = {},
): Record<string, string> {
  const all: Record<string, string> = {
    ...params,
    ...options.query,
    app_key: options.appKey ?? server.appKey,
    timestamp: String(options.timestamp ?? Date.now()),
    sign_method: 'sha256',
  };
  if (options.accessToken !== undefined) all.access_token = options.accessToken;
  all.sign = lazadaSignature(apiPath, all, options.secret ?? server.appSecret);
  return all;
}

export async function call(
  server: PracticeServer,
  apiPath: string,
  params: Readonly<Record<string, string>> = {},
  options: CallOptions = {},
): Promise<CallResult> {
  const all = signedParams(server, apiPath, params, options);
  const method = options.method ?? (options.image ? 'POST' : 'GET');
  const url = new URL(server.apiUrl + apiPath);
  let body: string | FormData | undefined;
  if (method === 'GET') {
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  } else {
    const inQuery = new Set(Object.keys(options.query ?? {}));
    for (const k of inQuery) url.searchParams.set(k, all[k] ?? '');
    if (options.image) {
      const form = new FormData();
      for (const [k, v] of Object.entries(all)) if (!inQuery.has(k)) form.append(k, v);
      form.append('image', new Blob([new Uint8Array(options.image)]), 'photo.jpg');
      body = form;
    } else {
      body = new URLSearchParams(Object.entries(all).filter(([k]) => !inQuery.has(k))).toString();
    }
  }
  const response = await fetch(url, {
    method,
    ...(body !== undefined ? { body } : {}),
    ...(typeof body === 'string' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
  });
  const text = await response.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `data` of a successful answer, or a thrown error showing the answer. */
export function dataOf<T = Record<string, unknown>>(result: CallResult): T {
  if (result.json.code !== '0') throw new Error(`expected success, got ${result.status} ${result.text.slice(0, 500)}`);
  return result.json.data as T;
}

// Images -----------------------------------------------------------------------------------

/** A product (a dark square) centred on a white canvas, as the photo studio makes them. */
export async function whiteCanvasJpeg(side = 600, product = '#8b4513'): Promise<Buffer> {
  const inner = Math.round(side * 0.6);
  const square = await sharp({ create: { width: inner, height: inner, channels: 3, background: product } })
    .png()
    .toBuffer();
  return sharp({ create: { width: side, height: side, channels: 3, background: '#ffffff' } })
    .composite([{ input: square, gravity: 'centre' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** The same product on a coloured cloth. */
export async function colouredJpeg(side = 600, background = '#2e6b30'): Promise<Buffer> {
  const inner = Math.round(side * 0.6);
  const square = await sharp({ create: { width: inner, height: inner, channels: 3, background: '#8b4513' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: side, height: side, channels: 3, background } })
    .composite([{ input: square, gravity: 'centre' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function whitePng(side = 500): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
}

export async function uploadImage(server: PracticeServer, accessToken: string, bytes: Buffer): Promise<string> {
  const result = await call(server, '/image/upload', {}, { accessToken, image: bytes });
  return dataOf<{ image: { url: string } }>(result).image.url;
}

// Payloads ---------------------------------------------------------------------------------

/** Peralatan Masak: a leaf whose only mandatory attribute is brand. */
export const SIMPLE_LEAF = '12085371';
/** Keripik: brand and shelf_life are mandatory. */
export const SNACK_LEAF = '13891072';
/** Peci & Kopiah: color_family is a mandatory sale property. */
export const COLOUR_LEAF = '13297998';
export const NOT_LEAF = '74835';

export const GOOD_DESCRIPTION =
  'Wajan besi tebal buatan pengrajin Garut, awet dan tahan panas untuk masak sehari-hari.';

export interface ProductOptions {
  readonly category?: string;
  readonly name?: string;
  readonly description?: string;
  readonly images?: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
  readonly skus?: readonly Record<string, unknown>[];
  readonly itemId?: number | string;
}

export function sku(sellerSku: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    SellerSku: sellerSku,
    quantity: '10',
    price: '15000',
    package_length: '10',
    package_width: '10',
    package_height: '5',
    package_weight: '0.25',
    ...extra,
  };
}

export function productPayload(options: ProductOptions): string {
  return JSON.stringify({
    Request: {
      Product: {
        ...(options.itemId !== undefined ? { ItemId: String(options.itemId) } : {}),
        PrimaryCategory: options.category ?? SIMPLE_LEAF,
        Images: { Image: [...(options.images ?? [])] },
        Attributes: {
          name: options.name ?? 'Wajan Besi Garut',
          description: options.description ?? GOOD_DESCRIPTION,
          brand: 'No Brand',
          ...options.attributes,
        },
        Skus: { Sku: options.skus ?? [sku('WJN-001')] },
      },
    },
  });
}

export async function create(
  server: PracticeServer,
  accessToken: string,
  options: ProductOptions,
): Promise<CallResult> {
  return call(server, '/product/create', { payload: productPayload(options) }, { method: 'POST', accessToken });
}

/** A mutable clock for tests that move time. */
export function testClock(start = Date.UTC(2026, 0, 15, 3, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}
