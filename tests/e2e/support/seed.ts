import type { Core } from '../../../electron/core';
import type { Product, ProductCreateInput, Seller, SellerCreateInput } from '../../../electron/shared/catalogue';
import { unwrap } from './results';

/** Data written straight through the core, for tests that start mid-workshop. */
export async function seedSeller(core: Core, input: SellerCreateInput): Promise<Seller> {
  return unwrap(await core.sellers.create(input));
}

export async function seedProduct(core: Core, input: ProductCreateInput): Promise<Product> {
  return unwrap(await core.products.create(input));
}

/** A few real-looking participants, so list screenshots show a workshop, not one row. */
export async function seedWorkshop(core: Core): Promise<Seller[]> {
  const sellers = [
    { name: 'Ibu Siti Aminah', businessName: 'Dodol Garut Bu Siti', district: 'Garut', phone: '081234567890' },
    { name: 'Pak Ujang Suherman', businessName: 'Kopi Arabika Cikajang', district: 'Garut' },
    { name: 'Ibu Neneng Rohayati', businessName: 'Anyaman Pandan Rajapolah', district: 'Tasikmalaya' },
    { name: 'Dewi Lestari', businessName: 'Hijab Dewi', district: 'Bandung' },
  ];
  const out: Seller[] = [];
  for (const seller of sellers) out.push(await seedSeller(core, seller));
  return out;
}
