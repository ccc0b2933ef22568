import type { Filters, Sort } from './query';

/**
 * What a table looked like when the person left it (to open a product, say), so "Kembali"
 * brings them to the same rows, filters and ticks instead of the top of an unfiltered
 * table. Kept in memory only: a restart starts fresh, as every other screen does.
 */
export interface TableView {
  readonly filters: Filters;
  readonly sort: Sort;
  readonly scrollOffset: number;
  readonly selected: ReadonlySet<number>;
}

const views = new Map<string, TableView>();

export function savedView(key: string): TableView | undefined {
  return views.get(key);
}

export function saveView(key: string, view: TableView): void {
  views.set(key, view);
}
