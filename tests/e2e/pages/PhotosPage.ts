import type { Locator, Page } from 'playwright-core';
import type { AppSession } from '../support/harness';
import { readable } from './AppShell';

/**
 * The photo studio's screens: a participant's "Foto produk" overview (import, the photos
 * waiting for a product, the products' photo state) and a product's own photo section with
 * its editor dialog.
 */
export class PhotosPage {
  constructor(
    readonly page: Page,
    readonly app: AppSession,
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  // ---------- the overview ----------

  get folderButton(): Locator {
    return this.main.getByRole('button', { name: 'Ambil dari folder (HP / flashdisk)' });
  }

  get filesButton(): Locator {
    return this.main.getByRole('button', { name: 'Pilih foto', exact: true });
  }

  /** Picks `folder` in the (simulated) folder dialog and waits for the import's summary. */
  async importFolder(folder: string): Promise<void> {
    this.app.dialogs.nextFolder.push(folder);
    await this.folderButton.click();
    await this.summary.waitFor();
  }

  get summary(): Locator {
    return this.page.getByTestId('photo-import-summary');
  }

  async summaryLine(name: 'matched' | 'unmatched' | 'duplicates' | 'rejected'): Promise<string> {
    const line = this.summary.getByTestId(`summary-${name}`);
    if ((await line.count()) === 0) return '';
    return readable(await line.locator(':scope > span, :scope > div > span').first().textContent());
  }

  /** One refusal reason's entry: file names, what happened, what to do. */
  async rejected(reason: string): Promise<{ files: string; what: string; next: string } | null> {
    const item = this.summary.getByTestId(`rejected-${reason}`);
    if ((await item.count()) === 0) return null;
    return {
      files: readable(await item.locator('.photo-summary__files').textContent()),
      what: readable(await item.locator('.photo-summary__what').textContent()),
      next: readable(await item.locator('.photo-summary__next').textContent()),
    };
  }

  get productList(): Locator {
    return this.page.getByRole('list', { name: 'Foto per produk' });
  }

  productCard(name: string): Locator {
    return this.productList.getByRole('listitem', { name, exact: true });
  }

  /** Product names in the order shown (worst photos first). */
  async productNames(): Promise<string[]> {
    return (await this.productList.locator('.photo-product__name').allTextContents()).map(readable);
  }

  async verdict(name: string): Promise<string> {
    return readable(await this.productCard(name).getByTestId('verdict').textContent());
  }

  async photoCount(name: string): Promise<string> {
    return readable(await this.productCard(name).locator('.photo-product__count').textContent());
  }

  get review(): Locator {
    return this.page.getByTestId('photo-review');
  }

  stray(fileName: string): Locator {
    return this.page.getByRole('list', { name: 'Foto yang belum punya produk' }).getByRole('listitem', {
      name: fileName,
      exact: true,
    });
  }

  async assign(fileName: string, product: string): Promise<void> {
    await this.stray(fileName).getByLabel(`Produk untuk ${fileName}`).selectOption({ label: product });
  }

  async openProduct(name: string): Promise<void> {
    await this.productCard(name).getByRole('button').click();
    await this.section.waitFor();
  }

  // ---------- a product's photos, on its form ----------

  get section(): Locator {
    return this.page.getByTestId('product-photos');
  }

  get tiles(): Locator {
    return this.section.getByRole('list', { name: 'Foto produk, sesuai urutan tampil' }).getByRole('listitem');
  }

  tile(number: number): Locator {
    return this.section.getByRole('listitem', { name: new RegExp(`^Foto ${number}(,|$)`) });
  }

  /** File names in the order shown. */
  async order(): Promise<string[]> {
    return (await this.tiles.locator('.photo-tile__file').allTextContents()).map(readable);
  }

  makeMain(number: number): Promise<void> {
    return this.section.getByRole('button', { name: `Jadikan foto ${number} foto utama` }).click();
  }

  moveRight(number: number): Promise<void> {
    return this.section.getByRole('button', { name: `Geser foto ${number} ke kanan` }).click();
  }

  moveLeft(number: number): Promise<void> {
    return this.section.getByRole('button', { name: `Geser foto ${number} ke kiri` }).click();
  }

  delete(number: number): Promise<void> {
    return this.section.getByRole('button', { name: `Hapus foto ${number}` }).click();
  }

  async edit(number: number): Promise<Locator> {
    await this.section.getByRole('button', { name: `Ubah foto ${number}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Ubah foto ${number}` });
    await dialog.waitFor();
    return dialog;
  }

  /**
   * Waits until every picture in `scope` is a real rendered image that has loaded: no
   * "Sedang diproses…" left, each <img> complete with pixels.
   */
  async waitForPictures(scope: Locator, timeout = 30_000): Promise<void> {
    await scope.getByTestId('photo-pending').first().waitFor({ state: 'detached', timeout });
    await this.page.waitForFunction(
      (element) =>
        element !== null &&
        [...element.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0) &&
        element.querySelectorAll('[data-testid="photo-pending"]').length === 0,
      await scope.elementHandle(),
      { timeout },
    );
  }

  get queue(): Locator {
    return this.page.getByRole('banner').getByTestId('photo-queue');
  }
}
