import { setMaxListeners } from 'node:events';
import type { CategoryRefreshReport } from '../../shared/category-refresh';
import type { Marketplace } from '../../shared/uploads';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { CoreError, notFound } from '../errors';
import { cancelledError, type JobControl } from '../jobs/jobs';
import { MarketplaceFailure, type FailureKind } from '../marketplace/adapter';
import {
  fetchBrands,
  fetchCategoryAttributes,
  fetchCategoryTree,
  snapshotDocument,
  type Brand,
  type CategoryTransport,
  type RawAttribute,
  type RawNode,
} from '../marketplace/lazada/categories-fetch';
import type { ServerClock } from '../marketplace/lazada/clock';
import type { LazadaTransport } from '../marketplace/lazada/transport';
import { sleep as realSleep } from '../outbox/sleep';
import { brandKey, replaceBrands } from './brands';
import { activeTree, installAttributes, installTree, LAZADA } from './install';
import { TREE_VERSION_PATTERN } from './schema';

/**
 * Refreshing the offline category data from a connected shop's marketplace: the tree
 * (Indonesian and English names), attributes, and the brand list, installed together in
 * one transaction once everything has arrived. A download that fails or is cancelled
 * half-way writes nothing: the tree, attributes and brands stay exactly as they were.
 *
 * WHICH ATTRIBUTES. Lazada's tree has thousands of leaves and each leaf's attributes cost
 * two calls (Indonesian and English): all of them would be thousands of calls, an hour on
 * a workshop's 3G and a good part of a test app's 10,000 calls a day. So a refresh brings:
 *
 * 1. fresh attributes for the leaves this laptop's products use (a workshop's products sit
 *    in a few dozen leaves): the ones whose rules matter today;
 * 2. for the other leaves, the attributes already on this laptop, kept when the new tree
 *    still has the leaf under the same id and name (the bundled snapshot's curated ones, or
 *    an earlier fetch's): possibly a little old, but a form that knows the mandatory
 *    attributes beats one that knows nothing, and the marketplace's own answer still
 *    catches what changed;
 * 3. nothing for the rest: `attributesKnown` is false for them, and `loadAttributes`
 *    downloads one leaf's attributes when a seller picks it (two calls, at the moment they
 *    are needed).
 *
 * A resumable background job over every leaf was the alternative; it would spend the
 * call budget on categories no one here sells in.
 *
 * Category calls carry no access token (they are public on Lazada, and the practice
 * marketplace checks a token only when one is sent), so a shop whose sign-in expired can
 * still refresh; the connection gives the address, app key and secret. Each call is a
 * read, so one that failed on a flaky link is tried again a couple of times.
 */

/** What a refresh needs of a connected shop (Uploads.shopLink). */
export interface RefreshLink {
  readonly transport: LazadaTransport;
  readonly clock: ServerClock;
}

export interface CategoryRefreshDeps {
  readonly db: Db;
  /** Runs `fn` in one write transaction. */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction. */
  readonly read: <T>(fn: () => T) => T;
  /** The participant's connected shop; throws CoreError `not_connected` when there is none. */
  readonly link: (sellerId: number, marketplace: Marketplace, endpoint?: string) => Promise<RefreshLink>;
  /** Checks every product's readiness again (inside the install's transaction); how many changed. */
  readonly recheckProducts: () => number;
  /** Turns a marketplace failure into the error the user reads (uploads.ts `marketplaceError`). */
  readonly explain: (error: unknown, clock: ServerClock) => CoreError;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Waits before the 2nd, 3rd... attempt of a call that failed on the link. */
  readonly retryDelaysMs?: readonly number[];
}

export interface RefreshRequest {
  readonly sellerId: number;
  readonly marketplace: Marketplace;
  readonly endpoint?: string;
  /** The job's id, for the `cancelled` error (the control itself cannot say it). */
  readonly jobId?: string;
}

