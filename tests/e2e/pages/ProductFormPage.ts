import type { Locator, Page } from 'playwright-core';
import { description, readable } from './AppShell';

export interface VariantValues {
  sellerSku?: string;
  price?: string;
  stock?: string;
  weightKg?: string;
  lengthCm?: string;
  widthCm?: string;
  heightCm?: string;
  specialPrice?: string;
  /** `YYYY-MM-DD`, as a date input takes it. */
  specialFrom?: string;
  specialTo?: string;
}

const VARIANT_LABELS: Record<keyof VariantValues, string> = {
  sellerSku: 'Kode SKU',
  price: 'Harga (Rp)',
  stock: 'Stok',
  weightKg: 'Berat paket (kg)',
  lengthCm: 'Panjang (cm)',
  widthCm: 'Lebar (cm)',
  heightCm: 'Tinggi (cm)',
  specialPrice: 'Harga promo (Rp)',
  specialFrom: 'Promo mulai',
  specialTo: 'Promo sampai',
};

/**
 * "Tambah produk" / "Ubah produk". Variant cards are fieldsets ("Varian 1", "Varian 2"...,
 * or "Harga, stok, dan paket" for a product without variations), found by test id so a
 * test reads the same either way. Option boxes are labelled with the variation's name.
 */
export class ProductFormPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('main');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  variant(number: number): Locator {
    return this.form.getByTestId(`variant-${number}`);
  }

  variantField(number: number, field: keyof VariantValues): Locator {
    return this.variant(number).getByLabel(VARIANT_LABELS[field]);
  }

  /** A variant's option box, labelled with its variation's name ("Warna (wajib)"). */
  optionField(number: number, variation: string): Locator {
    return this.variant(number).getByLabel(`${variation} (wajib)`, { exact: true });
  }

  async variantCount(): Promise<number> {
    return this.form.locator('[data-testid^="variant-"]').count();
  }

  async fillProduct(values: { name?: string; description?: string; brand?: string }) {
    if (values.name !== undefined) await this.form.getByRole('textbox', { name: /^Nama produk/ }).fill(values.name);
    if (values.description !== undefined) await this.form.getByLabel('Deskripsi').fill(values.description);
    if (values.brand !== undefined) await this.form.getByLabel('Merek').fill(values.brand);
  }

  /** Types the highlights into their boxes, adding boxes as needed. */
  async fillHighlights(lines: readonly string[]) {
    for (const [index, line] of lines.entries()) {
      const box = this.form.getByLabel(`Keunggulan ${index + 1}`, { exact: true });
      if ((await box.count()) === 0) await this.form.getByRole('button', { name: 'Tambah keunggulan' }).click();
      await box.fill(line);
    }
  }

  condition(label: 'Baru' | 'Bekas'): Promise<void> {
    return this.form.getByRole('radio', { name: label, exact: true }).check();
  }

  status(label: 'Draf' | 'Siap jual'): Promise<void> {
    return this.form.getByRole('radio', { name: label }).check();
  }

  async fillVariant(number: number, values: VariantValues) {
    const promo = values.specialPrice ?? values.specialFrom ?? values.specialTo;
    if (promo !== undefined && (await this.variant(number).getByTestId(`promo-${number}`).count()) === 0) {
      await this.addPromo(number);
    }
    for (const [field, value] of Object.entries(values) as [keyof VariantValues, string][]) {
      await this.variantField(number, field).fill(value);
    }
  }

  addPromo(number: number): Promise<void> {
    return this.variant(number)
      .getByRole('button', { name: /^Tambah harga promo/ })
      .click();
  }

  /** From a simple product, "Tambah varian" opens the variations. */
  openVariations(): Promise<void> {
    return this.form.getByRole('button', { name: 'Tambah varian', exact: true }).click();
  }

  /** Adds one more variant card by hand (variations already open). */
  addVariant(): Promise<void> {
    return this.form.getByRole('button', { name: 'Tambah satu varian' }).click();
  }

  removeVariant(number: number): Promise<void> {
    return this.form.getByRole('button', { name: `Hapus varian ${number}` }).click();
  }

  get variations(): Locator {
    return this.form.getByTestId('variations');
  }

  async nameVariation(number: 1 | 2, name: string) {
    const box = this.form.getByRole('textbox', { name: `Nama variasi ${number}` });
    if ((await box.count()) === 0) await this.form.getByRole('button', { name: 'Tambah variasi kedua' }).click();
    await box.fill(name);
  }

  /** The helper box "Pilihan <name>" of a variation, for "Buat semua kombinasi". */
  optionsBox(number: 1 | 2): Locator {
    return this.variations.getByTestId(`variation-${number}`).getByRole('textbox', { name: /^Pilihan / });
  }

  combine(): Promise<void> {
    return this.form.getByRole('button', { name: 'Buat semua kombinasi' }).click();
  }

  async combineMessage(): Promise<string> {
    return readable(await this.variations.getByRole('status').textContent());
  }

  // ---------- category ----------

  get picker(): Locator {
    return this.form.getByRole('group', { name: 'Kategori', exact: true });
  }

  /** A section of the picker: "Saran dari nama produk", "Terakhir dipakai", "Hasil pencarian"... */
  pickerSection(title: string): Locator {
    return this.picker.locator('section').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** A category entry of a list, by its name ("Keripik"), wherever the list is. */
  categoryOption(within: Locator, name: string): Locator {
    return within.getByRole('button', { name: new RegExp(`^${escape(name)}( di |$| Pilih)`) });
  }

  async searchCategory(query: string) {
    await this.picker.getByLabel('Cari kategori').fill(query);
  }

  /** The chosen category as read on screen: "Makanan & Minuman › Makanan Ringan › Keripik". */
  async chosenCategory(): Promise<string> {
    return readable(await this.picker.getByTestId('category-path').textContent()).replace(/ , /g, ' ');
  }

  changeCategory(): Promise<void> {
    return this.picker.getByRole('button', { name: /^Ganti/ }).click();
  }

  /** The browsing section and its trail. */
  get browser(): Locator {
    return this.pickerSection('Telusuri semua kategori');
  }

  /** Where browsing is: "Semua kategori › Makanan & Minuman". */
  async trail(): Promise<string> {
    const crumbs = await this.browser
      .getByRole('list', { name: 'Posisi di daftar kategori' })
      .getByRole('listitem')
      .allTextContents();
    return crumbs.map((crumb) => readable(crumb).replace(/^›\s*/, '')).join(' › ');
  }

  /** A category attribute's control, by the label the category gives it ("Masa Simpan"). */
  attribute(label: string): Locator {
    return this.form.getByTestId('attributes').getByLabel(label, { exact: false }).first();
  }

  // ---------- readiness ----------

  get readiness(): Locator {
    return this.form.getByTestId('readiness');
  }

  /** The lines still missing, as the seller reads them. */
  async missing(): Promise<string[]> {
    const list = this.readiness.getByRole('list', { name: 'Yang belum lengkap' });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('button').allTextContents()).map(readable);
  }

  /** Scrolls so `target` starts at the top of the window, for a screenshot of it. */
  async scrollTo(target: Locator): Promise<void> {
    await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
