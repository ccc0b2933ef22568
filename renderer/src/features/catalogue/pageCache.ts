import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ProductSummary } from '../../../../electron/shared/catalogue';
import type { AppError, Result } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import type { SearchInput } from './query';

/**
 * The table's rows, fetched a page at a time as they scroll into view.
 *
 * A catalogue can hold 50,000 products; the table never asks for more than the pages
 * around what is on screen. While the scrollbar is being dragged the wanted range changes
 * every frame, so requests wait until it rests for a moment (at most a quarter second
 * while it keeps moving): a fling from the top to the bottom costs a request or two, not
 * one per page passed. Answers for an older search or from before a refresh are dropped,
 * and only a few dozen pages are kept, the ones nearest the view.
 */
export const PAGE_SIZE = 100;
/** 3,000 rows: scrolling back a little never refetches, memory stays small. */
const MAX_PAGES = 30;
/** 200 rows, the most one `products:search` returns. */
const PAGES_PER_REQUEST = 2;
const SETTLE_MS = 60;
const MAX_WAIT_MS = 250;

interface Page {
  readonly items: readonly ProductSummary[];
  /** Which search (filters and sort) the page belongs to. */
  readonly epoch: number;
  /** Which search or refresh it was fetched for; older pages show until replaced. */
  readonly generation: number;
}

const LOAD_FAILED: AppError = { code: 'internal', message: 'products:search failed' };

export class PageCache {
  private input: SearchInput | null = null;
  private key = '';
  private epoch = 0;
  private generation = 0;
  private readonly pages = new Map<number, Page>();
  private readonly inFlight = new Map<number, number>();
  private wantFirst = 0;
  private wantLast = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waitingSince: number | null = null;
  private ids: { readonly generation: number; readonly answer: Promise<Result<number[]>> } | null = null;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Products matching the search; null until the first answer. */
  total: number | null = null;
  failed: AppError | null = null;
  /** The rows on screen still belong to the previous search (its answer has not come yet). */
  switching = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** A new search (filters or sort changed): its first page is asked for at once. */
  setSearch(input: SearchInput): void {
    const key = JSON.stringify(input);
    if (key === this.key) return;
    this.key = key;
    this.input = input;
    this.epoch++;
    this.generation++;
    // Keep the old rows on screen until the new ones arrive, instead of flashing empty.
    this.switching = this.total !== null;
    this.failed = null;
    this.ids = null;
    this.wantFirst = 0;
    this.wantLast = 0;
    this.cancelTimer();
    this.flush();
    this.changed();
  }

  /** The data changed (a bulk edit, an undo): refetch what is on screen, showing the old rows meanwhile. */
  refresh(): void {
    if (!this.input) return;
    this.generation++;
    this.failed = null;
    this.ids = null;
    this.cancelTimer();
    this.flush();
    this.changed();
  }

  /** Rows `first`..`last` (indexes) are on screen or about to be. */
  want(first: number, last: number): void {
    this.wantFirst = Math.max(0, first);
    this.wantLast = Math.max(this.wantFirst, last);
    if (this.failed || this.missing().length === 0) return;
    this.schedule();
  }