/** Two more tries, after about half a second and two seconds: a dropped 3G link is often back by then. */
export const RETRY_DELAYS_MS: readonly number[] = [500, 2000];
const RETRIED: ReadonlySet<FailureKind> = new Set(['offline', 'unknown_outcome', 'throttled']);
/** How often a running download looks for the user's "Batal". */
const CANCEL_POLL_MS = 100;

export class CategoryRefresher {
  /**
   * The refresh running per marketplace: a second request (a second click in the app,
   * or through another participant’s shop) joins it instead of downloading the
   * same data twice.
   */
  private readonly running = new Map<Marketplace, Promise<CategoryRefreshReport>>();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly deps: CategoryRefreshDeps) {
    this.sleep = deps.sleep ?? realSleep;
  }

  refresh(request: RefreshRequest, job: JobControl): Promise<CategoryRefreshReport> {
    const running = this.running.get(request.marketplace);
    if (running) return running;
    const refresh = this.refreshNow(request, job).finally(() => this.running.delete(request.marketplace));
    this.running.set(request.marketplace, refresh);
    return refresh;
  }

  /**
   * Downloads one leaf's attributes and installs them (the leaf a seller just picked, whose
   * attributes the tree did not bring). Returns how many products' readiness changed.
   */
  async loadAttributes(request: RefreshRequest & { readonly categoryId: number }): Promise<number> {
    const { db } = this.deps;
    this.deps.read(() => assertLeaf(db, request.categoryId));
    const link = await this.deps.link(request.sellerId, request.marketplace, request.endpoint);
    const abort = new AbortController();
    let attributes: RawAttribute[];
    try {
      attributes = await fetchCategoryAttributes(this.retrying(link.transport, abort.signal), request.categoryId, {
        signal: abort.signal,
      });
    } catch (error) {
      throw this.deps.explain(asReadFailure(error), link.clock);
    }
    return this.deps.transaction(() => {
      installAttributes(db, request.categoryId, attributes);
      return this.deps.recheckProducts();
    });
  }

  private async refreshNow(request: RefreshRequest, job: JobControl): Promise<CategoryRefreshReport> {
    const { db } = this.deps;
    const link = await this.deps.link(request.sellerId, request.marketplace, request.endpoint);
    const abort = new AbortController();
    setMaxListeners(100, abort.signal);
    const watch = setInterval(() => {
      if (job.cancelled()) abort.abort(new Error('cancelled'));
    }, CANCEL_POLL_MS);
    const transport = this.retrying(link.transport, abort.signal);
    const options = { signal: abort.signal };
    try {
      // Units of progress: the tree, each leaf's attributes, each page of brands.
      let total = 2;
      job.report(0, total);
      const tree = await fetchCategoryTree(transport, options);
      const leaves = this.deps.read(() => leavesInUse(db, leavesOf(tree)));
      let done = 1;
      total = 1 + leaves.length + 1;
      job.report(done, total);
      const attributes: Record<string, readonly RawAttribute[]> = {};
      for (const leaf of leaves) {
        attributes[String(leaf)] = await fetchCategoryAttributes(transport, leaf, options);
        job.report(++done, total);
      }
      const beforeBrands = done;
      const brands = await fetchBrands(transport, {
        ...options,
        onPage: (_count, pages) => {
          done += 1;
          total = Math.max(total, beforeBrands + (pages ?? done - beforeBrands + 1));
          job.report(Math.min(done, total - 1), total);
        },
      });
      // Counted as the list will be stored (names that are blank or only punctuation are left
      // out): an empty list would make every brand unknown and hold back every upload.
      if (!brands.some((brand) => brandKey(brand.name) !== '')) {
        throw new MarketplaceFailure('unknown_outcome', '/category/brands/query: the marketplace listed no brands');
      }
      // The last moment a cancel is honoured: from here on, everything is installed.
      if (job.cancelled()) abort.abort(new Error('cancelled'));
      abort.signal.throwIfAborted();
      const report = this.install(request.marketplace, link, tree, attributes, brands);
      job.report(total, total);
      return report;
    } catch (error) {
      if (abort.signal.aborted) throw cancelledError(request.jobId ?? '');
      if (error instanceof CoreError) throw error;
      throw this.deps.explain(asReadFailure(error), link.clock);
    } finally {
      clearInterval(watch);
    }
  }

  /** Everything in one transaction: tree, attributes, brands and the products' readiness. */
  private install(
    marketplace: Marketplace,
    link: RefreshLink,
    tree: readonly RawNode[],
    fetched: Readonly<Record<string, readonly RawAttribute[]>>,
    brands: readonly Brand[],
  ): CategoryRefreshReport {
    const { db } = this.deps;
    // The marketplace's time, not the laptop's: a laptop clock a day off must not date the data.
    const at = new Date(link.clock.now());
    const fetchedAt = at.toISOString();
    return this.deps.transaction(() => {
      const kept = keptAttributes(db, tree, fetched);
      const active = activeTree(db);
      // The practice marketplace's tree is a small copy of Lazada's: it never replaces a tree
      // that came from Lazada itself (products would lose categories the copy lacks).
      const keepLazadaTree = marketplace === 'practice' && treeFetchedFrom(db) === 'lazada' && active !== null;
      const version = nextVersion(active?.version, fetchedAt.slice(0, 10));
      const installed = keepLazadaTree
        ? active
        : installTree(db, snapshotDocument(link.transport, tree, { ...kept, ...fetched }, version), {
            source: 'fetched',
            version,
            fetchedAt,
          });
      if (!keepLazadaTree) setTreeFetchedFrom(db, marketplace);
      const brandCount = replaceBrands(db, marketplace, brands, fetchedAt);
      const productsChanged = this.deps.recheckProducts();
      return {
        marketplace,
        version: installed.version,
        fetchedAt,
        categoryCount: installed.categoryCount,
        leafCount: installed.leafCount,
        attributesFetched: keepLazadaTree ? 0 : Object.keys(fetched).length,
        attributesKept: keepLazadaTree ? 0 : Object.keys(kept).length,
        brandCount,
        productsChanged,
        ...(link.clock.farOff() ? { clockOffsetMs: link.clock.offsetMs() } : {}),
      };
    });
  }

  /** The transport, trying a call that failed on the link again (category calls only read). */
  private retrying(transport: LazadaTransport, signal: AbortSignal): CategoryTransport {
    const delays = this.deps.retryDelaysMs ?? RETRY_DELAYS_MS;
    const sleep = this.sleep;
    return {
      baseUrl: transport.baseUrl,
      clock: transport.clock,
      async call(call, schema, at) {
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await transport.call(call, schema, at);
          } catch (error) {
            const delay = delays[attempt];
            if (!(error instanceof MarketplaceFailure) || !RETRIED.has(error.kind) || delay === undefined) throw error;
            await sleep(Math.max(delay, error.details.retryAfterMs ?? 0), signal);
            signal.throwIfAborted();
          }
        }
      },
    };
  }
}

