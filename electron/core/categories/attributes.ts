import type { Language } from '../../shared/catalogue';
import { ATTRIBUTE_INPUT_TYPES, type AttributeInputType, type CategoryAttribute } from '../../shared/categories';
import { perCall } from '../db/call-cache';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { LAZADA } from './install';

/** One attribute as stored, in both languages; what the value checks work from. */
export interface StoredAttribute {
  readonly name: string;
  readonly labelId: string;
  readonly labelEn: string;
  readonly inputType: AttributeInputType;
  readonly isMandatory: boolean;
  readonly isSaleProp: boolean;
  readonly options: readonly { readonly name: string; readonly name_en?: string }[];
}

interface AttributeRow {
  name: string;
  label_id: string;
  label_en: string;
  input_type: string;
  is_mandatory: number;
  is_sale_prop: number;
  options: string;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(ATTRIBUTE_INPUT_TYPES);

/**
 * A leaf's attributes in Lazada's order. An input type this version of Akar does not know
 * (Lazada added one after the app shipped) is handled as plain text: still shown and kept,
 * checked only for length.
 */
export function storedAttributes(db: Db, categoryId: number): StoredAttribute[] {
  // Read once per core call: saving a product checks its attributes several times, and an
  // import saves thousands of products in a few categories.
  return perCall(db, `category-attributes:${categoryId}`, () => readAttributes(db, categoryId));
}

function readAttributes(db: Db, categoryId: number): StoredAttribute[] {
  const rows = cached<[string, number], AttributeRow>(
    db,
    `SELECT name, label_id, label_en, input_type, is_mandatory, is_sale_prop, options
       FROM category_attributes WHERE tree = ? AND category_id = ? ORDER BY position`,
  ).all(LAZADA, categoryId);
  return rows.map((row) => ({
    name: row.name,
    labelId: row.label_id,
    labelEn: row.label_en,
    inputType: KNOWN_TYPES.has(row.input_type) ? (row.input_type as AttributeInputType) : 'text',
    isMandatory: row.is_mandatory === 1,
    isSaleProp: row.is_sale_prop === 1,
    options: JSON.parse(row.options) as StoredAttribute['options'],
  }));
}

export function toCategoryAttribute(attribute: StoredAttribute, language: Language): CategoryAttribute {
  const en = language === 'en';
  return {
    name: attribute.name,
    label: en ? attribute.labelEn : attribute.labelId,
    inputType: attribute.inputType,
    isMandatory: attribute.isMandatory,
    isSaleProp: attribute.isSaleProp,
    options: attribute.options.map((o) => ({ value: o.name, label: en ? (o.name_en ?? o.name) : o.name })),
  };
}

/** Every attribute of a leaf (product-level and sale properties), in `language`. */
export function categoryAttributes(db: Db, categoryId: number, language: Language): CategoryAttribute[] {
  return storedAttributes(db, categoryId).map((a) => toCategoryAttribute(a, language));
}

/**
 * The leaf's sale properties (`is_sale_prop`): colour, size, flavour... These are not
 * product-level values but the names a product's variations can take ("Warna", "Ukuran"),
 * with their options as the suggested values for each SKU. Empty for an unknown category.
 */
export function saleProperties(db: Db, categoryId: number, language: Language): CategoryAttribute[] {
  return categoryAttributes(db, categoryId, language).filter((a) => a.isSaleProp);
}
