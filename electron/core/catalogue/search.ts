import {
  DEFAULT_PAGE_SIZE,
  MAX_BULK_IDS,
  type ProductPage,
  type ProductSearchInput,
  type ProblemFilter,
  type ProductSort,
  READINESS_PROBLEMS,
  type SortDirection,
} from '../../shared/catalogue';
import type { Db } from '../db/open';
import { ftsQuery } from './fts-query';
import { problemBit } from './readiness';
import type { SellerStore } from './sellers';
import { toSummary, type SummaryRow } from './summary-row';

/**
 * ORDER BY for each sort. Every one ends in the id, so rows that tie (same name, same price)
 * keep one order and paging never repeats or skips a product. Each matches an index of
 * migration 0020 (or products_by_seller), so a seller's page is read in order, not sorted.
 */
const ORDER: Record<ProductSort, (table: string, dir: Direction) => string> = {
  updated: (t, dir) => `${t}.updated_at ${dir}, ${t}.id ${dir}`,
  name: (t, dir) => `${t}.name COLLATE NOCASE ${dir}, ${t}.id ${dir}`,
  price: (t, dir) => `${t}.min_price ${dir}, ${t}.id ${dir}`,
};

type Direction = 'ASC' | 'DESC';

const DEFAULT_DIRECTION: Record<ProductSort, SortDirection> = { updated: 'desc', name: 'asc', price: 'asc' };

/** What one search needs beyond its parameters: which filters are on decides the SQL. */
export interface Shape {
  readonly seller: boolean;
  readonly status: boolean;
  readonly category: boolean;
  /** A readiness filter is on (which masks qualify is a bound value). */
  readonly problem?: boolean;
  /** The SQL counts the matches rather than reading a page. */
  readonly counting?: boolean;
  /** Few products pass the readiness filter: read them from its index and sort them. */
  readonly fewProblems?: boolean;
  readonly match: boolean;
  /**
   * A whole-catalogue search whose text matches many products: walk a live-products order
   * index and keep the matching rows, instead of fetching and sorting every match.
   */
  readonly walk?: boolean;
}

/**
 * From how many matches walking the order index beats sorting the matches: with a third
 * of the catalogue matching, a page of 50 reads ~150 rows of the index; with 100 matches
 * it might read all 50,000. Only for the first pages; deep pages sort the matches as before.
 */
export const WALK_FROM_MATCHES = 1000;
export const WALK_UP_TO_ROW = 1000;

/** The live-products order index that each sort walks (migration 0030). */
const ORDER_INDEX: Record<ProductSort, string> = {
  updated: 'products_live_by_updated',
  name: 'products_live_by_name',
  price: 'products_live_by_price',
};

/**
 * Search and list pages over live products.
 *
 * Paging is by LIMIT/OFFSET, not a keyset cursor: one seller has a few hundred products, so
 * skipping rows costs microseconds, and a page number plus `total` is what the list shows
 * ("51-100 of 1,234", jump to a page). A keyset cursor would need a different opaque cursor
 * for each sort key to win only on deep pages of the whole catalogue. The total order (ties
 * broken by id) keeps pages free of repeats and gaps as long as the data does not change
 * between them.
 */
export class ProductSearch {
  /** Statements by SQL text: the SQL depends only on which filters are on (48 shapes x 6 orders). */
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(
    private readonly db: Db,
    private readonly sellers: SellerStore,
  ) {}

