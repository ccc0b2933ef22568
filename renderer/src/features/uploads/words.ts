import type { Language } from '../../../../electron/shared/catalogue';
import {
  listingAdvice as sharedAdvice,
  type ListingAdvice,
  type Translate,
} from '../../../../electron/shared/plain/upload-words';
import type { UploadListing, UploadState } from '../../../../electron/shared/uploads';
import { formatNumber } from '../../lib/numbers';

/**
 * Words for what the upload engine and the marketplace send. The rules are shared with the
 * CLI (electron/shared/plain/upload-words.ts); here the screen's own fallback for a failure
 * without words, the state badge, and sizes. Checked for every code in both languages by
 * tests/renderer/upload-words.test.ts.
 */
export {
  isSending,
  problemText,
  sendingCount,
  type ListingAdvice,
  type Translate,
} from '../../../../electron/shared/plain/upload-words';

/** Why a listing is not live, with what to do. */
export function listingAdvice(t: Translate, listing: UploadListing): ListingAdvice {
  return sharedAdvice(t, listing, t('upload:screen.errorOther'));
}

/** The listing's state as a badge. */
export function stateText(t: Translate, state: UploadState): string {
  return t(`upload:states.${state}`);
}

/** "350 KB", "1,2 MB": sizes the way the interface writes numbers. */
export function sizeText(bytes: number, language: Language): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024)), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}
