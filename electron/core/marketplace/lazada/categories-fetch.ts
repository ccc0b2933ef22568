import { z } from 'zod';
import { MarketplaceFailure } from '../adapter';
import { categoryTreeSchema, TREE_SCHEMA_VERSION } from '../../categories/schema';
import type { LazadaTransport } from './transport';

/**
 * Downloads Lazada's category data into the document `installTree` takes (see
 * ../../categories/schema.ts): Lazada's own `data` payloads in Akar's envelope, with the
 * English names of a second call (language_code=en_US) merged in as `name_en`/`label_en`.
 *
 * Fields read: `/category/tree/get` → `data[]` of `{category_id, name, leaf, var?,
 * children?}` (recursively; other fields are kept as they are);
 * `/category/attributes/get?primary_category_id=` → `data[]` of `{name, label, options[{name,
 * id?}], …}` (English labels are matched by `name`, option names by `id` when both sides
 * have one, otherwise by position); `/category/brands/query?startRow=&pageSize=` →
 * `data.module[]` of `{brand_id, name}`.
 */

export const ID_LANGUAGE = 'id_ID';
export const EN_LANGUAGE = 'en_US';
/**
 * The whole tree is Lazada's largest answer (a few MB): over a workshop's 3G it needs more
 * than the 30 s a call gets by default, as a photo upload does.
 */
export const TREE_TIMEOUT_MS = 120_000;
/** Lazada's limit for `/category/brands/query`. */
export const BRANDS_PAGE_SIZE = 200;
const MAX_BRAND_PAGES = 500;
const MAX_DISPLAY = 255;

/**
 * What these calls need of a transport: a `LazadaTransport`, or one wrapped to retry
 * (category data is read-only, so a call that failed on a flaky link is safe to repeat).
 */
export type CategoryTransport = Pick<LazadaTransport, 'call' | 'baseUrl' | 'clock'>;

export interface FetchOptions {
  /** Sent when given; Lazada's category calls work without one. */
  readonly accessToken?: string;
  readonly signal?: AbortSignal;
}

export interface SnapshotOptions extends FetchOptions {
  /** Leaves whose attributes to bring now (the rest can be fetched one at a time later). */
  readonly leaves?: readonly number[];
  /** `YYYY-MM-DD.N`; default: today's date (marketplace clock, UTC) and counter 1. */
  readonly version?: string;
}

/** The document `installTree(db, json, …)` installs. */
export interface CategorySnapshotDocument {
  readonly schemaVersion: typeof TREE_SCHEMA_VERSION;
  readonly marketplace: 'lazada';
  readonly country: 'ID';
  readonly source: string;
  readonly snapshotVersion: string;
  readonly tree: readonly RawNode[];
  readonly attributes: Readonly<Record<string, readonly RawAttribute[]>>;
}

export interface Brand {
  readonly brand_id: number;
  readonly name: string;
}

const idSchema = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number),
]);

/** A category node as Lazada sends it (other fields pass through), plus `name_en`. */
export interface RawNode {
  readonly category_id: number;
  readonly name: string;
  readonly name_en?: string;
  readonly leaf: boolean;
  readonly children?: readonly RawNode[];
  readonly [key: string]: unknown;
}

const rawNodeSchema: z.ZodType<RawNode> = z.looseObject({
  category_id: idSchema,
  name: z.string(),
  leaf: z.boolean(),
  get children() {
    return z.array(rawNodeSchema).optional();
  },
});

const rawOptionSchema = z.looseObject({ name: z.string(), id: z.unknown().optional() });
const rawAttributeSchema = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  options: z.array(rawOptionSchema).optional(),
});
export type RawAttribute = z.output<typeof rawAttributeSchema>;

const countSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);
const brandsPageSchema = z.looseObject({
  module: z.array(z.looseObject({ brand_id: idSchema, name: z.string() })).nullish(),
  /** How many brands there are in all; optional (not every answer has it), only used to spot a short list. */
  total_record: countSchema.nullish().catch(undefined),
});

export interface BrandsOptions extends FetchOptions {
  /** After each page: brands so far, and the number of pages when the answer said how many brands there are. */
  readonly onPage?: (brands: number, pages: number | undefined) => void;
}

export async function fetchCategorySnapshot(
  transport: CategoryTransport,
  options: SnapshotOptions = {},
): Promise<CategorySnapshotDocument> {
  const tree = await fetchCategoryTree(transport, options);
  const attributes: Record<string, readonly RawAttribute[]> = {};
  for (const leaf of new Set(options.leaves ?? [])) {
    attributes[String(leaf)] = await fetchCategoryAttributes(transport, leaf, options);
  }
  return snapshotDocument(transport, tree, attributes, options.version);
}

/**
 * The document `installTree` takes, from a downloaded tree and the attributes gathered for
 * some of its leaves; refused (MarketplaceFailure `unknown_outcome`) when it could not be
 * installed, before anything is written.
 */
