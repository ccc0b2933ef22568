import type { Locator, Page } from 'playwright-core';
import { readable } from './AppShell';
import { LazadaAppDialog } from './UploadsPage';

/** "Semua unggahan": the automatic sender's switch, the Lazada app key, and every participant's shops. */
export class AllUploadsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Semua unggahan' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Semua unggahan' }).waitFor();
  }

  get autoSwitch(): Locator {
    return this.page.getByRole('switch', { name: 'Kirim sendiri saat ada internet' });
  }

  async appState(): Promise<string> {
    return readable(await this.page.getByTestId('lazada-app-state').textContent());
  }

  async setUpLazada(appKey: string, appSecret: string): Promise<void> {
    await this.page.getByRole('button', { name: /Isi kunci aplikasi Lazada|Ganti kunci/ }).click();
    await new LazadaAppDialog(this.page).fill(appKey, appSecret);
  }

  get shops(): Locator {
    return this.page.getByTestId('overview-shop');
  }

  /** Each row as read: participant, shop, then the counts. */
  async rows(): Promise<string[][]> {
    return this.shops.evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
  }

  async openShopOf(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Buka Pusat Unggah ${name}` }).click();
  }
}
