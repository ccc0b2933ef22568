import type {
  AttributeValues,
  Language,
  Product,
  ProductCondition,
  ProductCreateInput,
  ProductStatus,
  SkuInput,
} from '../../../../electron/shared/catalogue';
import type { CategoryAttribute, CategoryDetail } from '../../../../electron/shared/categories';
import type { AppError, FieldIssue } from '../../../../electron/shared/result';
import { DEFAULT_BRAND } from '../../../../electron/shared/plain/limits';
import { measureText, parseMeasure, parseWholeAmount } from '../../lib/numbers';

/**
 * What the product form holds (text, exactly as typed) and how it becomes the contract's
 * input. Field names match the contract's paths (`skus.1.price`, `attributes.shelf_life`),
 * so an issue from main lands on the right input without a lookup table. The one
 * exception is a highlight: react-hook-form needs objects in a list, so `highlights.2` is
 * typed into `highlights.2.text`.
 */
export interface SkuValues {
  /** Set for a variant that already exists, so main updates it instead of adding one. */
  skuId: number | null;
  sellerSku: string;
  /** This variant's value of the product's first and second variation ("Merah", "XL"). */
  option1: string;
  option2: string;
  price: string;
  /** Empty: no promotion. The dates are `YYYY-MM-DD`, as date inputs give them. */
  specialPrice: string;
  specialFrom: string;
  specialTo: string;
  stock: string;
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
}

export interface HighlightValue {
  text: string;
}

/** A multiple-choice attribute is a list (checkboxes); every other kind is text. */
export type AttributeValue = string | string[];

export interface ProductValues {
  name: string;
  description: string;
  highlights: HighlightValue[];
  categoryId: number | null;
  attributes: Record<string, AttributeValue>;
  brand: string;
  condition: ProductCondition;
  status: ProductStatus;
  variation1: string;
  variation2: string;
  skus: SkuValues[];
}

export const SKU_TEXT_FIELDS = ['sellerSku', 'option1', 'option2', 'specialFrom', 'specialTo'] as const;
export const SKU_NUMBER_FIELDS = [
  'price',
  'specialPrice',
  'stock',
  'weightKg',
  'lengthCm',
  'widthCm',
  'heightCm',
] as const;
export const PRODUCT_FIELDS = [
  'name',
  'description',
  'brand',
  'condition',
  'status',
  'categoryId',
  'variation1',
  'variation2',
] as const;
export type SkuField = (typeof SKU_TEXT_FIELDS)[number] | (typeof SKU_NUMBER_FIELDS)[number];
export type ProductField = (typeof PRODUCT_FIELDS)[number];
export const PACKAGE_FIELDS = ['weightKg', 'lengthCm', 'widthCm', 'heightCm'] as const;
export const SIZE_FIELDS = ['lengthCm', 'widthCm', 'heightCm'] as const;

export const SKU_PATH = /^skus\.(\d+)\.(\w+)$/;
export const HIGHLIGHT_PATH = /^highlights\.(\d+)$/;
export const ATTRIBUTE_PATH = /^attributes\.(.+)$/;

/**
 * Category attributes the form does not ask for on their own, because the product already
 * has a field for them: Lazada's `brand` attribute is the product's brand (sent along from
 * the Merek field), and `short_description` is what the highlights become. Asking twice
 * would leave a seller wondering which one counts.
 */
export const BRAND_ATTRIBUTE = 'brand';
export const HIDDEN_ATTRIBUTES: ReadonlySet<string> = new Set([BRAND_ATTRIBUTE, 'short_description']);

/** The attributes a seller fills on the form for a category: neither variations nor hidden. */
export function formAttributes(category: CategoryDetail | null): CategoryAttribute[] {
  if (!category?.leaf) return [];
  return category.attributes.filter((attribute) => !attribute.isSaleProp && !HIDDEN_ATTRIBUTES.has(attribute.name));
}

