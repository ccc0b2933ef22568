/**
 * Calendar dates as sellers and spreadsheets write them, to ISO `YYYY-MM-DD` (the form the
 * catalogue stores). Like everything in electron/shared/plain, no imports.
 *
 * What is read:
 * - Year first, as machines write it: "2026-12-01", "2026/12/01", with a time of day
 *   after it ("2026-12-01 00:00:00", as CSV exports add) that is dropped.
 * - Otherwise day first, the Indonesian way: "01/12/2026", "1-12-2026", "1.12.2026" are
 *   the first of December. "12/31/2026" is therefore a day that does not exist, never
 *   a quiet swap of day and month.
 * - Month names in Indonesian or English, full or short: "1 Desember 2026", "1 Des 2026",
 *   "1-Dec-2026", "December 1, 2026".
 * - Excel serial day numbers ("46357" is 2026-12-01), which is what a date cell turns into
 *   when a spreadsheet is saved as text without formatting. Only five digits are read as a
 *   serial (1927 to 2173), so a bare year like "2026" or a day like "15" is never mistaken
 *   for one.
 *
 * Refused: two-digit years ("01/12/26" could be 2026 or 1926, and "26-12-01" could be
 * either end first), four-digit years before 1000, and days that do not exist
 * ("31/02/2026").
 */

export type DateProblem = 'not_a_date' | 'no_such_day' | 'two_digit_year';

export type ParsedDate =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'invalid'; readonly reason: DateProblem };

const MAX_TEXT_LENGTH = 64;

const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ['januari', 'january', 'jan']],
      [2, ['februari', 'pebruari', 'february', 'feb', 'peb']],
      [3, ['maret', 'march', 'mar']],
      [4, ['april', 'apr']],
      [5, ['mei', 'may']],
      [6, ['juni', 'june', 'jun']],
      [7, ['juli', 'july', 'jul']],
      [8, ['agustus', 'august', 'agu', 'agt', 'ags', 'aug']],
      [9, ['september', 'sep', 'sept']],
      [10, ['oktober', 'october', 'okt', 'oct']],
      [11, ['november', 'nopember', 'nov', 'nop']],
      [12, ['desember', 'december', 'des', 'dec']],
    ] as const
  ).flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

export function parseDate(text: string): ParsedDate {
  const value = text
    .replace(/[\u200b-\u200d]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (value === '') return { kind: 'empty' };
  if (value.length > MAX_TEXT_LENGTH) return invalid('not_a_date');

  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(value);
  if (iso) {
    // The time is dropped, but "2026-12-01 25:00" is a mistake, not a date.
    if (Number(iso[5] ?? 0) > 23 || Number(iso[6] ?? 0) > 59 || Number(iso[7] ?? 0) > 59) return invalid('not_a_date');
    return calendarDay(iso[1] ?? '', iso[3] ?? '', iso[4] ?? '');
  }

  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$/.exec(value);
  if (dayFirst) return calendarDay(dayFirst[4] ?? '', dayFirst[3] ?? '', dayFirst[1] ?? '');

  const named = /^(\d{1,2})[ ./-]?([a-z]+)\.?[ ./-]?(\d+)$/.exec(value);
  if (named) return namedMonth(named[3] ?? '', named[2] ?? '', named[1] ?? '');

  const english = /^([a-z]+)\.? (\d{1,2}),? (\d+)$/.exec(value);
  if (english) return namedMonth(english[3] ?? '', english[1] ?? '', english[2] ?? '');

  const serial = /^(\d{5})(?:\.\d+)?$/.exec(value);
  if (serial) return dateFromExcelSerial(Number(serial[1]));

  return invalid('not_a_date');
}

/**
 * An Excel serial day number (1900 date system) as a date; a time of day in the
 * fraction is dropped. Excel counts 1900-02-29, a day that never was (a bug kept from
 * Lotus 1-2-3), so from serial 61 (1900-03-01) on, day 0 is 1899-12-30 rather than
 * 1899-12-31. Serials before that are refused: no product date is that old, and the
 * offset is different there. Workbooks in the 1904 date system (old Mac Excel) count
 * from 1904-01-01 instead; the importer must check the workbook's flag before calling this.
 */
export function dateFromExcelSerial(serial: number): ParsedDate {
  const day = Math.floor(serial);
  // 2958465 is 9999-12-31, Excel's last day.
  if (!Number.isFinite(serial) || day < 61 || day > 2_958_465) return invalid('not_a_date');
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return { kind: 'date', value: date.toISOString().slice(0, 10) };
}

function invalid(reason: DateProblem): ParsedDate {
  return { kind: 'invalid', reason };
}

function namedMonth(year: string, name: string, day: string): ParsedDate {
  const month = MONTHS.get(name);
  if (month === undefined) return invalid('not_a_date');
  return calendarDay(year, String(month), day);
}

/** Checks the parts make a day that exists and writes it as ISO. */
function calendarDay(yearText: string, monthText: string, dayText: string): ParsedDate {
  if (yearText.length === 2) return invalid('two_digit_year');
  if (!/^[1-9]\d{3}$/.test(yearText)) return invalid('not_a_date');
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return invalid('no_such_day');
  return { kind: 'date', value: `${yearText}-${pad(month)}-${pad(day)}` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
