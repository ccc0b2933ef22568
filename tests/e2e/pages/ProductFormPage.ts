import type { Locator, Page } from 'playwright-core';
import { description } from './AppShell';

export interface VariantValues {
  variantName?: string;
  sellerSku?: string;
  price?: string;
  stock?: string;
  weightKg?: string;
  lengthCm?: string;
  widthCm?: string;
  heightCm?: string;
}

const VARIANT_LABELS: Record<keyof VariantValues, string> = {
  variantName: 'Nama varian',
  sellerSku: 'Kode SKU',
  price: 'Harga (Rp)',
  stock: 'Stok',
  weightKg: 'Berat paket (kg)',
  lengthCm: 'Panjang (cm)',
  widthCm: 'Lebar (cm)',
  heightCm: 'Tinggi (cm)',
};

/** "Tambah produk" / "Ubah produk". Variants are fieldsets named "Varian 1", "Varian 2"... */
export class ProductFormPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('main');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  variant(number: number): Locator {
    return this.form.getByRole('group', { name: `Varian ${number}`, exact: true });
  }

  variantField(number: number, field: keyof VariantValues): Locator {
    return this.variant(number).getByLabel(VARIANT_LABELS[field]);
  }

  async fillProduct(values: { name?: string; description?: string; brand?: string }) {
    if (values.name !== undefined) await this.form.getByLabel('Nama produk').fill(values.name);
    if (values.description !== undefined) await this.form.getByLabel('Deskripsi').fill(values.description);
    if (values.brand !== undefined) await this.form.getByLabel('Merek').fill(values.brand);
  }

  status(label: 'Draf' | 'Siap jual'): Promise<void> {
    return this.form.getByRole('radio', { name: label }).check();
  }

  async fillVariant(number: number, values: VariantValues) {
    for (const [field, value] of Object.entries(values) as [keyof VariantValues, string][]) {
      await this.variantField(number, field).fill(value);
    }
  }

  addVariant(): Promise<void> {
    return this.form.getByRole('button', { name: 'Tambah varian' }).click();
  }

  removeVariant(number: number): Promise<void> {
    return this.form.getByRole('button', { name: `Hapus varian ${number}` }).click();
  }

  save(): Promise<void> {
    return this.form.getByRole('button', { name: 'Simpan produk' }).click();
  }

  get summary(): Locator {
    return this.page.getByTestId('error-summary');
  }

  /** The error and hint read out with a control (empty error = only the hint). */
  describe(control: Locator): Promise<string> {
    return description(control);
  }
}