export function emptySku(): SkuValues {
  return {
    skuId: null,
    sellerSku: '',
    option1: '',
    option2: '',
    price: '',
    specialPrice: '',
    specialFrom: '',
    specialTo: '',
    stock: '',
    weightKg: '',
    lengthCm: '',
    widthCm: '',
    heightCm: '',
  };
}

/**
 * A new variant that starts like `template`: same price and package (variants of one
 * product are usually packed alike), but its own stock, code and promotion.
 */
export function skuLike(template: SkuValues | undefined): SkuValues {
  if (!template) return emptySku();
  return {
    ...emptySku(),
    price: template.price,
    weightKg: template.weightKg,
    lengthCm: template.lengthCm,
    widthCm: template.widthCm,
    heightCm: template.heightCm,
  };
}

/** An empty line to type the first highlight into; blank lines are dropped on save. */
const BLANK_HIGHLIGHT: HighlightValue = { text: '' };

/** A stored product as form text; measures use `language`'s decimal mark ("0,5" / "0.5"). */
export function productToValues(product: Product | null, language: Language): ProductValues {
  if (!product) {
    return {
      name: '',
      description: '',
      highlights: [BLANK_HIGHLIGHT],
      categoryId: null,
      attributes: {},
      brand: DEFAULT_BRAND,
      condition: 'new',
      status: 'draft',
      variation1: '',
      variation2: '',
      skus: [emptySku()],
    };
  }
  return {
    name: product.name,
    description: product.description,
    highlights: product.highlights.length > 0 ? product.highlights.map((text) => ({ text })) : [BLANK_HIGHLIGHT],
    categoryId: product.categoryId,
    attributes: Object.fromEntries(
      Object.entries(product.attributes).map(([key, value]) => [key, typeof value === 'string' ? value : [...value]]),
    ),
    brand: product.brand,
    condition: product.condition,
    status: product.status,
    variation1: product.variation1,
    variation2: product.variation2,
    skus: product.skus.map((sku) => ({
      skuId: sku.id,
      sellerSku: sku.sellerSku,
      option1: sku.option1,
      option2: sku.option2,
      price: String(sku.price),
      specialPrice: sku.specialPrice === null ? '' : String(sku.specialPrice),
      specialFrom: sku.specialFrom ?? '',
      specialTo: sku.specialTo ?? '',
      stock: String(sku.stock),
      weightKg: measureText(sku.weightKg, language),
      lengthCm: measureText(sku.lengthCm, language),
      widthCm: measureText(sku.widthCm, language),
      heightCm: measureText(sku.heightCm, language),
    })),
  };
}

/**
 * A stored value in the shape its input wants: checkboxes hold a list, every other input
 * text ("Merah, Biru" for several values typed into one box). Values can arrive in the
 * other shape from an import or from a category change.
 */
export function attributeFormValue(attribute: CategoryAttribute, value: AttributeValue | undefined): AttributeValue {
  if (attribute.inputType === 'multiSelect') {
    if (value === undefined) return [];
    return typeof value === 'string' ? (value.trim() ? [value] : []) : value;
  }
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(', ');
}

/** Whether an attribute value counts as filled in (what "mandatory" asks for). */
export function isFilled(value: AttributeValue | undefined): boolean {
  if (value === undefined) return false;
  return typeof value === 'string' ? value.trim() !== '' : value.some((item) => item.trim() !== '');
}

function cleanValue(value: AttributeValue | undefined): AttributeValue | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  const items = value.map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : null;
}

/**
 * The attribute values to send: those of the chosen category's form fields, the brand
 * attribute from the Merek field, and hidden attributes as they were stored. Without the
 * category's details (not loaded, or a category the tree no longer has), everything typed
 * is sent: main keeps what fits and drops the rest.
 */
