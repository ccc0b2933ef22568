import type { Language } from '../../../../electron/shared/catalogue';
import { ADVISED_CODES, QC_REASON_KEYS } from '../../../../electron/shared/plain/qc-reasons';
import { READINESS_PROBLEMS } from '../../../../electron/shared/plain/readiness';
import type { StateCounts, UploadListing, UploadState } from '../../../../electron/shared/uploads';
import { formatNumber } from '../../lib/numbers';

/**
 * Words for what the upload engine and the marketplace send: a product's problems found
 * before upload, and why a listing is not live (a QC reason, a Lazada code, or a failure),
 * turned into advice. The same rules as the CLI's `listingAdvice` and `problemText`
 * (electron/cli/commands/uploads.ts), so both say the same thing. Pure functions of `t`,
 * checked for every code in both languages by tests/renderer/upload-words.test.ts.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A problem found before upload, in words (readiness problems are the catalogue's own). */
export function problemText(t: Translate, problem: string): string {
  return (READINESS_PROBLEMS as readonly string[]).includes(problem)
    ? t(`catalogue:problems.${problem}`)
    : t(`upload:problems.${problem}`);
}

export interface ListingAdvice {
  /** What to do, in the seller's language ('' when nothing is wrong). */
  readonly advice: string;
  /** The marketplace's own words, shown in quotes after the advice (never a code alone). */
  readonly theirs: string | null;
}

/** Why a listing is not live, with what to do: the QC reason, the marketplace's code, or the failure. */
export function listingAdvice(t: Translate, listing: UploadListing): ListingAdvice {
  if (listing.state === 'rejected') {
    const reason = listing.rejectReason ?? '';
    const key = Object.hasOwn(QC_REASON_KEYS, reason) ? QC_REASON_KEYS[reason] : undefined;
    // "other" already quotes the reason inside its sentence.
    if (key) return { advice: t(`upload:qc.${key}`), theirs: reason || null };
    return { advice: t('upload:qc.other', { reason }), theirs: null };
  }
  const error = listing.error;
  if (error === null) return { advice: '', theirs: null };
  const theirs = error.code !== undefined && error.message.trim() !== '' ? error.message.trim() : null;
  if (error.code !== undefined && ADVISED_CODES.includes(error.code)) {
    return { advice: t(`upload:codes.${error.code}`), theirs };
  }
  return { advice: t(`upload:errors.${error.kind}`, { defaultValue: t('upload:screen.errorOther') }), theirs };
}

/** The listing's state as a badge. */
export function stateText(t: Translate, state: UploadState): string {
  return t(`upload:states.${state}`);
}

/** Listings still on their way: waiting, or with photos or the product being sent. */
export function waitingCount(counts: StateCounts): number {
  return counts.queued + counts.images + counts.creating + counts.updating;
}

export const SENDING_STATES: readonly UploadState[] = ['queued', 'images', 'creating', 'updating'];

/** "350 KB", "1,2 MB": sizes the way the interface writes numbers. */
export function sizeText(bytes: number, language: Language): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024)), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}
