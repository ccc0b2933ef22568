/**
 * Errors are values, not exceptions, across every boundary (core API, IPC, CLI).
 * `code` is stable and translated by the UI; `message` is an English fallback for logs;
 * `field` names the offending input (dot path, e.g. `skus.1.price`); `reason` and `params`
 * let the UI say precisely what is wrong with that field.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'duplicate_sku',
  'in_trash',
  'db_too_new',
  'db_open_failed',
  'unknown_channel',
  'forbidden_sender',
  /** A spreadsheet that cannot be read; `params.reason` says why (too large, not a spreadsheet...). */
  'file_unreadable',
  /** A file that cannot be written (folder gone, file open in Excel...); `params.reason` says why. */
  'file_unwritable',
  /** Long work the user stopped; nothing of it was kept. */
  'cancelled',
  /** The participant's shop is not connected to that marketplace yet (or must be connected again). */
  'not_connected',
  /** The marketplace could not be reached (no connection, server down). */
  'marketplace_unreachable',
  /** The marketplace refused the sign-in: wrong app key or secret, expired or revoked token. */
  'marketplace_auth',
  /** The marketplace answered something Akar could not use; `params.detail` says what. */
  'marketplace_error',
  /** The laptop's clock is too far from the marketplace's; `params.minutes` says by how much. */
  'clock_wrong',
  /** Lazada's app key and secret are not entered on this laptop yet (a trainer does it once). */
  'app_not_set_up',
  /** Signing a shop in did not finish; `params.reason` says why (timeout, denied, port_busy, bad_code, closed). */
  'sign_in_failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a field was rejected; each has a translation under `validation.<reason>`. */
export const VALIDATION_REASONS = [
  'required',
  'wrong_type',
  'not_a_number',
  'too_small',
  'too_small_exclusive',
  'too_big',
  'too_long',
  'not_whole',
  'too_many_decimals',
  'invalid_choice',
  'unknown_field',
  'invalid_format',
  'required_when_ready',
  'duplicate_in_product',
  'variation_needed',
  'variation2_without_1',
  'special_not_below_price',
  'ends_before_start',
  'category_unknown',
  'category_not_leaf',
  'not_a_date',
  'one_value_only',
  'invalid',
] as const;

export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export interface FieldIssue {
  readonly field: string;
  readonly reason: ValidationReason;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly reason?: ValidationReason;
  readonly params?: Readonly<Record<string, string | number>>;
  /** For `invalid_input`: every problem found (first per field), so a form can mark them all at once. */
  readonly issues?: readonly FieldIssue[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** The one answer for a bug: logged where it happened, never shown as a stack trace. */
export const INTERNAL_ERROR: AppError = { code: 'internal', message: 'Something went wrong inside Akar' };
