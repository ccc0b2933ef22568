import { randomBytes } from 'node:crypto';
import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { fail, type ApiResult } from './envelope';
import { AUTHORIZE_CSP, escapeHtml, page, t, type PracticeLanguage } from './html';
import type { PracticeStore } from './store';

/**
 * Connecting a practice shop the way a Lazada shop is connected (marketplaces.md §1.1):
 * the authorize page (here: "Toko latihan", type a shop name or pick one, press "Izinkan"),
 * a redirect back to the app with a single-use code valid 30 min, and the token APIs.
 * Only redirects to this laptop (`http://127.0.0.1:*`, `http://localhost:*`) are allowed:
 * the practice marketplace must never send a code anywhere else.
 */

export const CODE_TTL_MS = 30 * 60 * 1000;
export const MAX_SHOP_NAME = 60;

export interface TokenTtl {
  /** Access token lifetime, ms (Lazada's test apps: 7 days). */
  readonly accessMs: number;
  /** Refresh token lifetime, ms (30 days). */
  readonly refreshMs: number;
}

export const DEFAULT_TOKEN_TTL: TokenTtl = { accessMs: 7 * 24 * 3_600_000, refreshMs: 30 * 24 * 3_600_000 };

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly sellerId: number;
}

function opaque(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

export function issueTokens(store: PracticeStore, sellerId: number, now: number, ttl: TokenTtl): IssuedTokens {
  const accessToken = opaque('pa_');
  const refreshToken = opaque('pr_');
  store.transaction(() => {
    store.addToken(accessToken, 'access', sellerId, now + ttl.accessMs);
    store.addToken(refreshToken, 'refresh', sellerId, now + ttl.refreshMs);
  });
  return { accessToken, refreshToken, sellerId };
}

/**
 * The token answer. Lazada puts these fields beside `code` at the top level of the
 * envelope (not in `data`); the router merges them so. Ids are text, as Lazada sends them.
 */
function tokenFields(
  store: PracticeStore,
  sellerId: number,
  tokens: { accessToken: string; refreshToken: string; accessExpiresAt: number; refreshExpiresAt: number },
  now: number,
): Record<string, unknown> {
  const shop = store.shop(sellerId);
  return {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    expires_in: Math.max(0, Math.floor((tokens.accessExpiresAt - now) / 1000)),
    refresh_expires_in: Math.max(0, Math.floor((tokens.refreshExpiresAt - now) / 1000)),
    account: `${shop?.short_code.toLowerCase() ?? sellerId}@latihan.akar.invalid`,
    account_platform: 'seller_center',
    country: 'id',
    country_user_info: [
      {
        country: 'id',
        seller_id: String(sellerId),
        user_id: String(sellerId + 500_000),
        short_code: shop?.short_code ?? '',
      },
    ],
  };
}

/** A top-level-fields answer: the router spreads `fields` beside `code`. */
export interface TopLevelAnswer {
  readonly topLevel: Record<string, unknown>;
}

export function createTokenApi(
  store: PracticeStore,
  params: Readonly<Record<string, string>>,
  now: number,
  ttl: TokenTtl,
): ApiResult | TopLevelAnswer {
  const code = params.code ?? '';
  const sellerId = code === '' ? undefined : store.consumeCode(code, now, CODE_TTL_MS);
  if (sellerId === undefined) return fail(LAZADA_CODES.invalidCode, 'The code is unknown, used or expired', 'code');
  const issued = issueTokens(store, sellerId, now, ttl);
  return {
    topLevel: tokenFields(
      store,
      sellerId,
      { ...issued, accessExpiresAt: now + ttl.accessMs, refreshExpiresAt: now + ttl.refreshMs },
      now,
    ),
  };
}

/**
 * A new access token; the refresh token stays the same and keeps its expiry (whether
 * Lazada rotates them is unconfirmed, marketplaces.md §1.1; a client that stores whatever
 * comes back works either way). Older access tokens stay valid until they expire.
 */
export function refreshTokenApi(
  store: PracticeStore,
  params: Readonly<Record<string, string>>,
  now: number,
  ttl: TokenTtl,
): ApiResult | TopLevelAnswer {
  const refreshToken = params.refresh_token ?? '';
  const found = refreshToken === '' ? undefined : store.token(refreshToken, 'refresh', now);
  if (!found) return fail(LAZADA_CODES.illegalRefreshToken, 'The refresh token is unknown or expired', 'refresh_token');
  const accessToken = opaque('pa_');
  store.addToken(accessToken, 'access', found.sellerId, now + ttl.accessMs);
  return {
    topLevel: tokenFields(
      store,
      found.sellerId,
      { accessToken, refreshToken, accessExpiresAt: now + ttl.accessMs, refreshExpiresAt: found.expiresAt },
      now,
    ),
  };
}

// The authorize page ------------------------------------------------------------------------

export interface AuthorizeReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function allowedRedirect(uri: string | undefined): URL | undefined {
  if (uri === undefined) return undefined;
  try {
    const url = new URL(uri);
    if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')) return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function html(status: number, language: PracticeLanguage, title: string, body: string): AuthorizeReply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': AUTHORIZE_CSP,
      'cache-control': 'no-store',
    },
    body: page(language, title, body),
  };
}

