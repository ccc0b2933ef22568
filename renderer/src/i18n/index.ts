import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/shared/catalogue';
import { NAMESPACES, resources } from './resources';

export const LANGUAGES: readonly Language[] = ['id', 'en'];

/** Starts i18next synchronously with the bundled translations in the saved language. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'id',
    supportedLngs: LANGUAGES,
    ns: NAMESPACES,
    defaultNS: 'ui',
    initAsync: false,
    // React already escapes text; escaping twice would show "&amp;" to the seller.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  // Screen readers and the spell checker follow the page's language.
  document.documentElement.lang = language;
}
