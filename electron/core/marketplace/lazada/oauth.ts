import { z } from 'zod';
import type { LazadaTransport } from './transport';

/**
 * Connecting a Lazada shop (marketplaces.md §1.1, LZD-DOC 108260): the seller opens the
 * authorize page in a browser, Lazada redirects to `redirect_uri` with a single-use `code`
 * (valid 30 min), and the code is exchanged for tokens. Token calls are signed like any
 * other call, without `access_token`, against the auth REST base
 * (`https://auth.lazada.com/rest`; the practice marketplace serves them under its own
 * base). They are POSTed form-encoded, as the official SDK does, which also keeps the
 * code and refresh token out of URLs and logs.
 *
 * Fields read from `/auth/token/create` and `/auth/token/refresh` (the same for both):
 * `access_token`, `refresh_token`, `expires_in` and `refresh_expires_in` (seconds),
 * `country_user_info[{country, seller_id, short_code}]` (the entry for country "id" is
 * taken, else the first). Lazada puts them beside `code` at the top level of the answer;
 * inside a `data` object is accepted too.
 */

export interface LazadaAccount {
  readonly sellerId: string;
  readonly shortCode: string;
  /** Lazada's lower-case country code, e.g. "id". */
  readonly country: string;
}

export interface LazadaTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Local ms epoch (the laptop's clock: expiry is a duration from when the answer arrived). */
  readonly expiresAt: number;
  readonly refreshExpiresAt: number;
  readonly account: LazadaAccount;
}

export function authorizeUrl(options: {
  readonly authorize: string;
  readonly appKey: string;
  readonly redirectUri: string;
  readonly state: string;
}): string {
  const url = new URL(options.authorize);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('force_auth', 'true');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('client_id', options.appKey);
  url.searchParams.set('state', options.state);
  return url.toString();
}

const seconds = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
]);
const idText = z.union([z.number().int().nonnegative(), z.string().min(1).max(100)]).transform(String);

const tokenFieldsSchema = z.looseObject({
  access_token: z.string().min(1).max(4096),
  refresh_token: z.string().min(1).max(4096),
  expires_in: seconds,
  refresh_expires_in: seconds,
  country_user_info: z
    .array(z.looseObject({ country: z.string().min(1).max(10), seller_id: idText, short_code: z.string().max(100) }))
    .min(1),
});

/** The fields at the top level (Lazada), or inside `data`. */
const tokenAnswerSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && 'data' in value && typeof value.data === 'object' && value.data
      ? value.data
      : value,
  tokenFieldsSchema,
);

export function createToken(transport: LazadaTransport, code: string, signal?: AbortSignal): Promise<LazadaTokens> {
  return tokenCall(transport, '/auth/token/create', { code }, signal);
}

export function refreshToken(transport: LazadaTransport, token: string, signal?: AbortSignal): Promise<LazadaTokens> {
  return tokenCall(transport, '/auth/token/refresh', { refresh_token: token }, signal);
}

async function tokenCall(
  transport: LazadaTransport,
  path: string,
  params: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<LazadaTokens> {
  const answer = await transport.call(
    { method: 'POST', path, params, ...(signal ? { signal } : {}) },
    tokenAnswerSchema,
    'envelope',
  );
  const receivedAt = transport.clock.localNow();
  const infos = answer.country_user_info;
  // min(1) above guarantees an entry; the fallback only satisfies the type checker.
  const info = infos.find((entry) => entry.country.toLowerCase() === 'id') ?? infos[0];
  if (info === undefined) throw new TypeError('country_user_info is empty');
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: receivedAt + answer.expires_in * 1000,
    refreshExpiresAt: receivedAt + answer.refresh_expires_in * 1000,
    account: { sellerId: info.seller_id, shortCode: info.short_code, country: info.country.toLowerCase() },
  };
}

/** What an authorization code can look like (Lazada's are like `0_123456_AbC…`). */
const CODE_PATTERN = /^[A-Za-z0-9._~-]{4,512}$/;

/**
 * The code from what the seller pasted when the loopback redirect could not reach Akar
 * (another browser profile, a firewall): a bare code, or the whole address the browser
 * ended on (`http://127.0.0.1:P/callback?code=…&state=…`, with or without the scheme).
 * Null when there is no plausible code in it.
 */
export function parsePastedCode(text: string): string | null {
  const trimmed = text.trim();
  if (CODE_PATTERN.test(trimmed)) return trimmed;
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : trimmed;
  const code = new URLSearchParams(query.split('#')[0]).get('code')?.trim();
  return code !== undefined && CODE_PATTERN.test(code) ? code : null;
}
