import { z } from 'zod';
import { MarketplaceFailure } from '../adapter';
import { AUTH_CODES, DUPLICATE_SKU_CODES, LAZADA_CODES, RETRY_CODES, THROTTLE_CODES } from './codes';

/**
 * How Lazada's answers and the network's failures become a `MarketplaceFailure` (see the
 * kinds in ../adapter.ts). The rule throughout: `offline` only when the request provably
 * never left; whenever it may have reached Lazada and we cannot read what happened, the
 * outcome is unknown and a create must be reconciled by SellerSku.
 */

/** Lazada's frequency ban lasts one second (marketplaces.md §1.3). */
export const THROTTLE_DEFAULT_MS = 1000;

/** A longer `Retry-After` is clamped: timers overflow past 24.8 days, and the engine's breaker takes over. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Errors raised before any byte reached the server: no DNS answer, nothing listening,
 * no route. undici reports them as `TypeError: fetch failed` with the system error as
 * `cause` (an `AggregateError` of the same codes when several addresses were tried), and
 * `UND_ERR_CONNECT_TIMEOUT` when the TCP handshake itself timed out.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The system error codes behind a failed fetch (the cause's own, or each of an AggregateError's). */
function causeCodes(error: unknown): string[] {
  const cause = error instanceof Error ? error.cause : undefined;
  const codes: string[] = [];
  const own = errorCode(cause);
  if (own !== undefined) codes.push(own);
  if (cause instanceof AggregateError) {
    for (const inner of cause.errors) {
      const code = errorCode(inner);
      if (code !== undefined) codes.push(code);
    }
  }
  return codes;
}

/** A fetch that threw before or while reading a response (not an abort: the caller handles those). */
export function networkFailure(error: unknown, apiPath: string): MarketplaceFailure {
  const codes = causeCodes(error);
  const detail = codes[0] ?? (error instanceof Error ? error.message : String(error));
  if (codes.length > 0 && codes.every((code) => NEVER_SENT_CODES.has(code))) {
    return new MarketplaceFailure('offline', `${apiPath}: could not reach the marketplace (${detail})`);
  }
  return new MarketplaceFailure(
    'unknown_outcome',
    `${apiPath}: the connection failed after the request may have been sent (${detail})`,
  );
}

const HTTP_DATE_SHAPE = /^[A-Za-z]{3}.*\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b.*\d{2}:\d{2}:\d{2}/;

/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. The date is the
 * server's, so it is compared with the server's time (`serverNow`), not the laptop's.
 */
export function retryAfterMs(header: string | null, serverNow: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  // All three HTTP-date forms name a month and give hh:mm:ss; Date.parse alone takes "-5" for a year.
  if (!HTTP_DATE_SHAPE.test(value)) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return undefined;
  return Math.min(Math.max(0, at - serverNow), MAX_RETRY_AFTER_MS);
}

/** Lazada sends codes as strings; a number is accepted (and compared as text). */
const codeSchema = z.union([z.string().min(1).max(200), z.number()]).transform(String);

export const successEnvelopeSchema = z.looseObject({
  code: codeSchema.refine((code) => code === '0'),
  request_id: z.string().optional().catch(undefined),
  data: z.unknown().optional(),
});

const detailSchema = z.looseObject({ field: z.string().optional(), message: z.string().optional() });

export const errorEnvelopeSchema = z.looseObject({
  /** ISV (our data), ISP (their backend), SYSTEM (platform, auth, frequency). */
  type: z.string().optional(),
  code: codeSchema,
  message: z.string().default('').catch(''),
  request_id: z.string().optional().catch(undefined),
  /** Per-field causes (shape unconfirmed, marketplaces.md §1.2); ignored when it is anything else. */
  detail: z.array(detailSchema).optional().catch(undefined),
});
export type LazadaErrorEnvelope = z.output<typeof errorEnvelopeSchema>;

/** A Lazada error answer (HTTP 2xx/4xx with an error envelope) as the engine sees it. */
export function failureFromError(
  apiPath: string,
  envelope: LazadaErrorEnvelope,
  status: number,
  retryAfter: number | undefined,
): MarketplaceFailure {
  const { code } = envelope;
  const said = `${apiPath}: Lazada answered ${code}${envelope.message ? ` (${envelope.message})` : ''}${
    envelope.request_id ? ` [request ${envelope.request_id}]` : ''
  }`;
  const base = { code, status, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) };
  if (THROTTLE_CODES.has(code)) {
    return new MarketplaceFailure('throttled', said, { ...base, retryAfterMs: retryAfter ?? THROTTLE_DEFAULT_MS });
  }
  if (AUTH_CODES.has(code)) return new MarketplaceFailure('auth', said, base);
  if (code === LAZADA_CODES.invalidTimestamp) return new MarketplaceFailure('clock', said, base);
  if (DUPLICATE_SKU_CODES.has(code)) return new MarketplaceFailure('duplicate', said, base);
  if (RETRY_CODES.has(code)) return new MarketplaceFailure('unknown_outcome', said, base);
  // An unlisted code from Lazada's backend (ISP) is a failure on their side: the call may
  // or may not have taken effect. Unlisted ISV/SYSTEM codes are refusals of what we sent.
  if (envelope.type?.toUpperCase() === 'ISP') return new MarketplaceFailure('unknown_outcome', said, base);
  const field = envelope.detail?.find((item) => item.field !== undefined && item.field !== '')?.field;
  const detailText = envelope.detail
    ?.map((item) => [item.field, item.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
  return new MarketplaceFailure('rejected', detailText ? `${said}: ${detailText}` : said, {
    ...base,
    ...(field !== undefined ? { field } : {}),
  });
}

/** zod issues in one line, for "the answer had an unexpected shape" messages. */
export function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}
