import type { Core } from '../../electron/core';
import type { Product, Seller, SkuInput } from '../../electron/shared/catalogue';
import { unwrap } from './results';

/** A leaf of the bundled category tree (Keripik) and what it needs before "ready". */
export const READY_CATEGORY_ID = 13891072;
/**
 * `brand` is there because the bundled tree lists Lazada's own mandatory `brand` attribute
 * for every leaf, and readiness asks for it as `attributes.brand` although the product has
 * a brand field of its own (reported: see readiness.test.ts, "takes the product's brand").
 * Harmless once fixed: the core drops attribute names a category does not know.
 */
export const READY_FIELDS = {
  categoryId: READY_CATEGORY_ID,
  attributes: { brand: 'No Brand', shelf_life: '3 Bulan' },
  description: 'Renyah dan gurih, dibuat setiap hari.',
} as const;

/** A SKU with every measurement a `ready` product needs. */
export function readySku(overrides: Partial<SkuInput> = {}): SkuInput {
  return { price: 15_000, stock: 10, weightKg: 0.25, lengthCm: 10, widthCm: 8, heightCm: 4, ...overrides };
}

export async function addSeller(core: Core, name = 'Ibu Sari', extra: Partial<Omit<Seller, 'id'>> = {}) {
  return unwrap(await core.sellers.create({ name, ...extra }));
}

export async function addProduct(
  core: Core,
  sellerId: number,
  name: string,
  skus: readonly SkuInput[] = [{ price: 10_000 }],
  extra: Record<string, unknown> = {},
): Promise<Product> {
  // A product created as ready gets the category, attributes and description readiness
  // asks for, unless the test gives its own.
  const ready = extra['status'] === 'ready' ? READY_FIELDS : {};
  return unwrap(await core.products.create({ sellerId, name, skus, ...ready, ...extra }));
}

/** A small catalogue used by the validation and fuzz tests as "data that must survive". */
export async function seedCatalogue(core: Core) {
  const sari = await addSeller(core, 'Ibu Sari', { businessName: 'Keripik Sari', district: 'Wonosari' });
  const budi = await addSeller(core, 'Pak Budi', { district: 'Playen' });
  const keripik = await addProduct(
    core,
    sari.id,
    'Keripik Singkong Pedas',
    [
      { sellerSku: 'KRP-100', option1: '100 g', price: 12_000, stock: 5 },
      { price: 20_000, stock: 2, option1: '250 g' },
    ],
    { variation1: 'Ukuran' },
  );
  const kopi = await addProduct(core, sari.id, 'Kopi Bubuk', [readySku({ sellerSku: 'KOPI-1' })], { status: 'ready' });
  const batik = await addProduct(core, budi.id, 'Batik Tulis', [{ price: 350_000 }]);
  await core.products.delete({ id: batik.id });
  await core.setLanguage({ language: 'en' });
  return { sari, budi, keripik, kopi, batik };
}