  search(input: ProductSearchInput): ProductPage {
    const plan = this.plan(input);
    if (!plan) return { items: [], total: 0 };
    const { params, sort, direction, matches, match } = plan;
    let { shape } = plan;
    // A readiness filter is counted first (from its own index, cheaply): when few products
    // qualify, the page is read from that index and sorted, rather than walking the whole
    // catalogue in order looking for them.
    const problemCount = shape.problem ? (this.statement(problemCountSql(shape)).pluck().get(params) as number) : null;
    if (problemCount !== null && problemCount < WALK_FROM_MATCHES && !shape.seller && !shape.match) {
      shape = { ...shape, fewProblems: true };
    }
    const rows = this.statement(pageSql(shape, sort, direction)).all(params) as SummaryRow[];
    // A full page from offset 0 is the common case where the count is needed; a short page
    // already tells the total.
    const total =
      rows.length < params.limit && (rows.length > 0 || params.offset === 0)
        ? params.offset + rows.length
        : problemCount !== null
          ? problemCount
          : matches !== null && !shape.status && !shape.category
            ? // Every live product has one row in the index; only the trashed participants'
              // products (few) must be taken off.
              matches - this.trashedSellersMatches(match)
            : (this.statement(countSql(shape)).pluck().get(params) as number);
    return { items: rows.map(toSummary), total };
  }

  /** Every id the search matches, in its order (for "select all"), up to MAX_BULK_IDS. */
  ids(input: ProductSearchInput): number[] {
    const plan = this.plan({ ...input, limit: undefined, offset: undefined });
    if (!plan) return [];
    const { shape, sort, direction } = plan;
    const { limit: _limit, offset: _offset, ...params } = plan.params;
    return this.statement(
      `SELECT p.id FROM products p WHERE ${whereSql({ ...shape, walk: false })}
       ORDER BY ${ORDER[sort]('p', direction)} LIMIT ${MAX_BULK_IDS}`,
    )
      .pluck()
      .all(params) as number[];
  }

  /** What a search needs: its shape, bound values and order; null when it can match nothing. */
  private plan(input: ProductSearchInput) {
    // Same refusal as products:list: an unknown participant is a mistake worth reporting.
    if (input.sellerId !== undefined) this.sellers.assertExists(input.sellerId, 'sellerId');
    const match = ftsQuery(input.query);
    // Text with nothing searchable in it ("-", "***", emoji) matches nothing, rather than
    // silently showing everything as if the box were empty.
    if (input.query && match === null) return null;

    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    const offset = input.offset ?? 0;
    // Over the whole catalogue, count the matches in the search index alone (cheap) to
    // choose the plan; within one participant the matches are few whatever the text.
    const matches =
      match !== null && input.sellerId === undefined
        ? (this.statement(FTS_COUNT).pluck().get({ match }) as number)
        : null;
    const shape: Shape = {
      seller: input.sellerId !== undefined,
      status: input.status !== undefined,
      category: input.categoryId !== undefined,
      problem: input.problem !== undefined,
      match: match !== null,
      walk: matches !== null && matches >= WALK_FROM_MATCHES && offset + limit <= WALK_UP_TO_ROW,
    };
    const params = {
      sellerId: input.sellerId ?? null,
      status: input.status ?? null,
      categoryId: input.categoryId ?? null,
      problemMasks: problemMasks(input.problem),
      match,
      limit,
      offset,
    };
    const sort = input.sort ?? 'updated';
    const direction: Direction = (input.direction ?? DEFAULT_DIRECTION[sort]) === 'asc' ? 'ASC' : 'DESC';
    return { shape, params, sort, direction, matches, match };
  }

  /**
   * How many matches belong to participants in the trash. Most days there are none, and the
   * check for that costs microseconds, while the count itself has to gather the matches.
   */
  private trashedSellersMatches(match: string | null): number {
    if (!this.db.prepare<[], number>(ANY_TRASHED_SELLER).pluck().get()) return 0;
    return this.statement(TRASHED_SELLERS_MATCHES).pluck().get({ match }) as number;
  }

