import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import type { Translate } from './words';

/**
 * The upload centre's translations: `t` typed against the `upload` files (static text, so a
 * misspelt key fails the typecheck), `tr` loose for keys built from codes the core and the
 * marketplace send (worded by words.ts), and the current language.
 */
export function useUploadWords() {
  const { t, i18n } = useTranslation(['upload', 'catalogue', 'ui', 'common']);
  const tr = t as unknown as Translate;
  return { t, tr, language: i18n.language as Language };
}