export function attributesToInput(values: ProductValues, category: CategoryDetail | null): AttributeValues {
  const out: Record<string, string | string[]> = {};
  const put = (key: string, value: AttributeValue | undefined) => {
    const clean = cleanValue(value);
    if (clean !== null) out[key] = clean;
  };
  if (!category?.leaf || !category.attributesKnown) {
    for (const [key, value] of Object.entries(values.attributes)) put(key, value);
    return out;
  }
  for (const attribute of category.attributes) {
    if (attribute.isSaleProp) continue;
    if (attribute.name === BRAND_ATTRIBUTE) put(BRAND_ATTRIBUTE, values.brand);
    else put(attribute.name, values.attributes[attribute.name]);
  }
  return out;
}

export type ProductInput = Omit<ProductCreateInput, 'sellerId'>;

export interface Converted {
  readonly input: ProductInput;
  /** Fields whose text is not a number at all, e.g. `skus.0.price` holding "lima ribu". */
  readonly notNumbers: readonly string[];
}

/**
 * Text to contract input. Text that is not a number is sent as NaN: main rejects it
 * (a NaN is never stored), and the same round trip reports every other problem in the
 * form, so the seller sees all of them at once; the form words those fields itself.
 * Without `variations`, the product is sent as one without variations, whatever option
 * text is left in the (hidden) option fields.
 */
export function valuesToInput(
  values: ProductValues,
  options: { readonly category: CategoryDetail | null; readonly variations: boolean },
): Converted {
  const notNumbers: string[] = [];
  const number = (path: string, parsed: number | null) => {
    if (parsed !== null && Number.isNaN(parsed)) notNumbers.push(path);
    return parsed;
  };
  const skus = values.skus.map((sku, index): SkuInput => {
    const at = (field: SkuField) => `skus.${index}.${field}`;
    const price = number(at('price'), parseWholeAmount(sku.price));
    const specialPrice = number(at('specialPrice'), parseWholeAmount(sku.specialPrice));
    const stock = number(at('stock'), parseWholeAmount(sku.stock));
    const code = sku.sellerSku.trim();
    return {
      ...(sku.skuId === null ? {} : { id: sku.skuId }),
      // Empty asks main to generate a code (or keep the current one when editing).
      ...(code ? { sellerSku: code } : {}),
      option1: options.variations ? sku.option1.trim() : '',
      option2: options.variations ? sku.option2.trim() : '',
      // A missing price is left out so main reports it as "required".
      ...(price === null ? {} : { price }),
      specialPrice,
      // Dates without a promotion mean nothing; main would drop them anyway.
      specialFrom: specialPrice === null ? null : sku.specialFrom || null,
      specialTo: specialPrice === null ? null : sku.specialTo || null,
      // An empty stock means none in hand.
      stock: stock ?? 0,
      weightKg: number(at('weightKg'), parseMeasure(sku.weightKg)),
      lengthCm: number(at('lengthCm'), parseMeasure(sku.lengthCm)),
      widthCm: number(at('widthCm'), parseMeasure(sku.widthCm)),
      heightCm: number(at('heightCm'), parseMeasure(sku.heightCm)),
    } as SkuInput;
  });
  return {
    input: {
      name: values.name,
      description: values.description,
      highlights: values.highlights.map((highlight) => highlight.text),
      categoryId: values.categoryId,
      attributes: attributesToInput(values, options.category),
      brand: values.brand,
      condition: values.condition,
      status: values.status,
      variation1: options.variations ? values.variation1.trim() : '',
      variation2: options.variations ? values.variation2.trim() : '',
      skus,
    },
    notNumbers,
  };
}

/**
 * Main's answer in the form's terms: a problem with the brand attribute is a problem with
 * the Merek field (the form sends one as the other).
 */
export function toFormError(error: AppError): AppError {
  const move = (field: string) => field.replace(/^((?:changes\.)?)attributes\.brand$/, '$1brand');
  const issues = error.issues?.map((issue): FieldIssue => ({ ...issue, field: move(issue.field) }));
  return {
    ...error,
    ...(error.field === undefined ? {} : { field: move(error.field) }),
    ...(issues ? { issues } : {}),
  };
}
