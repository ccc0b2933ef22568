import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import type { PhotoKind } from '../../../../electron/shared/photos';
import type { Translate } from './words';

/**
 * The photo screens' translations: `t` typed against the `studio` files (static text, so a
 * misspelt key fails the typecheck), `tr` loose for keys built from codes the core sends
 * (worded by words.ts), and the current language.
 */
export function useStudioWords() {
  const { t, i18n } = useTranslation(['studio', 'photos', 'ui', 'common']);
  const tr = t as unknown as Translate;
  return { t, tr, language: i18n.language as Language };
}

/**
 * A photo as the page loads it: an opaque id and the version that changes with the picture,
 * never a path (akar://app/photo/... in the app, the same path in the end-to-end harness).
 */
export function photoUrl(id: number, kind: PhotoKind, version: string): string {
  return `/photo/${id}/${kind}?v=${encodeURIComponent(version)}`;
}
