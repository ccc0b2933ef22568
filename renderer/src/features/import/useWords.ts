import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import type { Translate } from './messages';

/**
 * The import screens' translations: `t` typed against the files (static text, so a
 * misspelt key fails the typecheck), `tr` loose for keys built from codes main sends
 * (worded by messages.ts, checked by the translations test), and the current language.
 */
export function useWords() {
  const { t, i18n } = useTranslation(['importer', 'ui', 'common']);
  const tr = t as unknown as Translate;
  return { t, tr, language: i18n.language as Language };
}
