import en from '../../../resources/locales/en/upload.json';
import id from '../../../resources/locales/id/upload.json';
import type { Language } from '../../shared/catalogue';

/** What the browser tab says when Lazada sends the seller back to Akar, in the app's language. */
export function signInPageWords(language: Language): { done: string; denied: string } {
  return (language === 'en' ? en : id).signIn.browser;
}