export function snapshotDocument(
  transport: CategoryTransport,
  tree: readonly RawNode[],
  attributes: Readonly<Record<string, readonly RawAttribute[]>>,
  version?: string,
): CategorySnapshotDocument {
  const document: CategorySnapshotDocument = {
    schemaVersion: TREE_SCHEMA_VERSION,
    marketplace: 'lazada',
    country: 'ID',
    source: `fetched from ${new URL(transport.baseUrl).host}`,
    snapshotVersion: version ?? `${new Date(transport.clock.now()).toISOString().slice(0, 10)}.1`,
    tree,
    attributes,
  };
  // Checked here, where the failure can still be blamed on the download, not at install.
  const check = categoryTreeSchema.safeParse(document);
  if (!check.success) {
    const issue = check.error.issues[0];
    throw new MarketplaceFailure(
      'unknown_outcome',
      `/category/tree/get: the downloaded tree cannot be installed (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return document;
}

/** The Indonesian tree with English names merged in. */
export async function fetchCategoryTree(transport: CategoryTransport, options: FetchOptions = {}): Promise<RawNode[]> {
  const call = (language: string) =>
    transport.call(
      {
        method: 'GET',
        path: '/category/tree/get',
        params: { language_code: language },
        timeoutMs: TREE_TIMEOUT_MS,
        ...common(options),
      },
      z.array(rawNodeSchema),
    );
  const indonesian = await call(ID_LANGUAGE);
  const english = new Map<number, string>();
  const collect = (nodes: readonly RawNode[]): void => {
    for (const node of nodes) {
      english.set(node.category_id, node.name);
      if (node.children) collect(node.children);
    }
  };
  collect(await call(EN_LANGUAGE));
  const merge = (nodes: readonly RawNode[]): RawNode[] =>
    nodes.map((node) => {
      const nameEn = displayable(english.get(node.category_id));
      return {
        ...node,
        ...(nameEn !== undefined ? { name_en: nameEn } : {}),
        ...(node.children ? { children: merge(node.children) } : {}),
      };
    });
  return merge(indonesian);
}

/** One leaf's attributes in Indonesian, with English labels and option names merged in. */
export async function fetchCategoryAttributes(
  transport: CategoryTransport,
  leaf: number,
  options: FetchOptions = {},
): Promise<RawAttribute[]> {
  const call = (language: string) =>
    transport.call(
      {
        method: 'GET',
        path: '/category/attributes/get',
        params: { primary_category_id: String(leaf), language_code: language },
        ...common(options),
      },
      z.array(rawAttributeSchema),
    );
  const indonesian = await call(ID_LANGUAGE);
  const english = new Map((await call(EN_LANGUAGE)).map((attribute) => [attribute.name, attribute]));
  return indonesian.map((attribute) => {
    const en = english.get(attribute.name);
    const labelEn = displayable(en?.label);
    const merged: RawAttribute = { ...attribute, ...(labelEn !== undefined ? { label_en: labelEn } : {}) };
    if (!attribute.options || !en?.options) return merged;
    return { ...merged, options: mergeOptions(attribute.options, en.options) };
  });
}

type RawOption = z.output<typeof rawOptionSchema>;

function mergeOptions(indonesian: readonly RawOption[], english: readonly RawOption[]): RawOption[] {
  const byId = new Map<string, string>();
  for (const option of english) if (isId(option.id)) byId.set(String(option.id), option.name);
  const samePositions = indonesian.length === english.length;
  return indonesian.map((option, index) => {
    const name =
      isId(option.id) && byId.size > 0 ? byId.get(String(option.id)) : samePositions ? english[index]?.name : undefined;
    const nameEn = displayable(name);
    return nameEn !== undefined ? { ...option, name_en: nameEn } : option;
  });
}

/**
 * Every brand, page by page. Lazada may answer an over-limit call with an empty success
 * (marketplaces.md §1.3): when a page comes back empty although the answer counted more
 * brands than were read, the list is refused as short (MarketplaceFailure `throttled`)
 * rather than returned, because a short list installed would make real brands look
 * unknown and block their listings.
 */
export async function fetchBrands(transport: CategoryTransport, options: BrandsOptions = {}): Promise<Brand[]> {
  const brands: Brand[] = [];
  for (let page = 0; page < MAX_BRAND_PAGES; page++) {
    const data = await transport.call(
      {
        method: 'GET',
        path: '/category/brands/query',
        params: { startRow: String(page * BRANDS_PAGE_SIZE), pageSize: String(BRANDS_PAGE_SIZE) },
        ...common(options),
      },
      brandsPageSchema,
    );
    const module = data.module ?? [];
    for (const brand of module) brands.push({ brand_id: brand.brand_id, name: brand.name });
    const total = data.total_record ?? undefined;
    options.onPage?.(brands.length, total === undefined ? undefined : Math.ceil(total / BRANDS_PAGE_SIZE));
    if (module.length === 0 && total !== undefined && brands.length < total) {
      throw new MarketplaceFailure(
        'throttled',
        `/category/brands/query: an empty page after ${brands.length} of ${total} brands (over Lazada's call limit?)`,
        { retryAfterMs: 1000 },
      );
    }
    if (module.length < BRANDS_PAGE_SIZE) return brands;
  }
  return brands;
}

function common(options: FetchOptions): { accessToken?: string; signal?: AbortSignal } {
  return {
    ...(options.accessToken !== undefined ? { accessToken: options.accessToken } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '');
}

/** Text fit to show (the snapshot schema refuses empty or over-long names). */
function displayable(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed && trimmed.length <= MAX_DISPLAY ? trimmed : undefined;
}
