/**
 * Numbers as sellers write them, read the same way by the product form, the CLI and the
 * spreadsheet importer. Like everything in electron/shared/plain, no imports.
 *
 * The mistake these parsers exist to prevent is reading "15.000" as fifteen rupiah:
 * Indonesians write a dot between thousands and a comma before decimals, spreadsheets
 * saved in English do the opposite, and `Number()` knows only the second. So nothing
 * here calls `Number()` on what the user typed: the text is matched against a few
 * explicit shapes, the digits are moved as text (grams to kilograms is a shift of the
 * decimal point, not a division that could give 0.30000000000000004), and only the final
 * decimal string becomes a number.
 *
 * Which mark is which, when only one kind appears:
 * - Whole amounts (rupiah, stock, grams, millimetres): a dot, comma or space followed by
 *   exactly three digits, after a first group of 1-3 digits not starting with 0, groups
 *   thousands ("25.000", "25,000", "1.250.000"). Any other single mark is the decimal
 *   mark ("1,5", "25.00"), and a decimal mark followed by exactly three digits after four
 *   or more digits ("15000.000") is refused as `ambiguous` rather than guessed.
 * - Measures in kg, cm, m and ons: one mark at most, always the decimal mark, so
 *   "1.500 kg" is one and a half kilos. Sellers rarely mean 1500 kg, and that would be
 *   over the limit anyway, whereas "1.5" and "1,5" both mean a kilo and a half.
 * - Amounts with "rb", "ribu", "k", "jt", "juta": the mark is decimal ("1,5jt",
 *   "0,125jt"), but one between 1-3 digits and exactly three ("1.500rb") is `ambiguous`:
 *   Rp 1.500 or Rp 1.500.000.
 * When both a dot and a comma appear, the last one is the decimal mark and the other must
 * group thousands properly ("25.000,50", "25,000.50").
 *
 * Ranges are not checked here (a price of 0 reads as 0): the core's schemas own the
 * limits, and every caller's input goes through them.
 */

/** Why a text is not the number the field wants. */
export type NumberProblem =
  /** No number, or one written in a shape we do not read ("abc", "25.00.0", "1e5"). */
  | 'not_a_number'
  /** A whole amount with a fraction ("25.000,50"): rupiah have no cents here. */
  | 'has_decimals'
  | 'negative'
  /** A number with a word we do not know in this field ("10 kg" as stock, "5 lusin"). */
  | 'unknown_unit'
  /** Could be a thousand times more or less ("1.500rb", "15000.000"): never guessed. */
  | 'ambiguous';

/**
 * What a parser read. For `has_decimals` and `negative`, `value` is the number the text
 * does say, so a caller that lets the core validate (the form, the CLI) can pass it on
 * and get the core's own message with its limits, instead of "not a number".
 */
export type ParsedNumber =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: 'has_decimals' | 'negative'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: 'not_a_number' | 'unknown_unit' | 'ambiguous' };

export type WeightUnit = 'kg' | 'g';

/** Longer than any number a person types; a pasted paragraph is not a price. */
const MAX_TEXT_LENGTH = 64;

/** "-", and the minus and en dash word processors turn it into. */
const MINUS = /^[-\u2212\u2013]/;

/** How a unit word turns the number written before it into the field's unit. */
interface Unit {
  /** Power of ten: 3 for "rb", -3 for grams into kilograms. */
  readonly scale: number;
  /** Whether a dot or comma with three digits after it may group thousands. */
  readonly marks: 'grouping' | 'decimal';
  /** Whether "1.500" with this unit is too risky to read (a factor of 1000 either way). */
  readonly threeDigitFraction?: 'ambiguous';
}

const PLAIN: Unit = { scale: 0, marks: 'grouping' };
/** The field's own unit, written with a decimal mark (kg in a weight, cm in a size). */
const DECIMAL: Unit = { scale: 0, marks: 'decimal' };
const THOUSANDS: Unit = { scale: 3, marks: 'decimal', threeDigitFraction: 'ambiguous' };
const MILLIONS: Unit = { scale: 6, marks: 'decimal', threeDigitFraction: 'ambiguous' };

const RUPIAH_UNITS: ReadonlyMap<string, Unit> = new Map([
  ['rp', PLAIN],
  ['idr', PLAIN],
  ['rupiah', PLAIN],
  ['k', THOUSANDS],
  ['rb', THOUSANDS],
  ['ribu', THOUSANDS],
  // Colloquial, Sundanese and Jakarta speech alike.
  ['rebu', THOUSANDS],
  ['jt', MILLIONS],
  ['juta', MILLIONS],
]);

/**
 * Words for single items, which a count can ignore. Words for several items ("lusin" is
 * twelve, "kodi" twenty) are not here: ignoring them would store the wrong stock.
 */
