import type { Language } from '../../../electron/shared/catalogue';
import { INTL_LOCALES } from './locales';

/**
 * Plain numbers (stock, weights and sizes) in and out of the interface.
 *
 * Shown in the interface language: "1.250" and "0,5" in Indonesian, "1,250" and "0.5" in
 * English. Prices are not plain numbers: they stay in rupiah's Indonesian form in both
 * languages (money.ts).
 *
 * Read in either form, whatever the language: sellers write numbers the Indonesian way
 * ("15.000" is fifteen thousand, "0,5" is a half) even in the English interface, which in
 * turn shows "0.5", and they often copy "Rp" along with a price, so `Number()` would
 * silently read "15.000" as 15 rupiah. Range and decimal rules are not checked here: main
 * validates them and the form shows its answer.
 *
 * The parsers return `null` for an empty field, `NaN` when the text is not a number at
 * all (the form then says "write digits only" instead of guessing).
 */

const MINUS = /^[-−–]/;

function clean(text: string): string {
  return text.replace(/\s|\u00a0/g, '').replace(/^rp\.?/i, '');
}

/** Whole amounts (price, stock): dots or commas between groups of three are thousands. */
export function parseWholeAmount(text: string): number | null {
  let value = clean(text);
  if (value === '') return null;
  const negative = MINUS.test(value);
  if (negative) value = value.slice(1);
  if (/^\d{1,3}(\.\d{3})+$/.test(value) || /^\d{1,3}(,\d{3})+$/.test(value)) {
    value = value.replace(/[.,]/g, ''); // "15.000" or "15,000"
  } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(value)) {
    value = value.replace(/\./g, '').replace(',', '.'); // "15.000,50"
  } else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(value)) {
    value = value.replace(/,/g, ''); // "15,000.50"
  } else {
    // Any other separator is a decimal mark ("15000,5"): keep the fraction so main can say
    // "no decimals" rather than silently rounding the seller's price.
    value = value.replace(',', '.');
  }
  if (!/^\d+(\.\d+)?$/.test(value)) return Number.NaN;
  const parsed = Number(value);
  return negative ? -parsed : parsed;
}

/** Measures (kg, cm): comma or dot is the decimal mark; no thousands grouping (max 1000). */
export function parseMeasure(text: string): number | null {
  let value = clean(text);
  if (value === '') return null;
  const negative = MINUS.test(value);
  if (negative) value = value.slice(1);
  value = value.replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return Number.NaN;
  const parsed = Number(value);
  return negative ? -parsed : parsed;
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
