import { MAX_ATTRIBUTE_RICH_TEXT, MAX_ATTRIBUTE_TEXT, type AttributeInputType } from '../../shared/categories';
import type { FieldIssue } from '../../shared/result';
import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { storedAttributes, type StoredAttribute } from './attributes';
import { LAZADA } from './install';
import { normalized } from './text';

/** Attribute values by name as a product holds them: one string, or several for multi-selects. */
export type AttributeInput = Readonly<Record<string, string | readonly string[]>>;
export type AttributeOutput = Record<string, string | string[]>;

export interface ValidateAttributesOptions {
  /** True when the product is being marked ready: mandatory attributes must then be filled. */
  readonly requireMandatory: boolean;
  /** Put before every field name (`changes.` on update channels). */
  readonly fieldPrefix?: string;
}

const MULTI: ReadonlySet<AttributeInputType> = new Set(['multiSelect', 'multiEnumInput']);

/**
 * A product's attribute values made ready to store for a category:
 *
 * - names the category does not have are dropped, silently: a spreadsheet import carries
 *   whatever columns it has, and a category change leaves values that no longer apply;
 * - sale properties (colour, size...) are dropped too: their values belong to the SKUs;
 * - text is trimmed and empty values removed (an empty value is "not filled");
 * - an option typed in another case, without accents, or in English ("hitam", "Black") is
 *   replaced by the option itself ("Hitam");
 * - multi-selects accept "Merah, Biru" as two items and lose repeats;
 * - numbers written the Indonesian way ("1,5", "1.000") become "1.5", "1000"; dates
 *   written 31-12-2026 or 31/12/2026 become 2026-12-31.
 *
 * Values that still do not fit are kept as typed, for `validateAttributes` to point at.
 * For a category that is unknown (a newer tree dropped it) or whose attributes are not
 * loaded yet, the values are kept as they are: picking a similar category keeps them.
 */
export function normalizeAttributes(db: Db, categoryId: number, values: AttributeInput): AttributeOutput {
  const attributes = attributesFor(db, categoryId);
  if (!attributes) return copy(values);
  const out: AttributeOutput = {};
  for (const attribute of attributes) {
    if (attribute.isSaleProp || !Object.hasOwn(values, attribute.name)) continue;
    const value = normalizeValue(attribute, values[attribute.name] ?? '');
    if (value !== null) out[attribute.name] = value;
  }
  return out;
}

/**
 * Problems with a product's attribute values for a category, one per attribute at most, on
 * field `<fieldPrefix>attributes.<name>`:
 *
 * - `category_unknown` / `category_not_leaf` (on `<fieldPrefix>categoryId`, and nothing
 *   else) when the category is not in the installed tree or is not a leaf;
 * - `required` for a mandatory attribute left empty, only with `requireMandatory` (the
 *   readiness check reports it as "needed before ready");
 * - `one_value_only` for several values where one is expected;
 * - `not_a_number`, `not_a_date`, `too_long` (`maximum`), `invalid_choice` (`value`: the
 *   first value not among a select's options).
 *
 * Values are normalised first (see `normalizeAttributes`), so "hitam" for "Hitam" is fine,
 * and names the category does not know are ignored. A select whose options Lazada keeps
 * elsewhere (brands come from their own endpoint) and an `enumInput` take any text.
 * Mandatory sale properties are the variations' business, not checked here.
 */
export function validateAttributes(
  db: Db,
  categoryId: number,
  values: AttributeInput,
  options: ValidateAttributesOptions,
): FieldIssue[] {
  const prefix = options.fieldPrefix ?? '';
  const category = cached<[string, number], { leaf: number; attributes_known: number }>(
    db,
    'SELECT leaf, attributes_known FROM categories WHERE tree = ? AND id = ?',
  ).get(LAZADA, categoryId);
  if (!category) return [{ field: `${prefix}categoryId`, reason: 'category_unknown', params: { id: categoryId } }];
  if (!category.leaf)
    return [{ field: `${prefix}categoryId`, reason: 'category_not_leaf', params: { id: categoryId } }];
  // Attributes not loaded yet: nothing to check against (the fetch that loads them will).
  if (!category.attributes_known) return [];

  const normalizedValues = normalizeAttributes(db, categoryId, values);
  const issues: FieldIssue[] = [];
  for (const attribute of storedAttributes(db, categoryId)) {
    if (attribute.isSaleProp) continue;
    const field = `${prefix}attributes.${attribute.name}`;
    const value = normalizedValues[attribute.name];
    if (value === undefined) {
      if (attribute.isMandatory && options.requireMandatory) issues.push({ field, reason: 'required' });
      continue;
    }
    const issue = valueIssue(attribute, value);
    if (issue) issues.push({ field, ...issue });
  }
  return issues;
}

type Issue = Omit<FieldIssue, 'field'>;

function valueIssue(attribute: StoredAttribute, value: string | string[]): Issue | null {
  const type = attribute.inputType;
  if (MULTI.has(type)) {
    const items = typeof value === 'string' ? [value] : value;
    for (const item of items) {
      const issue = singleIssue(attribute, item, type === 'multiSelect' ? 'singleSelect' : 'enumInput');
      if (issue) return issue;
    }
    return null;
  }
  if (typeof value !== 'string') {
    if (value.length > 1) return { reason: 'one_value_only' };
    return singleIssue(attribute, value[0] ?? '', type);
  }
  return singleIssue(attribute, value, type);
}

