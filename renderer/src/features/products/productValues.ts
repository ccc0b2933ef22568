import type {
  Language,
  Product,
  ProductCreateInput,
  ProductStatus,
  SkuInput,
} from '../../../../electron/shared/catalogue';
import { DEFAULT_BRAND } from '../../lib/sharedConstants';
import { measureText, parseMeasure, parseWholeAmount } from '../../lib/numbers';

/**
 * What the product form holds (text, exactly as typed) and how it becomes the contract's
 * input. Field names match the contract's paths (`skus.1.price`), so an issue from main
 * lands on the right input without a lookup table.
 */
export interface SkuValues {
  /** Set for a variant that already exists, so main updates it instead of adding one. */
  skuId: number | null;
  variantName: string;
  sellerSku: string;
  price: string;
  stock: string;
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
}

export interface ProductValues {
  name: string;
  description: string;
  brand: string;
  status: ProductStatus;
  skus: SkuValues[];
}

export const SKU_TEXT_FIELDS = ['variantName', 'sellerSku'] as const;
export const SKU_NUMBER_FIELDS = ['price', 'stock', 'weightKg', 'lengthCm', 'widthCm', 'heightCm'] as const;
export const PRODUCT_FIELDS = ['name', 'description', 'brand', 'status'] as const;
export type SkuField = (typeof SKU_TEXT_FIELDS)[number] | (typeof SKU_NUMBER_FIELDS)[number];
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export function emptySku(): SkuValues {
  return {
    skuId: null,
    variantName: '',
    sellerSku: '',
    price: '',
    stock: '',
    weightKg: '',
    lengthCm: '',
    widthCm: '',
    heightCm: '',
  };
}

/** A stored product as form text; measures use `language`'s decimal mark ("0,5" / "0.5"). */
export function productToValues(product: Product | null, language: Language): ProductValues {
  if (!product) return { name: '', description: '', brand: DEFAULT_BRAND, status: 'draft', skus: [emptySku()] };
  return {
    name: product.name,
    description: product.description,
    brand: product.brand,
    status: product.status,
    skus: product.skus.map((sku) => ({
      skuId: sku.id,
      variantName: sku.variantName,
      sellerSku: sku.sellerSku,
      price: String(sku.price),
      stock: String(sku.stock),
      weightKg: measureText(sku.weightKg, language),
      lengthCm: measureText(sku.lengthCm, language),
      widthCm: measureText(sku.widthCm, language),
      heightCm: measureText(sku.heightCm, language),
    })),
  };
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
 */
export function valuesToInput(values: ProductValues): Converted {
  const notNumbers: string[] = [];
  const number = (path: string, parsed: number | null) => {
    if (parsed !== null && Number.isNaN(parsed)) notNumbers.push(path);
    return parsed;
  };
  const skus = values.skus.map((sku, index): SkuInput => {
    const at = (field: SkuField) => `skus.${index}.${field}`;
    const price = number(at('price'), parseWholeAmount(sku.price));
    const stock = number(at('stock'), parseWholeAmount(sku.stock));
    const code = sku.sellerSku.trim();
    return {
      ...(sku.skuId === null ? {} : { id: sku.skuId }),
      variantName: sku.variantName,
      // Empty asks main to generate a code (or keep the current one when editing).
      ...(code ? { sellerSku: code } : {}),
      // A missing price is left out so main reports it as "required".
      ...(price === null ? {} : { price }),
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
      brand: values.brand,
      status: values.status,
      skus,
    },
    notNumbers,
  };
}
