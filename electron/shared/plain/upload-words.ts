import { ADVISED_CODES, QC_REASON_KEYS } from './qc-reasons';
import { READINESS_PROBLEMS } from './readiness';

/**
 * How an upload's state and failures become words, as plain rules every layer shares:
 * the upload centre and `akar upload` say the same thing for the same listing. `t` is the
 * caller's translator (i18next's, or a test's). Imports nothing outside this folder.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Listings still on their way to the marketplace: waiting, or photos or the product being sent. */
export const SENDING_STATES = ['queued', 'images', 'creating', 'updating'] as const;

export function isSending(state: string): boolean {
  return (SENDING_STATES as readonly string[]).includes(state);
}

export function sendingCount(counts: Readonly<Record<(typeof SENDING_STATES)[number], number>>): number {
  return SENDING_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** A problem found before upload, in words (readiness problems are the catalogue's own). */
export function problemText(t: Translate, problem: string): string {
  return (READINESS_PROBLEMS as readonly string[]).includes(problem)
    ? t(`catalogue:problems.${problem}`)
    : t(`upload:problems.${problem}`);
}

/** What a listing carries about why it is not live (the shape of `UploadListing`). */
export interface ListingTrouble {
  readonly state: string;
  readonly rejectReason: string | null;
  readonly error: { readonly kind: string; readonly code?: string; readonly message: string } | null;
}

export interface ListingAdvice {
  /** What to do, in the seller's language ('' when nothing is wrong). */
  readonly advice: string;
  /** The marketplace's own words, shown in quotes after the advice (never a code alone). */
  readonly theirs: string | null;
}

/**
 * Why a listing is not live, with what to do: each QC reason (the marketplace may give
 * several, joined by "; "), the marketplace's code, or the failure. `fallback` is said for
 * a failure kind without words of its own.
 */
export function listingAdvice(t: Translate, listing: ListingTrouble, fallback?: string): ListingAdvice {
  if (listing.state === 'rejected') {
    const reasons = (listing.rejectReason ?? '').split('; ').map((reason) => reason.trim());
    const known = reasons.filter((reason) => Object.hasOwn(QC_REASON_KEYS, reason));
    const advice = reasons.map((reason) =>
      // "other" already quotes the reason inside its sentence.
      Object.hasOwn(QC_REASON_KEYS, reason)
        ? t(`upload:qc.${QC_REASON_KEYS[reason]}`)
        : t('upload:qc.other', { reason }),
    );
    return { advice: advice.join(' '), theirs: known.length > 0 ? known.join('; ') : null };
  }
  const error = listing.error;
  if (error === null) return { advice: '', theirs: null };
  const theirs = error.code !== undefined && error.message.trim() !== '' ? error.message.trim() : null;
  if (error.code !== undefined && ADVISED_CODES.includes(error.code)) {
    return { advice: t(`upload:codes.${error.code}`), theirs };
  }
  return { advice: t(`upload:errors.${error.kind}`, { defaultValue: fallback ?? error.message }), theirs };
}
