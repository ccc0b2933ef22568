/**
 * Where Akar talks to Lazada (marketplaces.md §1.1): the Indonesian API host for every
 * business call, and the one auth host for all countries (token calls and the page the
 * seller opens to grant access). The practice marketplace serves all three under one
 * local base URL, so the same client code runs against either.
 */
export interface LazadaEndpoints {
  /** REST base of business calls (`/product/create` is appended). */
  readonly api: string;
  /** REST base of `/auth/token/create` and `/auth/token/refresh`. */
  readonly auth: string;
  /** The page the seller opens in a browser to grant Akar access. */
  readonly authorize: string;
}

export const LAZADA_ENDPOINTS: LazadaEndpoints = {
  api: 'https://api.lazada.co.id/rest',
  auth: 'https://auth.lazada.com/rest',
  authorize: 'https://auth.lazada.com/oauth/authorize',
};

/** `http://127.0.0.1:P` (with or without a trailing slash) → the practice marketplace's endpoints. */
export function practiceEndpoints(baseUrl: string): LazadaEndpoints {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`practice marketplace base URL must be http(s), got ${url.protocol}`);
  }
  const base = url.origin + url.pathname.replace(/\/+$/, '');
  return { api: `${base}/rest`, auth: `${base}/rest`, authorize: `${base}/oauth/authorize` };
}
