import type { Language } from '../../../electron/shared/catalogue';
import { INTL_LOCALES } from './locales';

/**
 * Dates the way each language writes them ("27 Nov 2026, 18.57" / "27 Nov 2026, 18:57"),
 * in the laptop's own time zone. Today's date is left out: "hari ini, 18.57" is quicker
 * to read than a date the reader has to compare with the calendar.
 */
export function formatMoment(
  iso: string,
  language: Language,
  today: (time: string) => string,
  now: Date = new Date(),
): string {
  const at = new Date(iso);
  const locale = INTL_LOCALES[language];
  const sameDay = at.toDateString() === now.toDateString();
  if (sameDay) return today(new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
