import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { attributesData, brandsData, treeData } from './categories';
import { fail, ok, type ApiResult } from './envelope';
import { checkImage, hashCode, imageExtension, newImageId } from './images';
import { getProducts } from './listings';
import { createTokenApi, refreshTokenApi, type TokenTtl, type TopLevelAnswer } from './oauth';
import { createProduct, removeProducts, updateProduct, type ProductContext } from './products';
import type { PracticeStore } from './store';

/**
 * The `/rest` APIs behind the gateway checks (params.ts): which need an access token, and
 * what each does. Category data is public on Lazada (no `access_token`; the client sends
 * none), so a token is checked there only when one is sent.
 */

export const AUTH_APIS: ReadonlySet<string> = new Set(['/auth/token/create', '/auth/token/refresh']);
const PUBLIC_APIS: ReadonlySet<string> = new Set([
  '/category/tree/get',
  '/category/attributes/get',
  '/category/brands/query',
]);

export const KNOWN_APIS: ReadonlySet<string> = new Set([
  ...AUTH_APIS,
  ...PUBLIC_APIS,
  '/image/upload',
  '/product/create',
  '/product/update',
  '/product/remove',
  '/products/get',
]);

export interface ApiContext {
  readonly store: PracticeStore;
  readonly now: number;
  readonly qcDelayMs: number;
  readonly tokenTtl: TokenTtl;
  /** `http://127.0.0.1:<port>`, for the URLs of hosted images. */
  readonly baseUrl: string;
  readonly imageOrigins: ReadonlySet<string>;
}

export type ApiAnswer = ApiResult | TopLevelAnswer;

/** The shop an access token stands for, null for a call that needs none, or the refusal. */
export function authenticate(
  ctx: ApiContext,
  apiPath: string,
  params: Readonly<Record<string, string>>,
): number | null | ApiResult {
  if (AUTH_APIS.has(apiPath)) return null;
  const token = params.access_token ?? '';
  if (token === '' && PUBLIC_APIS.has(apiPath)) return null;
  const found = token === '' ? undefined : ctx.store.token(token, 'access', ctx.now);
  if (!found)
    return fail(LAZADA_CODES.illegalAccessToken, 'The access token is missing, unknown or expired', 'access_token');
  return found.sellerId;
}

function whole(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export async function runApi(
  ctx: ApiContext,
  apiPath: string,
  sellerId: number | null,
  params: Readonly<Record<string, string>>,
  files: Readonly<Record<string, Buffer>>,
): Promise<ApiAnswer> {
  const products = (id: number): ProductContext => ({
    store: ctx.store,
    sellerId: id,
    now: ctx.now,
    qcDelayMs: ctx.qcDelayMs,
    imageOrigins: ctx.imageOrigins,
  });
  switch (apiPath) {
    case '/auth/token/create':
      return createTokenApi(ctx.store, params, ctx.now, ctx.tokenTtl);
    case '/auth/token/refresh':
      return refreshTokenApi(ctx.store, params, ctx.now, ctx.tokenTtl);
    case '/category/tree/get':
      return ok(treeData(params.language_code));
    case '/category/attributes/get': {
      const id = /^\d{1,16}$/.test(params.primary_category_id ?? '') ? Number(params.primary_category_id) : NaN;
      const data = attributesData(id, params.language_code);
      return data
        ? ok(data)
        : fail(LAZADA_CODES.invalidParameter, 'primary_category_id is not a leaf category', 'primary_category_id');
    }
    case '/category/brands/query': {
      const startRow = whole(params.startRow, 0);
      const pageSize = whole(params.pageSize, 20);
      if (startRow === undefined || pageSize === undefined || pageSize < 1 || pageSize > 200) {
        return fail(LAZADA_CODES.invalidParameter, 'startRow must be ≥ 0 and pageSize 1-200', 'pageSize');
      }
      return ok(brandsData(startRow, pageSize));
    }
    case '/image/upload':
      return uploadImage(ctx, files.image);
  }
  // Everything below acts on a shop.
  if (sellerId === null) return fail(LAZADA_CODES.illegalAccessToken, 'An access token is required', 'access_token');
  switch (apiPath) {
    case '/product/create':
      return createProduct(products(sellerId), params.payload);
    case '/product/update':
      return updateProduct(products(sellerId), params.payload);
    case '/product/remove':
      return removeProducts(products(sellerId), params.seller_sku_list);
    case '/products/get':
      return getProducts(ctx.store, sellerId, params, ctx.now);
    default:
      return fail(LAZADA_CODES.invalidApiPath, `Unknown API ${apiPath}`);
  }
}

async function uploadImage(ctx: ApiContext, bytes: Buffer | undefined): Promise<ApiResult> {
  if (bytes === undefined || bytes.length === 0) {
    return fail(LAZADA_CODES.missingParameter, 'The multipart file field "image" is missing', 'image');
  }
  const check = await checkImage(bytes);
  if (!check.ok) return fail(LAZADA_CODES.imageInvalid, check.message, 'image');
  const id = newImageId();
  ctx.store.addImage(
    {
      id,
      sha256: check.sha256,
      format: check.format,
      width: check.width,
      height: check.height,
      bg_luminance: check.background.luminance,
      bg_chroma: check.background.chroma,
    },
    bytes,
    ctx.now,
  );
  return ok({
    image: { url: `${ctx.baseUrl}/img/${id}.${imageExtension(check.format)}`, hash_code: hashCode(check.sha256) },
  });
}
