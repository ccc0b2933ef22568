import type { Product, ProductSummary, SkuInput } from '../../shared/catalogue';
import { formatPriceRange, formatRupiah, table } from '../format';
import { measureNumber, outcome, UsageError, wholeNumber, type Command, type Options } from '../run';
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
  name: 'variantName',
} as const satisfies Record<string, keyof SkuInput>;
const TEXT_KEYS = new Set<string>(['sku', 'name']);
const WHOLE_KEYS = new Set<string>(['price', 'stock']);

/** Reads `price=15000,stock=10,weight=0.25,sku=KSP-1,name=Pedas` into a SKU input. */
export function parseVariant(text: string, t: TFunction): Record<string, unknown> {
  const sku: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([a-z]+)\s*=(.*)$/.exec(part);
    if (!match) throw new UsageError(t('badVariant', { value: text }));
    const key = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (!(key in VARIANT_KEYS)) {
      throw new UsageError(t('badVariantKey', { key, allowed: Object.keys(VARIANT_KEYS).join(', ') }));
    }
    const field = VARIANT_KEYS[key as keyof typeof VARIANT_KEYS];
    sku[field] = TEXT_KEYS.has(key) ? value : WHOLE_KEYS.has(key) ? wholeNumber(value) : measureNumber(value);
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
      price: wholeNumber(options.price),
      stock: wholeNumber(options.stock),
      weightKg: measureNumber(options.weight),
      lengthCm: measureNumber(options.length),
      widthCm: measureNumber(options.width),
      heightCm: measureNumber(options.height),
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
    ],
    async run({ core, options, t }) {
      const result = await core.products.create({
        sellerId: wholeNumber(options.seller),
        name: options.name ?? '',
        description: options.description,
        brand: options.brand,
        status: options.status,
        skus: skusFrom(options, t),
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
