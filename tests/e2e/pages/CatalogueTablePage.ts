import type { Locator, Page } from 'playwright-core';
import { readable } from './AppShell';

/** "Semua produk" / "Tabel produk <peserta>": the virtualised product table, its filters and bulk changes. */
export class CatalogueTablePage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Tabel produk' });
  }

  /** The element the rows scroll in (the table's own scrollbar). */
  get scroller(): Locator {
    return this.page.getByTestId('table-scroller');
  }

  /** Product rows in the page right now (the virtualiser keeps only those near the view). */
  get rows(): Locator {
    return this.grid.locator('[role="row"][data-index]');
  }

  /** Rows still waiting for their page of products. */
  get loadingRows(): Locator {
    return this.grid.locator('[role="row"][aria-busy="true"]');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** The row at a position in the whole result (0 = first), when it is rendered. */
  rowAt(index: number): Locator {
    return this.grid.locator(`[role="row"][data-index="${index}"]`);
  }

  get total(): Locator {
    return this.page.getByTestId('total');
  }

  async totalText(): Promise<string> {
    return readable(await this.total.textContent());
  }

  get search(): Locator {
    return this.page.getByLabel('Cari produk', { exact: true });
  }

  get statusFilter(): Locator {
    return this.page.getByLabel('Status', { exact: true });
  }

  get problemFilter(): Locator {
    return this.page.getByLabel('Kelengkapan data', { exact: true });
  }

  get sellerFilter(): Locator {
    return this.page.getByLabel('Peserta', { exact: true });
  }

  /** "Kategori: Semua kategori": opens the category picker under it. */
  get categoryFilter(): Locator {
    return this.page.getByRole('button', { name: /^Kategori: / });
  }

  get clearFilters(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Hapus filter' }).first();
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name });
  }

  sortBy(name: string): Promise<void> {
    return this.columnHeader(name).getByRole('button').click();
  }

  /** Names of the rendered rows, top to bottom. */
  async names(): Promise<string[]> {
    const rows = await this.rows.evaluateAll((elements) =>
      elements
        .map((row) => ({
          index: Number((row as HTMLElement).dataset['index']),
          name: row.querySelector('.catalogue-name')?.textContent ?? '',
        }))
        .sort((a, b) => a.index - b.index),
    );
    return rows.map((row) => row.name);
  }

  async firstName(): Promise<string> {
    return (await this.rowAt(0).locator('.catalogue-name').textContent()) ?? '';
  }

  /** Scrolls the table to `fraction` of its height (0 = top, 1 = bottom) and waits for those rows. */
  async scrollTo(fraction: number): Promise<void> {
    await this.scroller.evaluate((element, at) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * at;
    }, fraction);
    await this.settled();
  }

  /** No row is waiting for data. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.querySelectorAll('[role="grid"] [role="row"][data-index]').length > 0 &&
        document.querySelectorAll('[role="grid"] [role="row"][aria-busy="true"]').length === 0,
    );
  }

  tick(name: string, options: { shift?: boolean } = {}): Promise<void> {
    return this.row(name)
      .getByRole('checkbox')
      .click({ modifiers: options.shift ? ['Shift'] : [] });
  }

  get bulkBar(): Locator {
    return this.page.getByTestId('bulk-bar');
  }

  /** "12 produk dipilih", "Pilih semua ...", "Batal pilih", beside the total. */
  get selection(): Locator {
    return this.page.getByTestId('selection');
  }

  async selectedText(): Promise<string> {
    return readable(await this.selection.getByRole('status').textContent());
  }

  /** "Pilih semua 123 produk yang cocok". */
  selectAllMatching(): Promise<void> {
    return this.selection.getByRole('button', { name: /^Pilih semua/ }).click();
  }

  clearSelection(): Promise<void> {
    return this.selection.getByRole('button', { name: 'Batal pilih' }).click();
  }

  bulk(label: string): Promise<void> {
    return this.bulkBar.getByRole('button', { name: label, exact: true }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get outcome(): Locator {
    return this.page.getByTestId('bulk-outcome');
  }

  async outcomeText(): Promise<string> {
    return readable(await this.outcome.innerText());
  }

  get skippedList(): Locator {
    return this.outcome.getByRole('list', { name: 'Produk yang tidak diubah' });
  }

  undo(): Promise<void> {
    return this.outcome.getByRole('button', { name: 'Urungkan' }).click();
  }

  /** "Ekspor" and one of its choices. */
  async export(format: 'Excel (.xlsx)' | 'CSV (.csv)'): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Ekspor' }).click();
    await this.page.getByRole('dialog', { name: 'Simpan sebagai' }).getByRole('button', { name: format }).click();
  }
}
