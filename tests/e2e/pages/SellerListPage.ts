import type { Locator, Page } from 'playwright-core';

/** "Peserta": the participant register. */
export class SellerListPage {
  constructor(readonly page: Page) {}

  get addButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Tambah peserta' }).first();
  }

  get search(): Locator {
    return this.page.getByLabel('Cari peserta');
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Daftar peserta' });
  }

  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'Belum ada peserta' });
  }

  row(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.list.getByRole('heading').allTextContents();
  }

  open(name: string): Promise<void> {
    return this.row(name)
      .getByRole('button', { name: `Buka produk ${name}` })
      .click();
  }

  delete(name: string): Promise<void> {
    return this.row(name)
      .getByRole('button', { name: `Hapus ${name}` })
      .click();
  }
}

/** "Tambah peserta" / "Ubah data peserta". */
export class SellerFormPage {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByRole('main').getByLabel(label);
  }

  async fill(values: { name?: string; businessName?: string; phone?: string; district?: string; notes?: string }) {
    if (values.name !== undefined) await this.field('Nama peserta').fill(values.name);
    if (values.businessName !== undefined) await this.field('Nama usaha').fill(values.businessName);
    if (values.phone !== undefined) await this.field('Nomor HP').fill(values.phone);
    if (values.district !== undefined) await this.field('Kabupaten/kota').fill(values.district);
    if (values.notes !== undefined) await this.field('Catatan').fill(values.notes);
  }

  save(): Promise<void> {
    return this.page.getByRole('button', { name: 'Simpan peserta' }).click();
  }
}
