import type { Language } from '../../../electron/shared/catalogue';
import { parseDecimal, parseRupiah, type ParsedNumber } from '../../../electron/shared/plain/numbers';
import { INTL_LOCALES } from './locales';

/**
 * Plain numbers (stock, weights and sizes) in and out of the interface.
 *
 * Shown in the interface language: "1.250" and "0,5" in Indonesian, "1,250" and "0.5" in
 * English. Prices are not plain numbers: they stay in rupiah's Indonesian form in both
 * languages (money.ts).
 *
 * Read in either form, whatever the language, by the parsers the CLI and the spreadsheet
 * importer use too (electron/shared/plain/numbers.ts): sellers write numbers the
 * Indonesian way ("15.000" is fifteen thousand, "0,5" is a half) even in the English
 * interface, and they often copy "Rp" along with a price, so `Number()` would silently
 * read "15.000" as 15 rupiah. Range and decimal rules are not checked here: main
 * validates them and the form shows its answer.
 *
 * The parsers return `null` for an empty field, `NaN` when the text is not a number at
 * all or could be read two ways (the form then says "write digits only" instead of
 * guessing).
 */

/** What a form sends to main: a fraction or a minus is kept so main can name the rule broken. */
function forForm(parsed: ParsedNumber): number | null {
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'number') return parsed.value;
  return 'value' in parsed ? parsed.value : Number.NaN;
}

/**
 * Whole amounts (price, stock): dots or commas between groups of three are thousands;
 * "Rp", "rb" and "jt" are understood.
 */
export function parseWholeAmount(text: string): number | null {
  return forForm(parseRupiah(text));
}

/** Measures (kg, cm): comma or dot is the decimal mark; no thousands grouping (max 1000). */
export function parseMeasure(text: string): number | null {
  return forForm(parseDecimal(text));
}

const counts = new Map<Language, Intl.NumberFormat>();

/** Stock and measures for reading, grouped, in the interface language ("1.250" / "1,250"). */
export function formatNumber(value: number, language: Language): string {
  let format = counts.get(language);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 2 });
    counts.set(language, format);
  }
  return format.format(value);
}

const DECIMAL_MARK: Readonly<Record<Language, string>> = { id: ',', en: '.' };

/**
 * The text a form field starts with for a stored measure: the interface language's decimal
 * mark ("0,5" / "0.5") and no grouping, so it reads back with `parseMeasure` unchanged.
 */
export function measureText(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? '' : String(value).replace('.', DECIMAL_MARK[language]);
}
