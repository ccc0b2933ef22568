import type { Language } from '../shared/catalogue';
import type { AppError } from '../shared/result';
import en from '../../resources/locales/en/common.json';
import id from '../../resources/locales/id/common.json';

/** Main's own few words (window title, menu, start-up errors), from the app's locale files. */
export const LOCALES = { id, en } as const;

export function mainText(language: Language, key: keyof typeof id.app): string {
  return LOCALES[language].app[key];
}

/**
 * An error as the user should read it: the translated text for its code, with `{{param}}`
 * filled in. Main shows these before the renderer exists (e.g. a database it cannot open).
 */
export function errorText(language: Language, error: Pick<AppError, 'code' | 'params'>): string {
  const template = LOCALES[language].errors[error.code];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(error.params?.[name] ?? ''));
}
