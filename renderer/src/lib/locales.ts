import type { Language } from '../../../electron/shared/catalogue';

/**
 * The Intl locale behind each interface language, for dates and plain numbers. English is
 * British English: "27 Nov 2026, 18:57", "1,250", "0.5". Rupiah does not follow this (see
 * money.ts).
 */
export const INTL_LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };
