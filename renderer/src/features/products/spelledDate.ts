import type { Language } from '../../../../electron/shared/catalogue';
import { INTL_LOCALES } from '../../lib/locales';

/** `YYYY-MM-DD` as "1 Desember 2026" / "1 December 2026"; empty for anything else. */
export function spelledDate(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return '';
  // Noon UTC, formatted in UTC: the same calendar day whatever the laptop's time zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