  private statement(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The WHERE clause for a shape: fixed fragments only, user values always bound. */
export function whereSql(shape: Shape): string {
  const where = ['p.deleted_at IS NULL'];
  if (shape.seller) where.push('p.seller_id = @sellerId');
  // The whole catalogue leaves out participants in the trash (their products come back with them).
  else where.push('p.seller_id NOT IN (SELECT id FROM sellers WHERE deleted_at IS NOT NULL)');
  if (shape.status) where.push('p.status = @status');
  if (shape.category) where.push('p.category_id = @categoryId');
  // As a list of the masks that qualify, so a count reads ranges of products_live_by_problems;
  // a page keeps to its order index (`+`), taking the first rows that qualify.
  if (shape.problem) {
    const indexed = shape.counting || shape.fewProblems;
    where.push(`${indexed ? '' : '+'}p.problems IN (SELECT value FROM json_each(@problemMasks))`);
  }
  // `+p.id` when walking: the match set is only checked per row, so the planner keeps to the
  // order index instead of starting from the matches.
  if (shape.match) {
    const id = shape.walk ? '+p.id' : 'p.id';
    where.push(`${id} IN (SELECT rowid FROM product_search WHERE product_search MATCH @match)`);
  }
  return where.join(' AND ');
}

/**
 * One page: the inner query picks the page's products in order (walking an index), the
 * outer one adds SKU figures for those rows only and keeps the order.
 */
export function pageSql(shape: Shape, sort: ProductSort, direction: Direction): string {
  return `
    SELECT page.*,
           COUNT(s.id) AS sku_count,
           COALESCE(MAX(s.price), 0) AS max_price,
           COALESCE(SUM(s.stock), 0) AS total_stock
    FROM (SELECT p.id, p.seller_id, p.name, p.brand, p.category_id, p.status, p.problems, p.updated_at, p.min_price
          FROM products p${
            shape.walk
              ? ` INDEXED BY ${ORDER_INDEX[sort]}`
              : shape.fewProblems
                ? ' INDEXED BY products_live_by_problems'
                : ''
          }
          WHERE ${whereSql(shape)}
          ORDER BY ${ORDER[sort]('p', direction)}
          LIMIT @limit OFFSET @offset) AS page
    LEFT JOIN skus s ON s.product_id = page.id AND s.deleted_at IS NULL
    GROUP BY page.id
    ORDER BY ${ORDER[sort]('page', direction)}`;
}

export const FTS_COUNT = 'SELECT COUNT(*) FROM product_search WHERE product_search MATCH @match';
export const ANY_TRASHED_SELLER = 'SELECT EXISTS (SELECT 1 FROM sellers WHERE deleted_at IS NOT NULL)';
export const TRASHED_SELLERS_MATCHES = `
  SELECT COUNT(*) FROM products p
  WHERE p.deleted_at IS NULL
    AND p.seller_id IN (SELECT id FROM sellers WHERE deleted_at IS NOT NULL)
    AND p.id IN (SELECT rowid FROM product_search WHERE product_search MATCH @match)`;

/**
 * The count for a readiness filter: from the per-participant tallies (migration 0060) when
 * nothing else narrows the list, otherwise from the products themselves.
 */
export function problemCountSql(shape: Shape): string {
  if (shape.status || shape.category || shape.match) return countSql(shape);
  const masks = 'problems IN (SELECT value FROM json_each(@problemMasks))';
  return shape.seller
    ? `SELECT COALESCE(SUM(live), 0) FROM product_problem_counts WHERE seller_id = @sellerId AND ${masks}`
    : `SELECT COALESCE(SUM(live), 0) FROM product_problem_counts
       WHERE ${masks} AND seller_id NOT IN (SELECT id FROM sellers WHERE deleted_at IS NOT NULL)`;
}

export function countSql(shape: Shape): string {
  return `SELECT COUNT(*) FROM products p WHERE ${whereSql({ ...shape, walk: false, counting: true })}`;
}

/** Every problem mask a filter accepts, as JSON for `json_each`: there are 2^6 masks in all. */
function problemMasks(filter: ProblemFilter | undefined): string {
  if (filter === undefined) return '[]';
  const all = Array.from({ length: 1 << READINESS_PROBLEMS.length }, (_, mask) => mask);
  if (filter === 'none') return '[0]';
  const bits = filter === 'any' ? all.length - 1 : problemBit(filter);
  return JSON.stringify(all.filter((mask) => (mask & bits) !== 0));
}
