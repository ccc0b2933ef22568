import type { Locator, Page } from 'playwright-core';
import { readable } from './AppShell';

/** "Tempat sampah": participants and products in the trash, each with "Pulihkan". */
export class TrashPage {
  constructor(readonly page: Page) {}

  get intro(): Locator {
    return this.page.getByRole('main').getByText('Tidak ada yang hilang');
  }

  get sellers(): Locator {
    return this.page.getByRole('list', { name: 'Peserta di tempat sampah' });
  }

  get products(): Locator {
    return this.page.getByRole('list', { name: 'Produk di tempat sampah' });
  }

  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'Tempat sampah kosong' });
  }

  /** A participant or a product, by its name. */
  row(name: string): Locator {
    return this.page.getByRole('main').getByRole('listitem', { name, exact: true });
  }

  async text(name: string): Promise<string> {
    return readable(await this.row(name).innerText());
  }

  async names(list: Locator): Promise<string[]> {
    return list.getByRole('heading').allTextContents();
  }

  restore(name: string, label = 'Pulihkan'): Promise<void> {
    return this.row(name)
      .getByRole('button', { name: `${label} ${name}` })
      .click();
  }
}
