import type { Locator, Page } from 'playwright-core';
import { readable } from './AppShell';

/** One participant's products ("Produk Ibu Siti"). */
export class ProductListPage {
  constructor(readonly page: Page) {}

  get addButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Tambah produk' }).first();
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Daftar produk' });
  }

  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'Belum ada produk' });
  }

  card(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  async names(): Promise<string[]> {
    return this.list.getByRole('heading').allTextContents();
  }

  async price(name: string): Promise<string> {
    return readable(await this.card(name).getByTestId('price').textContent());
  }

  async stock(name: string): Promise<string> {
    return readable(await this.card(name).getByTestId('stock').textContent());
  }

  /** The readiness line of a card ("3 hal belum lengkap", "Data lengkap"); empty when there is none. */
  async readiness(name: string): Promise<string> {
    const badge = this.card(name).getByTestId('readiness-badge');
    if ((await badge.count()) === 0) return '';
    return readable(await badge.textContent());
  }

  /** The card's photo verdict ("Foto perlu diperbaiki"); empty when the photos need no work. */
  async photoVerdict(name: string): Promise<string> {
    const badge = this.card(name).getByTestId('verdict');
    if ((await badge.count()) === 0) return '';
    return readable(await badge.textContent());
  }

  edit(name: string, label = 'Ubah'): Promise<void> {
    return this.card(name)
      .getByRole('button', { name: `${label} ${name}` })
      .click();
  }

  delete(name: string, label = 'Hapus'): Promise<void> {
    return this.card(name)
      .getByRole('button', { name: `${label} ${name}` })
      .click();
  }
}
