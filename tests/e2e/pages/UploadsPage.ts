import type { Locator, Page } from 'playwright-core';
import { AppShell, readable } from './AppShell';
import { SellerListPage } from './SellerListPage';

/** What the page showed of an upload's progress bar while it ran (it can be gone in a blink). */
export interface SeenProgress {
  /** The bar appeared at all. */
  readonly bar: boolean;
  /** Every "2 dari 3 (66%)" line it showed, in order. */
  readonly numbers: string[];
  /** The button "Hentikan" was there with it. */
  readonly cancel: boolean;
}

/**
 * "Pusat Unggah": the shop cards, the upload panel (button, progress, outcome, products the
 * checks refused), the counts and one row per listing with its state, advice and actions.
 */
export class UploadsPage {
  constructor(readonly page: Page) {}

  /** Reloads, opens the participant from the list, then "Unggah ke toko" (their "Pusat Unggah"). */
  static async open(page: Page, seller: string): Promise<UploadsPage> {
    await page.reload();
    await new SellerListPage(page).open(seller);
    const shell = new AppShell(page);
    await shell
      .heading()
      .filter({ hasText: `Produk ${seller}` })
      .waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Unggah ke toko' }).click();
    await shell
      .heading()
      .filter({ hasText: `Pusat Unggah ${seller}` })
      .waitFor();
    return new UploadsPage(page);
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get practiceCard(): Locator {
    return this.page.getByTestId('shop-practice');
  }

  async practiceState(): Promise<string> {
    return readable(await this.practiceCard.getByTestId('shop-state').textContent());
  }

  get connectButton(): Locator {
    return this.practiceCard.getByRole('button', { name: 'Sambungkan ke toko latihan' });
  }

  get lazadaCard(): Locator {
    return this.page.getByTestId('shop-lazada');
  }

  async lazadaState(): Promise<string> {
    return readable(await this.lazadaCard.getByTestId('shop-state').textContent());
  }

  /** "Isi kunci aplikasi Lazada" then the dialog's two fields and "Simpan". */
  async setUpLazada(appKey: string, appSecret: string): Promise<void> {
    await this.lazadaCard.getByRole('button', { name: 'Isi kunci aplikasi Lazada' }).click();
    await new LazadaAppDialog(this.page).fill(appKey, appSecret);
  }

  get signInDialog(): Locator {
    return this.page.getByTestId('sign-in-dialog');
  }

  /** Picks the shop the panel and the listings are about ("Kirim ke toko ini"). */
  async sendTo(card: 'practice' | 'lazada'): Promise<void> {
    const locator = card === 'lazada' ? this.lazadaCard : this.practiceCard;
    await locator.getByRole('button', { name: 'Kirim ke toko ini' }).click();
  }

  /** "Putuskan", then "Ya, putuskan". */
  async disconnect(card: 'practice' | 'lazada'): Promise<void> {
    const locator = card === 'lazada' ? this.lazadaCard : this.practiceCard;
    await locator.getByRole('button', { name: 'Putuskan' }).click();
    await locator.getByRole('button', { name: 'Ya, putuskan' }).click();
  }

  get uploadButton(): Locator {
    return this.main.getByRole('button', { name: 'Unggah produk siap jual' });
  }

  get progress(): Locator {
    return this.page.getByTestId('upload-progress');
  }

  get outcome(): Locator {
    return this.page.getByTestId('upload-outcome');
  }

  /** The outcome's quiet message, as read. */
  async outcomeMessage(): Promise<string> {
    return readable(await this.outcome.getByRole('status').textContent());
  }

  get refused(): Locator {
    return this.page.getByTestId('upload-refused');
  }

  refusedProduct(name: string): Locator {
    return this.refused.getByRole('listitem', { name, exact: true });
  }

  get notice(): Locator {
    return this.page.getByTestId('upload-notice');
  }

  get emptyState(): Locator {
    return this.main.locator('.empty-state');
  }

  get followQcButton(): Locator {
    return this.main.getByRole('button', { name: 'Periksa status QC' });
  }

  get viewShopButton(): Locator {
    return this.main.getByRole('button', { name: 'Lihat toko' });
  }

  async count(key: 'live' | 'inQc' | 'rejected' | 'blocked' | 'waiting'): Promise<number> {
    return Number(await this.page.getByTestId(`count-${key}`).locator('.upload-count__number').textContent());
  }

  get listings(): Locator {
    return this.main.getByRole('list', { name: 'Produk yang diunggah' });
  }

  listing(name: string): Locator {
    return this.listings.getByRole('listitem', { name, exact: true });
  }

  async listingState(name: string): Promise<string> {
    return readable(await this.listing(name).getByTestId('listing-state').textContent());
  }

  async listingAdvice(name: string): Promise<string> {
    const advice = this.listing(name).getByTestId('listing-advice');
    return (await advice.count()) === 0 ? '' : readable(await advice.textContent());
  }

  async listingMeta(name: string): Promise<string> {
    return readable(await this.listing(name).locator('.listing__meta').textContent());
  }

  fix(name: string): Promise<void> {
    return this.main
      .getByRole('button', { name: `Perbaiki ${name}`, exact: true })
      .first()
      .click();
  }

  /**
   * Starts recording the upload progress bar before an upload starts: on the practice
   * marketplace a few products go out in well under a second, quicker than polling sees.
   */
  async watchProgress(): Promise<() => Promise<SeenProgress>> {
    await this.page.evaluate(() => {
      const seen = { bar: false, numbers: [] as string[], cancel: false };
      (window as unknown as { __uploadProgress: typeof seen }).__uploadProgress = seen;
      const look = () => {
        const bar = document.querySelector('[data-testid="upload-progress"]');
        if (!bar) return;
        seen.bar = true;
        const numbers = bar.querySelector('.job-progress__numbers')?.textContent ?? '';
        if (numbers && seen.numbers.at(-1) !== numbers) seen.numbers.push(numbers);
        if ([...bar.querySelectorAll('button')].some((button) => button.textContent === 'Hentikan')) seen.cancel = true;
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { __uploadProgress: SeenProgress }).__uploadProgress);
  }

  /** Presses "Unggah produk siap jual" and waits until the upload is over and its outcome shows. */
  async upload(): Promise<SeenProgress> {
    const seen = await this.watchProgress();
    await this.uploadButton.click();
    await this.outcome.waitFor({ timeout: 60_000 });
    await this.progress.waitFor({ state: 'detached' });
    return seen();
  }
}

/** "Kunci aplikasi Lazada": where a trainer enters the laptop's App Key and App Secret once. */
export class LazadaAppDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('lazada-app-dialog');
  }

  async fill(appKey: string, appSecret: string): Promise<void> {
    await this.dialog.getByLabel('App Key').fill(appKey);
    await this.dialog.getByLabel('App Secret').fill(appSecret);
    await this.dialog.getByRole('button', { name: 'Simpan' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