  row(index: number): ProductSummary | null {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE] ?? null;
  }

  /** The first loaded row (of the current search) that `test` accepts, e.g. a ticked one for an example. */
  find(test: (product: ProductSummary) => boolean): ProductSummary | null {
    for (const page of this.pages.values()) {
      if (page.epoch !== this.epoch) continue;
      const found = page.items.find(test);
      if (found) return found;
    }
    return null;
  }

  /** The ids of rows `from`..`to`, when all are loaded for the current data; otherwise null. */
  idsBetween(from: number, to: number): number[] | null {
    const ids: number[] = [];
    for (let index = from; index <= to; index++) {
      const page = this.pages.get(Math.floor(index / PAGE_SIZE));
      const item = page?.generation === this.generation ? page.items[index % PAGE_SIZE] : undefined;
      if (!item) return null;
      ids.push(item.id);
    }
    return ids;
  }

  /** Every matching id in table order (one request per search and refresh). */
  allIds(): Promise<Result<number[]>> {
    if (!this.input) return Promise.resolve({ ok: true, value: [] });
    if (this.ids?.generation !== this.generation) {
      this.ids = {
        generation: this.generation,
        answer: api.invoke('products:searchIds', this.input).catch(() => ({ ok: false, error: LOAD_FAILED })),
      };
    }
    return this.ids.answer;
  }

  /** The screen went away (or, in development, React is checking it can come back). */
  dispose(): void {
    this.cancelTimer();
    // Answers still on their way find a generation that no longer matches, and a screen
    // that mounts again asks afresh.
    this.generation++;
    this.key = '';
  }

  private missing(): number[] {
    const pages: number[] = [];
    const first = Math.floor(this.wantFirst / PAGE_SIZE);
    const last = Math.floor(this.wantLast / PAGE_SIZE);
    for (let page = first; page <= last; page++) {
      if (this.pages.get(page)?.generation !== this.generation && this.inFlight.get(page) !== this.generation) {
        pages.push(page);
      }
    }
    // Past the end there is nothing to fetch (until a search has answered, the end is unknown).
    const total = this.switching ? null : this.total;
    return total === null ? pages : pages.filter((page) => page * PAGE_SIZE < total);
  }

  private schedule(): void {
    const now = performance.now();
    this.waitingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(SETTLE_MS, this.waitingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waitingSince = null;
      this.flush();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waitingSince = null;
  }

  private flush(): void {
    // Neighbouring pages go in one request (up to the channel's 200 rows): a view that
    // straddles two pages costs one call, not two.
    let run: number[] = [];
    for (const page of this.missing()) {
      const previous = run.at(-1);
      if (previous !== undefined && (page !== previous + 1 || run.length === PAGES_PER_REQUEST)) {
        void this.fetch(run);
        run = [];
      }
      run.push(page);
    }
    if (run.length > 0) void this.fetch(run);
  }

  private async fetch(pages: readonly number[]): Promise<void> {
    const input = this.input;
    const first = pages[0];
    if (!input || first === undefined) return;
    const { generation, epoch } = this;
    for (const page of pages) this.inFlight.set(page, generation);
    const answer = await api
      .invoke('products:search', { ...input, limit: PAGE_SIZE * pages.length, offset: first * PAGE_SIZE })
      .catch((): Result<never> => ({ ok: false, error: LOAD_FAILED }));
    for (const page of pages) if (this.inFlight.get(page) === generation) this.inFlight.delete(page);
    // Filters, sort or data changed while this was on its way.
    if (generation !== this.generation) return;
    if (!answer.ok) {
      this.failed = answer.error;
      this.changed();
      return;
    }
    if (this.switching) {
      // The first answer of a new search: the previous search's rows go.
      for (const [index, old] of this.pages) if (old.epoch !== epoch) this.pages.delete(index);
      this.switching = false;
    }
    pages.forEach((page, n) => {
      const items = answer.value.items.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE);
      this.pages.set(page, { items, epoch, generation });
    });
    this.total = answer.value.total;
    this.evict();
    this.changed();
    // The view may have moved on while these pages were fetched.
    if (this.missing().length > 0) this.schedule();
  }

  /** Drops the pages farthest from the view once more than MAX_PAGES are kept. */
  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = (this.wantFirst + this.wantLast) / 2 / PAGE_SIZE;
    const farthest = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of farthest.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(page);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** One cache per table screen, following `input`; re-renders on every change. */
export function usePageCache(input: SearchInput): PageCache {
  const [cache] = useState(() => new PageCache());
  useEffect(() => cache.setSearch(input), [cache, input]);
  useEffect(() => () => cache.dispose(), [cache]);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return cache;
}
