/**
 * Turns what a seller types into a number. Sellers write numbers the Indonesian way
 * ("15.000" is fifteen thousand, "0,5" is a half) and often copy "Rp" along with a price,
 * so `Number()` would silently read "15.000" as 15 rupiah. Range and decimal rules are
 * not checked here: main validates them and the form shows its answer.
 *
 * Returns `null` for an empty field, `NaN` when the text is not a number at all (the
 * form then says "write digits only" instead of guessing).
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

/** The text a form field starts with for a stored number (decimal comma, no grouping). */
export function measureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}
