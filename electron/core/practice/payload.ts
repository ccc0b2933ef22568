import { z } from 'zod';

/**
 * The JSON `payload` of `/product/create` and `/product/update` (marketplaces.md §1.2):
 * `{"Request":{"Product":{PrimaryCategory, Images:{Image:[…]}, Attributes:{…}, Skus:{Sku:[…]}}}}`.
 * Lazada sends numbers as strings and accepts either; `Images.Image` and `Skus.Sku` must be
 * arrays (a single object is error 1001 there, InvalidParameter here). Anything on a SKU
 * that is not a known field is a sale property (`color_family`, `size`, …), as is every
 * entry of a `saleProp` object.
 */

const decimal = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'must be a number'),
  ])
  .transform(Number)
  .pipe(z.number().finite().nonnegative());
const wholeNumber = decimal.pipe(z.number().int('must be a whole number'));
const id = z
  .union([
    z.number().int().positive(),
    z
      .string()
      .trim()
      .regex(/^[1-9]\d{0,15}$/, 'must be an id'),
  ])
  .transform(Number);
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const images = z.looseObject({ Image: z.array(z.string().trim().min(1).max(2000)).max(100) });

/** SKU fields that are not sale properties. */
const SKU_FIELDS = new Set([
  'SkuId',
  'SellerSku',
  'quantity',
  'price',
  'special_price',
  'package_length',
  'package_width',
  'package_height',
  'package_weight',
  'Images',
  'saleProp',
  'Status',
]);

const skuSchema = z.looseObject({
  SkuId: id.optional(),
  SellerSku: z.string().trim().min(1).max(200),
  quantity: wholeNumber,
  price: decimal.pipe(z.number().positive('must be more than 0')),
  special_price: decimal.optional(),
  package_length: decimal,
  package_width: decimal,
  package_height: decimal,
  package_weight: decimal,
  Images: images.optional(),
  saleProp: z.record(z.string(), scalar).optional(),
});

const attributesSchema = z
  .object({ name: z.string().trim().min(1, 'is required'), description: z.string().optional() })
  .catchall(scalar);

const productSchema = z.looseObject({
  ItemId: id.optional(),
  PrimaryCategory: id,
  Images: images.optional(),
  Attributes: attributesSchema,
  Skus: z.looseObject({ Sku: z.array(skuSchema).min(1).max(100) }),
});

const payloadSchema = z.looseObject({ Request: z.looseObject({ Product: productSchema }) });

export interface SkuInput {
  readonly skuId: number | undefined;
  readonly sellerSku: string;
  readonly quantity: number;
  readonly price: number;
  readonly specialPrice: number | undefined;
  readonly packageLength: number;
  readonly packageWidth: number;
  readonly packageHeight: number;
  readonly packageWeight: number;
  readonly images: readonly string[];
  readonly saleProps: Readonly<Record<string, string>>;
}

export interface ProductInput {
  readonly itemId: number | undefined;
  readonly primaryCategory: number;
  readonly images: readonly string[];
  /** Every attribute as sent, name and description included, values as text. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly skus: readonly SkuInput[];
}

export type PayloadResult =
  | { readonly ok: true; readonly product: ProductInput }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** `Skus.Sku[0].price` from zod's path, without the `Request.Product` wrapper. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path.slice(2)) {
    name += typeof part === 'number' ? `[${part}]` : `${name === '' ? '' : '.'}${String(part)}`;
  }
  return name === '' ? 'payload' : name;
}

export function parsePayload(text: string | undefined): PayloadResult {
  if (text === undefined || text.trim() === '') return { ok: false, field: 'payload', message: 'payload is missing' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, field: 'payload', message: 'payload is not valid JSON' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? fieldName(issue.path) : 'payload';
    return { ok: false, field, message: `${field}: ${issue?.message ?? 'invalid'}` };
  }
  const product = parsed.data.Request.Product;
  const skus: SkuInput[] = [];
  for (const [index, sku] of product.Skus.Sku.entries()) {
    const saleProps: Record<string, string> = { ...(sku.saleProp ?? {}) };
    for (const [key, value] of Object.entries(sku)) {
      if (SKU_FIELDS.has(key) || key.startsWith('special_')) continue;
      if (typeof value !== 'string' && typeof value !== 'number') {
        const field = `Skus.Sku[${index}].${key}`;
        return { ok: false, field, message: `${field}: must be text` };
      }
      saleProps[key] = String(value);
    }
    skus.push({
      skuId: sku.SkuId,
      sellerSku: sku.SellerSku,
      quantity: sku.quantity,
      price: sku.price,
      specialPrice: sku.special_price,
      packageLength: sku.package_length,
      packageWidth: sku.package_width,
      packageHeight: sku.package_height,
      packageWeight: sku.package_weight,
      images: sku.Images?.Image ?? [],
      saleProps,
    });
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(product.Attributes)) {
    if (typeof value === 'string') attributes[key] = value;
  }
  return {
    ok: true,
    product: {
      itemId: product.ItemId,
      primaryCategory: product.PrimaryCategory,
      images: product.Images?.Image ?? [],
      attributes,
      skus,
    },
  };
}
