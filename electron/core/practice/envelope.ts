import { randomBytes } from 'node:crypto';
import { LAZADA_CODES, type LazadaCode } from '../marketplace/lazada/codes';

/**
 * Lazada's response envelope (marketplaces.md §1.1): `{"code":"0","data":…,"request_id"}` on
 * success; `{"type","code","message","request_id","detail"?}` on error, with HTTP 200 (Lazada
 * reports business errors inside a 200). `type` follows the Open Platform's split: SYSTEM
 * for the gateway (auth, signature, frequency), ISV for the caller's data, ISP for the
 * platform's own failures.
 */

export type ErrorType = 'ISV' | 'ISP' | 'SYSTEM';

export interface ErrorDetail {
  readonly field: string;
  readonly message: string;
}

/** What an API handler answers; the router turns it into JSON (or garbage, or nothing). */
export type ApiResult =
  | { readonly ok: true; readonly data: unknown }
  | {
      readonly ok: false;
      readonly code: LazadaCode;
      readonly message: string;
      readonly type: ErrorType;
      readonly detail?: readonly ErrorDetail[];
    };

const SYSTEM_CODES: ReadonlySet<string> = new Set([
  LAZADA_CODES.illegalAccessToken,
  LAZADA_CODES.illegalRefreshToken,
  LAZADA_CODES.incompleteSignature,
  LAZADA_CODES.invalidAppKey,
  LAZADA_CODES.invalidTimestamp,
  LAZADA_CODES.apiCallLimit,
  LAZADA_CODES.invalidApiPath,
]);

export function ok(data: unknown): ApiResult {
  return { ok: true, data };
}

/** An error result; `field` adds Lazada's `detail` entry naming the offending field. */
export function fail(code: LazadaCode, message: string, field?: string): ApiResult {
  const type: ErrorType = SYSTEM_CODES.has(code) ? 'SYSTEM' : code === LAZADA_CODES.internal ? 'ISP' : 'ISV';
  return field === undefined
    ? { ok: false, code, message, type }
    : { ok: false, code, message, type, detail: [{ field, message }] };
}

export function requestId(): string {
  return randomBytes(8).toString('hex');
}

export function envelope(result: ApiResult, id: string): Record<string, unknown> {
  if (result.ok) return { code: '0', data: result.data, request_id: id };
  const body: Record<string, unknown> = {
    type: result.type,
    code: result.code,
    message: result.message,
    request_id: id,
  };
  if (result.detail) body.detail = result.detail;
  return body;
}
