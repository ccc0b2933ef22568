import type { ProblemFilter, ProductSort, ProductStatus, SortDirection } from '../../../../electron/shared/catalogue';
import type { ChannelInput } from '../../../../electron/shared/contract';

/**
 * What the table shows: the filters a person sets and the sort, and how they become a
 * `products:search` request. The renderer may not import values from
 * electron/shared/catalogue (that would bundle zod into it): the problem kinds come from
 * electron/shared/plain, and the lists below are copies that the compiler checks against
 * the shared types.
 */

export { READINESS_PROBLEMS } from '../../../../electron/shared/plain/readiness';

export const STATUSES = ['draft', 'ready'] as const satisfies readonly ProductStatus[];

/** The sorts a column header offers, and the direction each starts in (as the core defaults). */
export const FIRST_DIRECTION: Readonly<Record<ProductSort, SortDirection>> = {
  updated: 'desc',
  name: 'asc',
  price: 'asc',
};

export interface Filters {
  /** As typed; the request uses it once typing pauses. */
  readonly query: string;
  readonly status: ProductStatus | null;
  readonly problem: ProblemFilter | null;
  /** Whole-catalogue mode only: one participant. */
  readonly sellerId: number | null;
  readonly categoryId: number | null;
}

export interface Sort {
  readonly sort: ProductSort;
  readonly direction: SortDirection;
}

export const NO_FILTERS: Filters = { query: '', status: null, problem: null, sellerId: null, categoryId: null };
export const DEFAULT_SORT: Sort = { sort: 'updated', direction: 'desc' };

export function hasFilters(filters: Filters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.status !== null ||
    filters.problem !== null ||
    filters.sellerId !== null ||
    filters.categoryId !== null
  );
}

export type SearchInput = Omit<ChannelInput<'products:search'>, 'limit' | 'offset'>;

/**
 * The request for a table. `fixedSellerId` is the participant whose table this is; in the
 * whole catalogue the participant filter takes its place.
 */
export function searchInput(
  fixedSellerId: number | undefined,
  filters: Filters,
  query: string,
  sort: Sort,
): SearchInput {
  const sellerId = fixedSellerId ?? filters.sellerId ?? undefined;
  const text = query.trim();
  return {
    ...(sellerId !== undefined ? { sellerId } : {}),
    ...(text ? { query: text } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.problem ? { problem: filters.problem } : {}),
    ...(filters.categoryId !== null ? { categoryId: filters.categoryId } : {}),
    sort: sort.sort,
    direction: sort.direction,
  };
}