/**
 * A call that died on the link without any answer (a dropped connection, no answer in
 * time) is "unknown outcome" to the upload engine, because a create may have gone through.
 * A read changes nothing there, so for category data it is simply the link being down,
 * and the owner is told the marketplace could not be reached, not that it answered wrong.
 */
function asReadFailure(error: unknown): unknown {
  if (error instanceof MarketplaceFailure && error.kind === 'unknown_outcome' && error.details.status === undefined) {
    return new MarketplaceFailure('offline', error.message, error.details);
  }
  return error;
}

/** Every leaf id of a downloaded tree. */
function leavesOf(tree: readonly RawNode[]): Set<number> {
  const leaves = new Set<number>();
  const walk = (nodes: readonly RawNode[]) => {
    for (const node of nodes) {
      if (node.leaf) leaves.add(node.category_id);
      else if (node.children) walk(node.children);
    }
  };
  walk(tree);
  return leaves;
}

/**
 * The leaves of the new tree that products on this laptop (not in the trash) use, in id
 * order. A product whose category the new tree dropped is left out: it will ask for a
 * category again (its readiness is checked after the install).
 */
function leavesInUse(db: Db, leaves: ReadonlySet<number>): number[] {
  return cached<[], { category_id: number }>(
    db,
    'SELECT DISTINCT category_id FROM products WHERE category_id IS NOT NULL AND deleted_at IS NULL ORDER BY category_id',
  )
    .all()
    .map((row) => row.category_id)
    .filter((id) => leaves.has(id));
}