const ITEM_WORDS: ReadonlyMap<string, Unit> = new Map(
  ['pcs', 'pc', 'buah', 'bh', 'unit', 'biji', 'pak', 'pack', 'bungkus', 'bks', 'lembar', 'botol'].map((word) => [
    word,
    PLAIN,
  ]),
);

const GRAMS: Unit = { scale: -3, marks: 'grouping' };
const WEIGHT_UNITS: ReadonlyMap<string, Unit> = new Map([
  ['kg', DECIMAL],
  ['kilo', DECIMAL],
  ['kilogram', DECIMAL],
  ['g', GRAMS],
  ['gr', GRAMS],
  ['gram', GRAMS],
  // An ons is 100 g in Indonesia (not the 28 g ounce).
  ['ons', { scale: -1, marks: 'decimal' }],
]);

const METRES: Unit = { scale: 2, marks: 'decimal' };
/** Millimetres group like grams: 1.500 mm is a 150 cm box, 1.5 mm is no package. */
const MILLIMETRES: Unit = { scale: -1, marks: 'grouping' };
const LENGTH_UNITS: ReadonlyMap<string, Unit> = new Map([
  ['cm', DECIMAL],
  ['senti', DECIMAL],
  ['sentimeter', DECIMAL],
  ['centimeter', DECIMAL],
  ['centimetre', DECIMAL],
  ['m', METRES],
  ['meter', METRES],
  ['metre', METRES],
  ['mm', MILLIMETRES],
  ['milimeter', MILLIMETRES],
  ['millimeter', MILLIMETRES],
  ['millimetre', MILLIMETRES],
]);

const NO_UNITS: ReadonlyMap<string, Unit> = new Map();

/**
 * Whole rupiah: "Rp 25.000", "Rp25.000,-", "25,000", "25.000,00", "IDR 25000", "25rb",
 * "25 ribu", "25K", "1,5jt", "1.5 juta". "25.000,50" is `has_decimals`.
 */
export function parseRupiah(text: string): ParsedNumber {
  return wholeOnly(read(text, { units: RUPIAH_UNITS, bare: PLAIN, currency: true }));
}

/** A count such as stock: "1.250", "1,250", "10 pcs", "10 buah". No decimals. */
export function parseWholeNumber(text: string): ParsedNumber {
  return wholeOnly(read(text, { units: ITEM_WORDS, bare: PLAIN, currency: false }));
}

/**
 * A weight in kilograms: "1,5 kg", "1.5", "250 gr", "1.000 g", "2 ons". A number without
 * a unit is in `defaultUnit` (the importer passes 'g' under a "Berat (gram)" header).
 */
export function parseWeightKg(text: string, defaultUnit: WeightUnit): ParsedNumber {
  return read(text, { units: WEIGHT_UNITS, bare: defaultUnit === 'g' ? GRAMS : DECIMAL, currency: false });
}

/** A length in centimetres: "10", "10,5", "10.5 cm", "1 m" (100), "25 mm" (2.5). */
export function parseCentimetres(text: string): ParsedNumber {
  return read(text, { units: LENGTH_UNITS, bare: DECIMAL, currency: false });
}

/**
 * A plain decimal with no unit, either mark ("0,5", "0.5", ",5"), as the product form's
 * measure fields take it.
 */
export function parseDecimal(text: string): ParsedNumber {
  return read(text, { units: NO_UNITS, bare: DECIMAL, currency: false });
}

/**
 * "Rp 15.000", whatever the interface language: prices look the way they do on the
 * marketplace and on the seller's price tags. The space is a no-break space, as Intl's
 * id-ID currency format has it, so the amount never wraps away from "Rp"; plain-text
 * output (the CLI) swaps it for an ordinary one. Rounds to whole rupiah.
 */