function singleIssue(attribute: StoredAttribute, value: string, type: AttributeInputType): Issue | null {
  switch (type) {
    case 'numeric':
      return parseNumber(value) === null ? { reason: 'not_a_number' } : null;
    case 'date':
      return parseDate(value) === null ? { reason: 'not_a_date' } : null;
    case 'richText':
      return tooLong(value, MAX_ATTRIBUTE_RICH_TEXT);
    case 'singleSelect':
    case 'multiSelect':
      if (attribute.options.length > 0 && !attribute.options.some((o) => o.name === value)) {
        return { reason: 'invalid_choice', params: { value: clip(value) } };
      }
      return tooLong(value, MAX_ATTRIBUTE_TEXT);
    default:
      return tooLong(value, MAX_ATTRIBUTE_TEXT);
  }
}

function tooLong(value: string, maximum: number): Issue | null {
  return value.length > maximum ? { reason: 'too_long', params: { maximum } } : null;
}

/** A wrong value is echoed back in the issue; a pasted essay is not. */
function clip(value: string): string {
  return value.length > 50 ? `${value.slice(0, 50)}…` : value;
}

/** The attributes to normalise against, or null when there is nothing to go by. */
function attributesFor(db: Db, categoryId: number): StoredAttribute[] | null {
  const known = cachedPluck<[string, number], number>(
    db,
    'SELECT attributes_known FROM categories WHERE tree = ? AND id = ? AND leaf = 1',
  ).get(LAZADA, categoryId);
  return known ? storedAttributes(db, categoryId) : null;
}

function copy(values: AttributeInput): AttributeOutput {
  const out: AttributeOutput = {};
  for (const [name, value] of Object.entries(values)) out[name] = typeof value === 'string' ? value : [...value];
  return out;
}

/** The value in its stored form, or null when it is empty. */
function normalizeValue(attribute: StoredAttribute, raw: string | readonly string[]): string | string[] | null {
  const match = optionMatcher(attribute);
  const canonical = (text: string) => match(text) ?? text.trim();
  if (MULTI.has(attribute.inputType)) {
    const items = typeof raw === 'string' ? splitItems(raw, match) : raw.map((item) => item.trim());
    const seen = new Set<string>();
    const out: string[] = [];
    for (const item of items) {
      const value = canonical(item);
      const key = value.toLowerCase();
      if (value === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(value);
    }
    return out.length > 0 ? out : null;
  }
  if (typeof raw !== 'string') {
    const items = raw.map((item) => item.trim()).filter((item) => item !== '');
    if (items.length === 0) return null;
    // One item in a list is just that value; several are left for validation to refuse.
    if (items.length > 1) return items;
    return normalizeSingle(attribute, items[0] ?? '', canonical);
  }
  const value = raw.trim();
  return value === '' ? null : normalizeSingle(attribute, value, canonical);
}

function normalizeSingle(attribute: StoredAttribute, value: string, canonical: (text: string) => string): string {
  switch (attribute.inputType) {
    case 'numeric':
      return parseNumber(value) ?? value;
    case 'date':
      return parseDate(value) ?? value;
    case 'richText':
    case 'text':
      return value;
    default:
      return canonical(value);
  }
}

/** "Merah, Biru" is two items unless the whole text is itself an option. */
function splitItems(text: string, match: (text: string) => string | null): string[] {
  const whole = text.trim();
  if (match(whole) !== null) return [whole];
  return whole.split(/[,;]/).map((item) => item.trim());
}

/**
 * Finds the option typed text means, comparing without case, accents or punctuation, by
 * the option's value or its English label; null when it is no option.
 */
function optionMatcher(attribute: StoredAttribute): (text: string) => string | null {
  const exact = new Set(attribute.options.map((o) => o.name));
  const byKey = new Map<string, string>();
  for (const option of attribute.options) {
    for (const text of [option.name, option.name_en]) {
      const key = text === undefined ? '' : normalized(text);
      if (key !== '' && !byKey.has(key)) byKey.set(key, option.name);
    }
  }
  return (text) => {
    const trimmed = text.trim();
    if (exact.has(trimmed)) return trimmed;
    return byKey.get(normalized(trimmed)) ?? null;
  };
}

/**
 * A number as written in Indonesia or plainly: "1,5" and "1.5" are one and a half; "1.000"
 * and "1.000,5" use dots for thousands (as Indonesian prices and weights do). Returns the
 * plain form ("1.5", "1000", "1000.5"), or null when it is not a number.
 */
export function parseNumber(text: string): string | null {
  const value = text.trim().replace(/\s+/g, '');
  let plain: string | null = null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(value)) plain = value.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(value)) plain = value.replace(',', '.');
  else if (/^-?\d+\.\d+$/.test(value)) plain = value;
  if (plain === null) return null;
  const number = Number(plain);
  return Number.isFinite(number) ? String(number) : null;
}

/** A calendar day as YYYY-MM-DD (also read from 31-12-2026 and 31/12/2026), or null. */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let parts: [string, string, string] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (iso) parts = [iso[1] ?? '', iso[2] ?? '', iso[3] ?? ''];
  else if (local) parts = [local[3] ?? '', local[2] ?? '', local[1] ?? ''];
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