function refusal(language: PracticeLanguage, key: string): AuthorizeReply {
  const title = t(language, 'authorize.title');
  return html(
    400,
    language,
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(t(language, key))}</p>`,
  );
}

/** The request's own checks; a refusal page, or the validated redirect. */
function checkRequest(form: Readonly<Record<string, string>>, appKey: string, language: PracticeLanguage) {
  if (form.response_type !== 'code' || form.client_id === undefined) return refusal(language, 'authorize.badRequest');
  if (form.client_id !== appKey) return refusal(language, 'authorize.badClient');
  const redirect = allowedRedirect(form.redirect_uri);
  if (!redirect) return refusal(language, 'authorize.badRedirect');
  return redirect;
}

function formPage(
  store: PracticeStore,
  form: Readonly<Record<string, string>>,
  language: PracticeLanguage,
  error?: string,
): AuthorizeReply {
  const title = t(language, 'authorize.title');
  const hidden = ['response_type', 'client_id', 'redirect_uri', 'state']
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(form[name] ?? '')}">`)
    .join('');
  const shops = store.shops();
  const choices =
    shops.length === 0
      ? ''
      : `<fieldset><legend>${escapeHtml(t(language, 'authorize.existingShop'))}</legend>` +
        `<label><input type="radio" name="seller_id" value="" checked> ${escapeHtml(t(language, 'authorize.none'))}</label>` +
        shops
          .map(
            (s) => `<label><input type="radio" name="seller_id" value="${s.seller_id}"> ${escapeHtml(s.name)}</label>`,
          )
          .join('') +
        '</fieldset>';
  const body =
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(language, 'authorize.intro'))}</p>` +
    (error ? `<p class="error">${escapeHtml(t(language, error))}</p>` : '') +
    `<form method="post" action="/oauth/authorize">${hidden}` +
    `<label for="shop_name">${escapeHtml(t(language, 'authorize.newShop'))}</label>` +
    `<input type="text" id="shop_name" name="shop_name" maxlength="${MAX_SHOP_NAME}" placeholder="${escapeHtml(t(language, 'authorize.newShopHint'))}" value="${escapeHtml(form.shop_name ?? '')}">` +
    `${choices}<button type="submit">${escapeHtml(t(language, 'authorize.allow'))}</button></form>`;
  return html(error ? 400 : 200, language, title, body);
}

export function authorizeGet(
  store: PracticeStore,
  query: Readonly<Record<string, string>>,
  appKey: string,
  language: PracticeLanguage,
): AuthorizeReply {
  const checked = checkRequest(query, appKey, language);
  if (!(checked instanceof URL)) return checked;
  return formPage(store, query, language);
}

/** "Izinkan": the chosen or new shop gets a code, and the browser goes back to the app. */
export function authorizePost(
  store: PracticeStore,
  form: Readonly<Record<string, string>>,
  appKey: string,
  language: PracticeLanguage,
  now: number,
): AuthorizeReply {
  const checked = checkRequest(form, appKey, language);
  if (!(checked instanceof URL)) return checked;
  const picked = /^\d{1,15}$/.test(form.seller_id ?? '') ? store.shop(Number(form.seller_id)) : undefined;
  const name = (form.shop_name ?? '').trim();
  let sellerId: number;
  if (picked) sellerId = picked.seller_id;
  else if (name.length >= 1 && [...name].length <= MAX_SHOP_NAME) sellerId = store.ensureShop(name, now).seller_id;
  else return formPage(store, form, language, 'authorize.nameRequired');
  const code = `0_${sellerId}_${randomBytes(18).toString('base64url')}`;
  store.addCode(code, sellerId, now);
  checked.searchParams.set('code', code);
  if (form.state !== undefined) checked.searchParams.set('state', form.state);
  return { status: 302, headers: { location: checked.toString(), 'cache-control': 'no-store' }, body: '' };
}