export function formatRupiah(value: number): string {
  if (!Number.isFinite(value)) return `Rp\u00a0${String(value)}`;
  const rounded = Math.round(Math.abs(value));
  // BigInt prints every digit; String() switches to "1e+21" for large numbers.
  const digits = BigInt(rounded).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${value < 0 && rounded !== 0 ? '-' : ''}Rp\u00a0${grouped}`;
}

// ---------- reading ----------

interface ReadOptions {
  readonly units: ReadonlyMap<string, Unit>;
  /** The unit of a number written without one. */
  readonly bare: Unit;
  /** Whether "Rp"/"IDR" may come first and ",-" last. */
  readonly currency: boolean;
}

/** The digits of a decimal number, kept as text so moving the point is exact. */
interface Digits {
  readonly whole: string;
  readonly fraction: string;
}

const EMPTY: ParsedNumber = { kind: 'empty' };

function invalid(reason: 'not_a_number' | 'unknown_unit' | 'ambiguous'): ParsedNumber {
  return { kind: 'invalid', reason };
}

function read(text: string, options: ReadOptions): ParsedNumber {
  // Zero-width spaces come along when text is copied from web pages and chats.
  let rest = text
    .replace(/[\u200b-\u200d]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (rest === '') return EMPTY;
  if (rest.length > MAX_TEXT_LENGTH) return invalid('not_a_number');

  let negative = false;
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }
  if (options.currency) {
    rest = rest.replace(/^(?:rp|idr)\.?\s*/, '');
    // "Rp -5.000" as well as "-Rp 5.000", but not both.
    if (!negative && MINUS.test(rest)) {
      negative = true;
      rest = rest.slice(1).trimStart();
    }
    // "Rp 25.000,-": the dash stands for "no cents".
    rest = rest.replace(/[.,]-$/, '');
  }

  let unit = options.bare;
  const worded = /^(.*?) ?([a-z]+)\.?$/.exec(rest);
  if (worded) {
    const body = worded[1] ?? '';
    const word = worded[2] ?? '';
    if (!/^[\d., ]*\d[\d., ]*$/.test(body)) return invalid('not_a_number');
    const known = options.units.get(word);
    if (!known) return invalid('unknown_unit');
    unit = known;
    rest = body;
  }

  const digits = unit.marks === 'grouping' ? readGrouped(rest) : readDecimal(rest, unit);
  if (typeof digits === 'string') return invalid(digits);
  const shifted = shift(digits, unit.scale);
  const value = Number(`${shifted.whole || '0'}.${shifted.fraction || '0'}`);
  if (negative) return { kind: 'invalid', reason: 'negative', value: value === 0 ? 0 : -value };
  return { kind: 'number', value };
}

/** Rupiah and counts: a fraction other than zeros is `has_decimals`. */
function wholeOnly(parsed: ParsedNumber): ParsedNumber {
  if (parsed.kind === 'number' && !Number.isInteger(parsed.value)) {
    return { kind: 'invalid', reason: 'has_decimals', value: parsed.value };
  }
  return parsed;
}

/** A first group of thousands: 1-3 digits, not starting with 0 ("0.500" is a half). */
const FIRST_GROUP = /^[1-9]\d{0,2}$/;

/** Whole amounts: marks may group thousands (see the rules at the top of this file). */
function readGrouped(body: string): Digits | 'not_a_number' | 'ambiguous' {
  if (/^\d+$/.test(body)) return { whole: body, fraction: '' };
  if (!/^[\d., ]+$/.test(body)) return 'not_a_number';
  const marks = [...new Set(body.replace(/\d/g, ''))];
  if (marks.length === 1) {
    const mark = marks[0] ?? '';
    const parts = body.split(mark);
    if (parts.some((part) => !/^\d*$/.test(part))) return 'not_a_number';
    const [first = '', ...groups] = parts;
    if (FIRST_GROUP.test(first) && groups.every((group) => group.length === 3)) {
      return { whole: parts.join(''), fraction: '' };
    }
    // Not grouping, so a single dot or comma is the decimal mark; a space never is.
    const last = groups[0] ?? '';
    if (groups.length !== 1 || mark === ' ' || last === '') return 'not_a_number';
    // "15000.000": a mistyped "15.000.000", or fifteen thousand with zero decimals?
    if (last.length === 3 && first.length > 3) return 'ambiguous';
    return { whole: first, fraction: last };
  }
  if (marks.length === 2) {
    // The mark used last is the decimal one, used once, after thousands grouped by the other.
    const decimalAt = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    const decimal = body[decimalAt] ?? '';
    const grouping = marks.find((mark) => mark !== decimal) ?? '';
    const head = body.slice(0, decimalAt);
    const fraction = body.slice(decimalAt + 1);
    if (head.includes(decimal) || !/^\d+$/.test(fraction)) return 'not_a_number';
    const [first = '', ...groups] = head.split(grouping);
    if (!FIRST_GROUP.test(first) || groups.length === 0 || groups.some((group) => !/^\d{3}$/.test(group))) {
      return 'not_a_number';
    }
    return { whole: first + groups.join(''), fraction };
  }
  return 'not_a_number';
}

/** Measures and "rb"/"jt" amounts: at most one mark, and it is the decimal mark. */
function readDecimal(body: string, unit: Unit): Digits | 'not_a_number' | 'ambiguous' {
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(body);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole + fraction === '') return 'not_a_number';
  // "0,125jt" can only be decimal; "1.500rb" could be either.
  if (unit.threeDigitFraction === 'ambiguous' && fraction.length === 3 && FIRST_GROUP.test(whole)) return 'ambiguous';
  return { whole, fraction };
}

/** Moves the decimal point `scale` places to the right (left when negative), as text. */
function shift(digits: Digits, scale: number): Digits {
  let all = digits.whole + digits.fraction;
  let point = digits.whole.length + scale;
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  return { whole: all.slice(0, point), fraction: all.slice(point) };
}