interface StoredAttributeRow {
  id: number;
  name_id: string;
  name: string | null;
  label_id: string | null;
  label_en: string | null;
  input_type: string | null;
  attribute_type: string | null;
  is_mandatory: number | null;
  is_sale_prop: number | null;
  options: string | null;
}

/**
 * The attributes on this laptop for leaves of the new tree that were not downloaded now,
 * in the shape `/category/attributes/get` sends, when the leaf has the same id and the same
 * Indonesian name in both trees (an id alone could be a different category in a curated
 * snapshot).
 */
function keptAttributes(
  db: Db,
  tree: readonly RawNode[],
  fetched: Readonly<Record<string, readonly RawAttribute[]>>,
): Record<string, RawAttribute[]> {
  const names = new Map<number, string>();
  const walk = (nodes: readonly RawNode[]) => {
    for (const node of nodes) {
      if (node.leaf) names.set(node.category_id, node.name.trim());
      else if (node.children) walk(node.children);
    }
  };
  walk(tree);
  const rows = cached<[string], StoredAttributeRow>(
    db,
    `SELECT c.id, c.name_id, a.name, a.label_id, a.label_en, a.input_type, a.attribute_type, a.is_mandatory,
            a.is_sale_prop, a.options
       FROM categories c LEFT JOIN category_attributes a ON a.tree = c.tree AND a.category_id = c.id
      WHERE c.tree = ? AND c.leaf = 1 AND c.attributes_known = 1
      ORDER BY c.id, a.position`,
  ).all(LAZADA);
  const kept: Record<string, RawAttribute[]> = {};
  for (const row of rows) {
    const key = String(row.id);
    if (Object.hasOwn(fetched, key) || names.get(row.id) !== row.name_id) continue;
    const list = (kept[key] ??= []);
    // A leaf known to have no category attributes (all of Lazada's went to product fields).
    if (row.name === null) continue;
    list.push({
      name: row.name,
      label: row.label_id ?? row.name,
      label_en: row.label_en ?? row.label_id ?? row.name,
      input_type: row.input_type ?? 'text',
      attribute_type: row.attribute_type ?? 'normal',
      is_mandatory: row.is_mandatory ?? 0,
      is_sale_prop: row.is_sale_prop ?? 0,
      options: JSON.parse(row.options ?? '[]') as { name: string; name_en?: string }[],
    });
  }
  return kept;
}

/** Today's first version, or the next one when a tree was already installed today. */
export function nextVersion(current: string | undefined, date: string): string {
  const match = current === undefined ? null : TREE_VERSION_PATTERN.exec(current);
  if (match && `${match[1]}-${match[2]}-${match[3]}` === date) return `${date}.${Number(match[4]) + 1}`;
  return `${date}.1`;
}

/** A leaf of the installed tree, or CoreError `not_found` / `invalid_input` before any download. */
function assertLeaf(db: Db, categoryId: number): void {
  const row = cached<[string, number], { leaf: number }>(
    db,
    'SELECT leaf FROM categories WHERE tree = ? AND id = ?',
  ).get(LAZADA, categoryId);
  if (!row) throw notFound('Category', categoryId, 'categoryId');
  if (row.leaf !== 1) {
    throw new CoreError({
      code: 'invalid_input',
      message: `Category ${categoryId} is not a leaf: only leaves have attributes`,
      field: 'categoryId',
      reason: 'category_not_leaf',
    });
  }
}

/** Which marketplace the installed tree was fetched through (a setting; null for the bundled one). */
function treeFetchedFrom(db: Db): string | null {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get('categories.fetchedFrom');
  return row?.value ?? null;
}

function setTreeFetchedFrom(db: Db, marketplace: Marketplace): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run('categories.fetchedFrom', marketplace);
}
