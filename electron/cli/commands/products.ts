import type { Product, ProductSummary, SkuInput } from '../../shared/catalogue';
import {
  parseCentimetres,
  parseRupiah,
  parseWeightKg,
  parseWholeNumber,
  type ParsedNumber,
} from '../../shared/plain/numbers';
import { formatPriceRange, formatRupiah, table } from '../format';
import { outcome, UsageError, wholeNumber, type Command, type Options } from '../run';
import type { TFunction } from 'i18next';
import { byIdCommand } from './by-id';

/** `--variant` keys and the SKU fields they fill. */
const VARIANT_KEYS = {
  price: 'price',
  stock: 'stock',
  weight: 'weightKg',
  length: 'lengthCm',
  width: 'widthCm',
  height: 'heightCm',
  sku: 'sellerSku',
  name: 'option1',
  name2: 'option2',
} as const satisfies Record<string, keyof SkuInput>;

/**
 * SKU flag text to what the core validates, read like the form and the spreadsheet
 * importer read it: "15.000" and "15rb" are fifteen thousand, "250g" is 0.25 kg. A
 * fraction or a minus is passed on as a number, so the core says which rule it breaks
 * ("15.000,50": no decimals in a price); text that is no number, or could be read as a
 * thousand times more or less, is passed on as text for the core's "must be a number"
 * and the hint that follows it. Nothing is ever rounded or guessed into a price.
 */
function flagNumber(text: string | undefined, parse: (text: string) => ParsedNumber): number | string | undefined {
  if (text === undefined) return undefined;
  const parsed = parse(text);
  if (parsed.kind === 'number') return parsed.value;
  if (parsed.kind === 'invalid' && 'value' in parsed) return parsed.value;
  return text;
}

const weightKg = (text: string) => parseWeightKg(text, 'kg');

/** The `--variant` keys that hold numbers; the others (sku, name) are text. */
const VARIANT_NUMBERS: ReadonlyMap<string, (text: string) => ParsedNumber> = new Map([
  ['price', parseRupiah],
  ['stock', parseWholeNumber],
  ['weight', weightKg],
  ['length', parseCentimetres],
  ['width', parseCentimetres],
  ['height', parseCentimetres],
]);

/**
 * Reads `price=15000,stock=10,weight=0.25,sku=KSP-1,name=Pedas` into a SKU input. Only a
 * comma before the next `key=` separates, so `price=25.000,50` or `weight=0,5` keeps its
 * comma for the number parser, and "price=25,000" is one price, not "25" and a stray "000".
 */
export function parseVariant(text: string, t: TFunction): Record<string, unknown> {
  const sku: Record<string, unknown> = {};
  for (const part of text.split(/,(?=\s*[a-z]+\s*=)/)) {
    const match = /^\s*([a-z]+)\s*=(.*)$/.exec(part);
    if (!match) throw new UsageError(t('badVariant', { value: text }));
    const key = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (!(key in VARIANT_KEYS)) {
      throw new UsageError(t('badVariantKey', { key, allowed: Object.keys(VARIANT_KEYS).join(', ') }));
    }
    const field = VARIANT_KEYS[key as keyof typeof VARIANT_KEYS];
    const parse = VARIANT_NUMBERS.get(key);
    sku[field] = parse ? flagNumber(value, parse) : value;
  }
  return sku;
}

function skusFrom(options: Options, t: TFunction): unknown[] {
  const variants = options.variant ?? [];
  if (variants.length > 0 && options.price !== undefined) throw new UsageError(t('priceOrVariant'));
  if (variants.length > 0) return variants.map((v) => parseVariant(v, t));
  if (options.price === undefined) throw new UsageError(t('priceOrVariant'));
  return [
    {
      price: flagNumber(options.price, parseRupiah),
      stock: flagNumber(options.stock, parseWholeNumber),
      weightKg: flagNumber(options.weight, weightKg),
      lengthCm: flagNumber(options.length, parseCentimetres),
      widthCm: flagNumber(options.width, parseCentimetres),
      heightCm: flagNumber(options.height, parseCentimetres),
      sellerSku: options.sku,
    },
  ];
}

function showProduct(product: Product, t: TFunction): string {
  const size = (s: Product['skus'][number]) =>
    s.lengthCm && s.widthCm && s.heightCm ? `${s.lengthCm}x${s.widthCm}x${s.heightCm}` : '-';
  return [
    `#${product.id} ${product.name}${product.deletedAt ? ` ${t('inTrash')}` : ''}`,
    `${t('seller')}: #${product.sellerId}   ${t('brand')}: ${product.brand}   ${t('col.status')}: ${t(`status.${product.status}`)}`,
    product.description ? `${t('description')}: ${product.description}` : '',
    '',
    table(
      [t('col.sku'), t('col.variant'), t('col.price'), t('col.stock'), t('col.weight'), t('col.size')],
      product.skus.map((s) => [
        s.sellerSku,
        s.variantName || '-',
        formatRupiah(s.price),
        String(s.stock),
        s.weightKg === null ? '-' : String(s.weightKg),
        size(s),
      ]),
    ),
  ]
    .filter((line, i) => line !== '' || i === 3)
    .join('\n');
}

export const productCommands: Record<string, Command> = {
  'product add': {
    options: [
      'seller',
      'name',
      'description',
      'brand',
      'status',
      'price',
      'stock',
      'weight',
      'length',
      'width',
      'height',
      'sku',
      'variant',
      'variation',
      'variation2',
      'category',
    ],
    async run({ core, options, t }) {
      const skus = skusFrom(options, t);
      const result = await core.products.create({
        sellerId: wholeNumber(options.seller),
        name: options.name ?? '',
        description: options.description,
        brand: options.brand,
        status: options.status,
        // Several variants need a variation name; "Varian" unless the user gives one.
        variation1: options.variation ?? (skus.length > 1 ? t('defaultVariation') : undefined),
        variation2: options.variation2,
        categoryId: options.category === undefined ? undefined : wholeNumber(options.category),
        skus,
      });
      return outcome(
        result,
        (p: Product) =>
          `${t('productAdded', { id: p.id, name: p.name, count: p.skus.length })}\n\n${showProduct(p, t)}`,
      );
    },
  },
  'product list': {
    options: ['seller', 'query', 'all'],
    async run({ core, options, t }) {
      const sellerId = wholeNumber(options.seller);
      const result = await core.products.list({ sellerId, query: options.query, includeDeleted: options.all });
      return outcome(result, (products: ProductSummary[]) =>
        products.length === 0
          ? t('noProducts', { id: sellerId })
          : table(
              [t('col.id'), t('col.name'), t('col.status'), t('col.price'), t('col.stock'), t('col.variants')],
              products.map((p) => [
                String(p.id),
                p.deletedAt ? `${p.name} ${t('inTrash')}` : p.name,
                t(`status.${p.status}`),
                formatPriceRange(p.minPrice, p.maxPrice),
                String(p.totalStock),
                String(p.skuCount),
              ]),
            ),
      );
    },
  },
  'product show': {
    options: [],
    async run({ core, args, t }) {
      const result = await core.products.get({ id: wholeNumber(args[0]) });
      return outcome(result, (p: Product) => showProduct(p, t));
    },
  },
  'product delete': byIdCommand((core, input) => core.products.delete(input), 'productDeleted'),
  'product restore': byIdCommand((core, input) => core.products.restore(input), 'productRestored'),
};
