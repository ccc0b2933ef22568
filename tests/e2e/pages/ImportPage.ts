import type { Locator, Page } from 'playwright-core';
import type { AppSession } from '../support/harness';
import { readable } from './AppShell';

export type CountName = 'created' | 'updated' | 'unchanged' | 'skipped';

/** "Impor produk dari Excel/CSV" for one participant: four steps on one screen. */
export class ImportPage {
  constructor(
    readonly page: Page,
    readonly app: AppSession,
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /** The current step's title ("Pilih file daftar produk", "Cocokkan kolom"...). */
  get stepHeading(): Locator {
    return this.main.getByRole('heading', { level: 2 }).first();
  }

  get currentStep(): Locator {
    return this.main.getByRole('list', { name: 'Langkah impor' }).locator('[aria-current="step"]');
  }

  async waitForStep(heading: string): Promise<void> {
    await this.main.getByRole('heading', { level: 2, name: heading }).waitFor();
  }

  get chooseButton(): Locator {
    return this.main.getByRole('button', { name: 'Pilih file Excel atau CSV' });
  }

  /** Picks `filePath` in the (simulated) open dialog. */
  async choose(filePath: string): Promise<void> {
    this.app.dialogs.nextOpen.push(filePath);
    await this.chooseButton.click();
  }

  get fileProblem(): Locator {
    return this.page.getByTestId('file-problem');
  }

  get fileNotes(): Locator {
    return this.page.getByTestId('file-notes');
  }

  get readProgress(): Locator {
    return this.page.getByTestId('read-progress');
  }

  /** The bar while products are written, with its "Hentikan" button. */
  get commitProgress(): Locator {
    return this.page.getByTestId('commit-progress');
  }

  get stoppedNote(): Locator {
    return this.page.getByTestId('import-stopped');
  }

  /** The select saying what column `header` holds. */
  column(header: string): Locator {
    return this.main.getByRole('combobox', { name: `Arti kolom “${header}”`, exact: true });
  }

  async setColumn(header: string, meaning: string): Promise<void> {
    await this.column(header).selectOption({ label: meaning });
  }

  async columnMeaning(header: string): Promise<string> {
    return this.column(header).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  get warnings(): Locator {
    return this.page.getByTestId('mapping-warnings');
  }

  /** The count tiles: the live ones under the mapping table, or the preview's / result's. */
  async counts(): Promise<Record<CountName, number>> {
    const tiles = this.page.getByTestId('counts').last();
    await tiles.waitFor();
    const read = async (name: CountName) =>
      Number(
        (await tiles.getByTestId(`count-${name}`).locator('.import-count__number').textContent())?.replace(/\D/g, ''),
      );
    return {
      created: await read('created'),
      updated: await read('updated'),
      unchanged: await read('unchanged'),
      skipped: await read('skipped'),
    };
  }

  /** The counts as the screen says them to a screen reader: "3 produk baru, 0 diperbarui, …". */
  async countsSentence(): Promise<string> {
    return (await this.page.getByTestId('counts').last().getAttribute('aria-label')) ?? '';
  }

  /** Waits until the counts shown are for the columns chosen (not the previous choice). */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="counts"][aria-busy="false"]').last().waitFor();
    await this.page.locator('[data-testid="counts"][aria-busy="true"]').waitFor({ state: 'detached' });
  }

  async next(): Promise<void> {
    await this.main.getByRole('button', { name: 'Lanjut: periksa hasil' }).click();
    await this.waitForStep('Periksa sebelum impor');
    await this.settled();
  }

  get problems(): Locator {
    return this.page.getByTestId('problems');
  }

  async problemTexts(): Promise<string[]> {
    return (await this.problems.locator('.import-problems__issues > li').allTextContents()).map((text) =>
      readable(text),
    );
  }

  async listed(action: 'created' | 'updated' | 'unchanged'): Promise<string[]> {
    return this.page.getByTestId(`list-${action}`).locator('.import-actions__name').allTextContents();
  }

  /** "Impor N produk" (whatever N is). */
  get importButton(): Locator {
    return this.main.getByRole('button', { name: /^(Impor [\d.]+ produk|Mengimpor…)$/ });
  }

  async commit(): Promise<void> {
    await this.importButton.click();
    await this.waitForStep('Impor selesai');
  }

  get resultHeadline(): Locator {
    return this.page.getByTestId('result-headline');
  }

  async downloadSummary(target: string): Promise<string> {
    this.app.dialogs.nextSave.push(target);
    await this.main.getByRole('button', { name: 'Unduh ringkasan' }).click();
    return readable(await this.page.getByTestId('summary-saved').textContent());
  }
}
