import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  bulkUndoInput,
  byIdInput,
  emptyInput,
  productBulkEditInput,
  languageInput,
  productCreateInput,
  productListInput,
  productSearchInput,
  productUpdateInput,
  sellerCreateInput,
  sellerListInput,
  sellerUpdateInput,
  type AppInfo,
  type BulkEditResult,
  type BulkUndoResult,
  type Language,
  type Product,
  type ProductPage,
  type ProductSummary,
  type Seller,
  type TrashContents,
} from '../shared/catalogue';
import {
  categoryChildrenInput,
  categoryGetInput,
  categoryRecentInput,
  categorySearchInput,
  categorySuggestInput,
  type CategoryDetail,
  type CategorySummary,
} from '../shared/categories';
import {
  brandSearchInput,
  categoryAttributesLoadInput,
  categoryRefreshInput,
  type BrandSearch,
  type CategoryRefreshReport,
} from '../shared/category-refresh';
import {
  exportSaveInput,
  importRunInput,
  saveSheetInput,
  type ExportSaved,
  type ImportFile,
  type ImportReport,
} from '../shared/imports';
import type { ProgressEvent } from '../shared/contract';
import { jobCancelInput } from '../shared/jobs';
import {
  photoAssignInput,
  photoFileInput,
  photoRecipeInput,
  photoReorderInput,
  photosImportInput,
  photosOfProductInput,
  photosOfSellerInput,
  photosProcessInput,
  type Photo,
  type PhotoImportReport,
  type PhotoQueueStatus,
  type ProductPhotos,
  type SellerPhotoOverview,
} from '../shared/photos';
import { INTERNAL_ERROR, type AppError, type Result } from '../shared/result';
import { parseInput } from '../shared/validation';
import { BulkEditor } from './catalogue/bulk-edit';
import { categoryCheck, categoryFinder } from './catalogue/category-rules';
import { ProductStore } from './catalogue/products';
import { ProductSearch } from './catalogue/search';
import { SellerStore } from './catalogue/sellers';
import { forgetCall } from './db/call-cache';
import { openDatabase, type Db } from './db/open';
import { CoreError, notFound } from './errors';
import { SettingsStore } from './settings/settings';
import { getCategory, listChildren } from './categories/browse';
import { ensureBundledTree } from './categories/bundled';
import { brandList, searchBrands } from './categories/brands';
import { CategoryRefresher } from './categories/refresh';
import { recentCategories } from './categories/recent';
import { searchCategories } from './categories/search';
import { suggestCategories } from './categories/suggest';
import { exportCatalogue } from './import/export';
import { ImportSessions } from './import/sessions';
import { readTable, writeTable } from './spreadsheet';
import type { FileError } from './spreadsheet/types';
import { cancelledError, Jobs } from './jobs/jobs';
import { photoQc } from './photos/qc-rules';
import { FileSecretStore, type SecretStore } from './outbox/secrets';
import { salePropKey } from './outbox/sale-props';
import { marketplaceError, Uploads, type UploadsDeps } from './outbox/uploads';
import { AutoDrain } from './outbox/auto-drain';
import { uploadOverview } from './outbox/overview';
import { LAZADA_REDIRECT_PORT, LazadaSignIn } from './outbox/sign-in';
import { signInPageWords } from './outbox/sign-in-words';
import { appSecretName } from './outbox/tokens';
import { LAZADA_ENDPOINTS, practiceEndpoints } from './marketplace/lazada/endpoints';
import {
  lazadaAppInput,
  signInCodeInput,
  signInFinishInput,
  type LazadaApp,
  type SignInStart,
} from '../shared/sign-in';
import type { UploadOverview } from '../shared/upload-overview';
import { PRACTICE_DB_FILE, PracticeHost } from './practice/host';
import {
  connectInput,
  sellerIdInput,
  shopInput,
  uploadDrainInput,
  uploadEnqueueInput,
  uploadRowInput,
  type Connection,
  type DrainReport,
  type EnqueueResult,
  type ShopUploads,
  practiceStartInput,
  storefrontInput,
  onlineInput,
  autoUploadInput,
  AUTO_UPLOAD_JOB,
  type PracticeInfo,
} from '../shared/uploads';

import { PhotoStudio, type PhotoQc } from './photos/studio';

export { CoreError } from './errors';
export { defaultDataDir, resolveDataDir } from './data-dir';

export interface CoreOptions {
  /** Folder holding `akar.db` (and later photos and backups); created if missing. */
  readonly dataDir: string;
  /** The app's version, reported by `appInfo`. */
  readonly version?: string;
  /** Injected so tests can pin time; returns "now". */
  readonly clock?: () => Date;
  readonly log?: (message: string) => void;
  /** Where long jobs report how far they are (main sends it to the window; the CLI prints it). */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Cancels that arrived while the core was busy (see Jobs); the core worker reads its port. */
  readonly pollCancels?: () => readonly string[];
  /**
   * Render waiting photos in the background, at once and after each import or edit (the
   * app's core worker). Without it, `photos.process` starts the queue (the CLI, tests).
   */
  readonly processPhotos?: boolean;
  /**
   * Where marketplace tokens and app secrets are kept. The desktop app passes one backed
   * by Electron's safeStorage; without it they go to `secrets.json` in the data dir,
   * readable only by this user (what the CLI uses, and says so).
   */
  readonly secrets?: SecretStore;
  /** The network, for the marketplace client (tests inject faults below this). */
  readonly fetch?: typeof fetch;
  /** Upload engine tuning (tests and the benchmark). */
  readonly uploadEngine?: UploadsDeps['engine'];
  /**
   * Send the outbox by itself whenever the marketplace can be reached (the app's core
   * worker), unless the user turned it off. Tests may shorten its pauses.
   */
  readonly autoUpload?: boolean | { readonly idleMs?: number; readonly qcEveryMs?: number };
  /**
   * The photo QC predictor. Only benchmarks change it, to measure the photo queue without
   * QC (the pipeline the throughput target names) beside the queue as the app runs it.
   */
  readonly photoQc?: PhotoQc;
  /** Per-call deadline of marketplace requests. */
  readonly marketplaceTimeoutMs?: number;
  /** How long the practice marketplace keeps a listing in review (a workshop may want it quick). */
  readonly practiceQcDelayMs?: number;
  /**
   * Where "Lazada" is (tests: a practice marketplace standing in for it, so the whole
   * sign-in runs here); Lazada's own hosts when absent.
   */
  readonly lazadaEndpoint?: string;
  /** The port of the sign-in's callback address (tests: 0, any free one). */
  readonly lazadaRedirectPort?: number;
}

/** Where the CLI keeps marketplace secrets when no secret store is given. */
export const SECRETS_FILE = 'secrets.json';

/** Reading a file for import: limits (tests make them small) and the job id of its progress. */
export interface OpenOptions {
  readonly jobId?: string;
  readonly maxBytes?: number;
  readonly maxRows?: number;
}

/**
 * The application, framework-free: the desktop app's main process, the `akar` CLI and the
 * tests all drive this same object. Every method validates its input with the shared zod
 * schemas and returns a Result; every write is one transaction.
 */
export interface Core {
  readonly dataDir: string;
  readonly dbPath: string;
  appInfo(): Promise<Result<AppInfo>>;
  setLanguage(input: unknown): Promise<Result<Language>>;
  sellers: {
    list(input?: unknown): Promise<Result<Seller[]>>;
    get(input: unknown): Promise<Result<Seller>>;
    create(input: unknown): Promise<Result<Seller>>;
    update(input: unknown): Promise<Result<Seller>>;
    delete(input: unknown): Promise<Result<Seller>>;
    restore(input: unknown): Promise<Result<Seller>>;
  };
  products: {
    list(input: unknown): Promise<Result<ProductSummary[]>>;
    /** Full-text search, filters, sort and paging over live products; `{ items, total }`. */
    search(input: unknown): Promise<Result<ProductPage>>;
    get(input: unknown): Promise<Result<Product>>;
    create(input: unknown): Promise<Result<Product>>;
    update(input: unknown): Promise<Result<Product>>;
    delete(input: unknown): Promise<Result<Product>>;
    restore(input: unknown): Promise<Result<Product>>;
    /** Every id a search matches, for "select all" (up to MAX_BULK_IDS). */
    searchIds(input: unknown): Promise<Result<number[]>>;
    /** One change to many products in one transaction; products it does not fit are reported. */
    bulkEdit(input: unknown): Promise<Result<BulkEditResult>>;
    bulkUndo(input: unknown): Promise<Result<BulkUndoResult>>;
  };
  categories: {
    search(input: unknown): Promise<Result<CategorySummary[]>>;
    get(input: unknown): Promise<Result<CategoryDetail>>;
    children(input: unknown): Promise<Result<CategorySummary[]>>;
    recent(input?: unknown): Promise<Result<CategorySummary[]>>;
    suggest(input: unknown): Promise<Result<CategorySummary[]>>;
    /**
     * Downloads the category tree, the attributes of the leaves products use and the brand
     * list through a participant's connected shop, and installs them together (a long job,
     * progress kind `category-refresh`); a failure or cancel leaves everything as it was.
     */
    refresh(input: unknown): Promise<Result<CategoryRefreshReport>>;
    /** Downloads one leaf's attributes (a leaf the tree came without them); the category as it is now. */
    loadAttributes(input: unknown): Promise<Result<CategoryDetail>>;
    /** Brand names of a marketplace starting with what was typed, for a brand picker. */
    brands(input: unknown): Promise<Result<BrandSearch>>;
  };
  imports: {
    /** Reads a CSV/XLSX file and keeps it for preview; file problems come back as `file_unreadable`. */
    open(filePath: string, options?: OpenOptions): Promise<Result<ImportFile>>;
    preview(input: unknown): Promise<Result<ImportReport>>;
    commit(input: unknown): Promise<Result<ImportReport>>;
  };
  /** Writes a participant's products (or all) to `filePath` as CSV or XLSX. */
  exportTo(filePath: string, input: unknown): Promise<Result<ExportSaved>>;
  /** Writes a small table (an import summary) as CSV, formula cells escaped. */
  saveSheet(filePath: string, input: unknown): Promise<Result<{ fileName: string }>>;
  /** What can be restored: participants in the trash, and products deleted on their own. */
  trash(input?: unknown): Promise<Result<TrashContents>>;
  photos: {
    /** Imports photo files and folders (picked in a dialog, or dropped) for a participant or one product. */
    importFiles(paths: readonly string[], input: unknown): Promise<Result<PhotoImportReport>>;
    forProduct(input: unknown): Promise<Result<ProductPhotos>>;
    unmatched(input: unknown): Promise<Result<Photo[]>>;
    overview(input: unknown): Promise<Result<SellerPhotoOverview>>;
    assign(input: unknown): Promise<Result<Photo>>;
    reorder(input: unknown): Promise<Result<ProductPhotos>>;
    setRecipe(input: unknown): Promise<Result<Photo>>;
    delete(input: unknown): Promise<Result<Photo>>;
    restore(input: unknown): Promise<Result<Photo>>;
    /** Starts or pauses rendering waiting photos; `wait` resolves when none are left. */
    process(input: unknown): Promise<Result<PhotoQueueStatus>>;
    status(input?: unknown): Promise<Result<PhotoQueueStatus>>;
    /** The file behind a photo URL (for main's protocol handler), always under the photos folder. */
    file(input: unknown): Promise<Result<{ path: string }>>;
  };
  uploads: {
    /** Connects a participant's shop (a token, or the code from the authorisation page) and checks it works. */
    connect(input: unknown): Promise<Result<Connection>>;
    /** Wipes the shop's tokens from this laptop. */
    disconnect(input: unknown): Promise<Result<Connection>>;
    connections(input: unknown): Promise<Result<Connection[]>>;
    /** Checks products and puts them in the outbox (marking them ready), in one transaction. */
    enqueue(input: unknown): Promise<Result<EnqueueResult>>;
    /** Sends the shop's outbox; ends when it is empty, the link is down, or it is cancelled. */
    drain(input: unknown): Promise<Result<DrainReport>>;
    /** Asks the marketplace about listings in QC; how many changed. */
    followQc(input: unknown): Promise<Result<{ changed: number }>>;
    shop(input: unknown): Promise<Result<ShopUploads>>;
    /** Takes a listing out of the queue (one not sent yet, or blocked). */
    skip(input: unknown): Promise<Result<ShopUploads>>;
    /** Tries a waiting listing now instead of at its backoff time. */
    retry(input: unknown): Promise<Result<ShopUploads>>;
    /** Main says whether the computer is online; back online, the outbox is sent at once. */
    setOnline(input: unknown): Promise<Result<null>>;
    /** Reads (no `enabled`) or sets whether the outbox is sent by itself. */
    autoUpload(input: unknown): Promise<Result<{ enabled: boolean }>>;
    /** Every participant's shops on this laptop with their listings counted by state. */
    overview(input?: unknown): Promise<Result<UploadOverview>>;
    /** The Lazada app key set up on this laptop and the callback address to register. */
    lazadaApp(input?: unknown): Promise<Result<LazadaApp>>;
    /** Keeps the Lazada app key (in settings) and its secret (in the secret store). */
    setLazadaApp(input: unknown): Promise<Result<LazadaApp>>;
    /** Starts signing a participant's Lazada shop in: the page to open in the browser. */
    beginSignIn(input: unknown): Promise<Result<SignInStart>>;
    /** Waits for Lazada's answer (the browser's redirect or a pasted code) and connects the shop. */
    finishSignIn(input: unknown): Promise<Result<Connection>>;
    /** A code (or the address the browser ended on) pasted by the seller; null when a waiting sign-in took it. */
    pasteSignIn(input: unknown): Promise<Result<Connection | null>>;
  };
  /** The practice marketplace, served by this core on 127.0.0.1 (Mode latihan). */
  practice: {
    /** Starts it (once; later calls return the running one). */
    start(input?: unknown): Promise<Result<PracticeInfo>>;
    stop(input?: unknown): Promise<Result<null>>;
    /** Connects a participant to a practice shop of their own (starting the server if needed). */
    connect(input: unknown): Promise<Result<Connection>>;
    /** The storefront page of a participant's practice shop (or the list of shops), starting the server if needed. */
    storefront(input: unknown): Promise<Result<PracticeInfo>>;
  };
  jobs: {
    /** Stops a running long job (or one about to start) by `{ jobId }`; it ends with error `cancelled`. */
    cancel(input: unknown): Promise<Result<null>>;
  };
  /** Closes the database (and, for the core worker, ends the thread). */
  close(): Promise<void>;
}

export const DB_FILE = 'akar.db';

/** Opens the data dir; throws CoreError (`db_too_new`, `db_open_failed`) when it cannot. */
export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB_FILE);
  const db = openDatabase(dbPath);
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const sellers = new SellerStore(db, now);
  const settings = new SettingsStore(db);
  const products = new ProductStore(db, sellers, categoryCheck(db, now), now);
  // The category tree the app was shipped with, unless a newer one is there. A new tree
  // can change what products still lack (a category gone, a new mandatory attribute).
  db.transaction(() => {
    if (ensureBundledTree(db).installed) products.recomputeProblems();
  }).immediate();
  const search = new ProductSearch(db, sellers);
  const bulk = new BulkEditor(db, products, now);
  const imports = new ImportSessions({ db, products, findCategory: categoryFinder(db) });
  const language = () => settings.language();
  const jobs = new Jobs({
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.pollCancels ? { pollCancels: options.pollCancels } : {}),
  });

  const run = runner(db, options.log);
  const read = <S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => T) => run(schema, fn, false);
  const write = <S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => T) => run(schema, fn, true);
  const later = asyncRunner(options.log);
  // For jobs that span many awaits: each step is its own short transaction (writes take
  // the write lock up front; reads take none, so a CLI writing meanwhile never stalls them).
  const transaction = <T>(fn: () => T): T => {
    try {
      return db.transaction(fn).immediate();
    } finally {
      forgetCall(db);
    }
  };
  const readTransaction = <T>(fn: () => T): T => {
    try {
      return db.transaction(fn).deferred();
    } finally {
      forgetCall(db);
    }
  };

  const studio = new PhotoStudio({
    db,
    dataDir,
    sellers,
    settings,
    now,
    qc: options.photoQc ?? photoQc,
    transaction,
    read: readTransaction,
    processControl: () => jobs.control('photo-process', 'photo-process'),
    ...(options.log ? { log: options.log } : {}),
  });
  /** After photos arrive or change: render them in the background, if this core does that. */
  const renderSoon = <T>(value: T): T => {
    if (options.processPhotos) studio.resume();
    return value;
  };
  if (options.processPhotos) studio.resume();

  const secrets = options.secrets ?? new FileSecretStore(path.join(dataDir, SECRETS_FILE));
  const uploads = new Uploads({
    db,
    now,
    transaction,
    read: readTransaction,
    sellers,
    products,
    photos: (productId) => studio.uploadFiles(productId),
    salePropKey: (categoryId, variation) => salePropKey(db, categoryId, variation),
    secrets,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.uploadEngine ? { engine: options.uploadEngine } : {}),
    ...(options.marketplaceTimeoutMs ? { timeoutMs: options.marketplaceTimeoutMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const practice = new PracticeHost({
    dbPath: path.join(dataDir, PRACTICE_DB_FILE),
    language: () => settings.language(),
    ...(options.practiceQcDelayMs !== undefined ? { qcDelayMs: options.practiceQcDelayMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const autoDrain = new AutoDrain({
    shops: () => readTransaction(() => uploads.shopsWithWork()),
    drain: (shop) => uploads.drain(shop.sellerId, shop.marketplace, jobs.control(AUTO_UPLOAD_JOB, 'upload')),
    followQc: (shop) => uploads.followQc(shop.sellerId, shop.marketplace),
    enabled: () => readTransaction(() => settings.autoUpload()),
    ...(typeof options.autoUpload === 'object' ? options.autoUpload : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  if (options.autoUpload) autoDrain.start();
  const refresher = new CategoryRefresher({
    db,
    transaction,
    read: readTransaction,
    link: (sellerId, marketplace, endpoint) => uploads.shopLink(sellerId, marketplace, endpoint),
    recheckProducts: () => products.recomputeProblems(),
    explain: marketplaceError,
  });
  const { lazadaEndpoint } = options;
  const signIn = new LazadaSignIn({
    appKey: () => readTransaction(() => settings.lazadaAppKey()),
    endpoints: lazadaEndpoint === undefined ? LAZADA_ENDPOINTS : practiceEndpoints(lazadaEndpoint),
    port: options.lazadaRedirectPort ?? LAZADA_REDIRECT_PORT,
    pageText: () => signInPageWords(readTransaction(() => settings.language())),
    connect: (sellerId, appKey, code, redirectUri, wanted) =>
      uploads.connect(
        {
          sellerId,
          marketplace: 'lazada',
          appKey,
          code,
          redirectUri,
          ...(lazadaEndpoint === undefined ? {} : { endpoint: lazadaEndpoint }),
        },
        undefined,
        wanted,
      ),
  });
  const lazadaApp = async (): Promise<LazadaApp> => {
    const appKey = readTransaction(() => settings.lazadaAppKey());
    const secret = appKey === null ? null : await secrets.get(appSecretName('lazada', appKey));
    return { appKey, ready: secret !== null, redirectUri: signIn.redirectUri(), secretsLockedByOs: secrets.lockedByOs };
  };
  const enqueue = write(uploadEnqueueInput, (input) =>
    uploads.enqueue(input.sellerId, input.marketplace, input.productIds),
  );
  const shopOf = (uploadId: number) => {
    const row = uploads.store.get(uploadId);
    if (row === undefined) throw notFound('upload', uploadId, 'uploadId');
    const connection = uploads.connections.get(row.connection_id);
    return { row, sellerId: connection.seller_id, marketplace: connection.marketplace };
  };

  return {
    dataDir,
    dbPath,
    appInfo: async () => ({
      ok: true,
      value: { version: options.version ?? '0.0.0', dataDir, language: settings.language() },
    }),
    setLanguage: write(languageInput, (input) => settings.setLanguage(input.language)),
    sellers: {
      list: read(sellerListInput.optional(), (input) => sellers.list(input ?? {})),
      get: read(byIdInput, (input) => sellers.get(input.id)),
      create: write(sellerCreateInput, (input) => sellers.create(input)),
      update: write(sellerUpdateInput, (input) => sellers.update(input)),
      delete: write(byIdInput, (input) => sellers.delete(input.id)),
      restore: write(byIdInput, (input) => sellers.restore(input.id)),
    },
    products: {
      list: read(productListInput, (input) => products.list(input)),
      search: read(productSearchInput, (input) => search.search(input)),
      get: read(byIdInput, (input) => products.get(input.id)),
      create: write(productCreateInput, (input) => products.create(input)),
      update: write(productUpdateInput, (input) => products.update(input)),
      delete: write(byIdInput, (input) => products.delete(input.id)),
      restore: write(byIdInput, (input) => products.restore(input.id)),
      searchIds: read(productSearchInput, (input) => search.ids(input)),
      bulkEdit: write(productBulkEditInput, (input) => bulk.apply(input, jobs.control(input.jobId, 'bulk-edit'))),
      bulkUndo: write(bulkUndoInput, (input) => bulk.undo(input.editId, jobs.control(input.jobId, 'bulk-undo'))),
    },
    categories: {
      search: read(categorySearchInput, (input) => searchCategories(db, { ...input, language: language() })),
      get: read(categoryGetInput, (input) => getCategory(db, input.id, language())),
      children: read(categoryChildrenInput, (input) => listChildren(db, input.parentId, language())),
      recent: read(categoryRecentInput, () => recentCategories(db, language())),
      suggest: read(categorySuggestInput, (input) => suggestCategories(db, input.name, language())),
      refresh: later(categoryRefreshInput, (input) =>
        refresher.refresh(
          {
            sellerId: input.sellerId,
            marketplace: input.marketplace,
            ...(input.endpoint !== undefined ? { endpoint: input.endpoint } : {}),
            ...(input.jobId !== undefined ? { jobId: input.jobId } : {}),
          },
          jobs.control(input.jobId, 'category-refresh'),
        ),
      ),
      loadAttributes: later(categoryAttributesLoadInput, async (input) => {
        await refresher.loadAttributes({
          sellerId: input.sellerId,
          marketplace: input.marketplace,
          categoryId: input.categoryId,
          ...(input.endpoint !== undefined ? { endpoint: input.endpoint } : {}),
        });
        return readTransaction(() => getCategory(db, input.categoryId, language()));
      }),
      brands: read(brandSearchInput, (input) => {
        const list = brandList(db, input.marketplace);
        return {
          listed: list !== null,
          fetchedAt: list?.fetchedAt ?? null,
          names: searchBrands(db, input.marketplace, input.query, input.limit),
        };
      }),
    },
    imports: {
      open: async (filePath, { jobId, ...limits } = {}) => {
        const job = jobs.control(jobId, 'import-read', path.basename(filePath));
        const abort = new AbortController();
        const result = await readTable(filePath, {
          ...limits,
          signal: abort.signal,
          onProgress: (_rows, bytes, totalBytes) => {
            if (job.cancelled()) abort.abort();
            else job.report(bytes, totalBytes);
          },
        });
        if (!result.ok && result.error.reason === 'cancelled')
          return { ok: false, error: cancelledError(jobId ?? '').error };
        if (!result.ok) return { ok: false, error: fileUnreadable(result.error) };
        return { ok: true, value: imports.keep(filePath, result.table) };
      },
      // A read: the preview checks without writing, so it never holds up the app's or the CLI's writes.
      preview: read(importRunInput, (input) =>
        imports.preview(input.importId, input.sellerId, input.mapping, jobs.control(input.jobId, 'import-check')),
      ),
      commit: write(importRunInput, (input) =>
        imports.commit(input.importId, input.sellerId, input.mapping, jobs.control(input.jobId, 'import-write')),
      ),
    },
    exportTo: async (filePath, input) => {
      const parsed = parseInput(exportSaveInput, input);
      if (!parsed.ok) return parsed;
      const sheet = await read(exportSaveInput, (value) =>
        exportCatalogue(db, products, value, value.language ?? language()),
      )(parsed.value);
      if (!sheet.ok) return sheet;
      const written = await writeTable(filePath, parsed.value.format, sheet.value.headers, sheet.value.rows);
      if (!written.ok) return { ok: false, error: fileUnwritable(written.error) };
      return {
        ok: true,
        value: { fileName: path.basename(filePath), products: sheet.value.products, rows: sheet.value.rows.length },
      };
    },
    saveSheet: async (filePath, input) => {
      const parsed = parseInput(saveSheetInput, input);
      if (!parsed.ok) return parsed;
      const written = await writeTable(filePath, 'csv', parsed.value.headers, parsed.value.rows);
      if (!written.ok) return { ok: false, error: fileUnwritable(written.error) };
      return { ok: true, value: { fileName: path.basename(filePath) } };
    },
    trash: read(emptyInput, () => ({ sellers: sellers.listTrash(), products: products.listTrash() })),
    photos: {
      importFiles: (paths, input) =>
        later(photosImportInput, async (value) =>
          renderSoon(
            await studio.importFiles(paths, value.sellerId, value.productId, jobs.control(value.jobId, 'photo-import')),
          ),
        )(input),
      forProduct: read(photosOfProductInput, (input) => studio.forProduct(input.productId)),
      unmatched: read(photosOfSellerInput, (input) => studio.unmatched(input.sellerId)),
      overview: read(photosOfSellerInput, (input) => studio.overview(input.sellerId)),
      assign: write(photoAssignInput, (input) => studio.photoOf(studio.library.assign(input.id, input.productId))),
      reorder: write(photoReorderInput, (input) => {
        studio.library.reorder(input.productId, input.photoIds);
        return studio.forProduct(input.productId);
      }),
      setRecipe: write(photoRecipeInput, (input) =>
        renderSoon(studio.photoOf(studio.library.setRecipe(input.id, input.recipe))),
      ),
      delete: write(byIdInput, (input) => studio.photoOf(studio.library.remove(input.id))),
      // A photo deleted while it waited still needs rendering.
      restore: write(byIdInput, (input) => renderSoon(studio.photoOf(studio.library.restore(input.id)))),
      process: later(photosProcessInput, async (input) => {
        if (input.action === 'pause') await studio.pause();
        else {
          const { sellerId } = input;
          if (sellerId !== undefined) transaction(() => sellers.assertExists(sellerId, 'sellerId'));
          const run = studio.start(sellerId);
          if (input.wait) await run;
        }
        return transaction(() => studio.status());
      }),
      status: read(emptyInput, () => studio.status()),
      file: later(photoFileInput, async (input) => ({ path: await studio.file(input.id, input.kind) })),
    },
    uploads: {
      connect: later(connectInput, (input) => uploads.connect(input)),
      disconnect: later(shopInput, (input) => uploads.disconnect(input.sellerId, input.marketplace)),
      connections: read(sellerIdInput, (input) => uploads.connectionsOf(input.sellerId)),
      // Not nudging the automatic sender: the one who queued sends now (the upload centre, the CLI).
      enqueue,
      drain: later(uploadDrainInput, (input) =>
        uploads.drain(input.sellerId, input.marketplace, jobs.control(input.jobId, 'upload'), {
          ...(input.keepTrying ? { keepTrying: true } : {}),
          ...(input.waitForOthers ? { waitForOthers: true } : {}),
          ...(input.endpoint ? { endpoint: input.endpoint } : {}),
        }),
      ),
      followQc: later(shopInput, async (input) => ({
        changed: await uploads.followQc(input.sellerId, input.marketplace),
      })),
      shop: read(shopInput, (input) => uploads.shop(input.sellerId, input.marketplace)),
      skip: write(uploadRowInput, (input) => {
        const { sellerId, marketplace } = shopOf(input.uploadId);
        uploads.store.skip(input.uploadId);
        return uploads.shop(sellerId, marketplace);
      }),
      retry: write(uploadRowInput, (input) => {
        const { sellerId, marketplace } = shopOf(input.uploadId);
        uploads.store.retryNow(input.uploadId);
        return uploads.shop(sellerId, marketplace);
      }),
      setOnline: later(onlineInput, async (input) => {
        autoDrain.setOnline(input.online);
        return null;
      }),
      autoUpload: write(autoUploadInput, (input) => {
        if (input.enabled !== undefined) settings.setAutoUpload(input.enabled);
        if (input.enabled) autoDrain.nudge();
        return { enabled: settings.autoUpload() };
      }),
      overview: read(emptyInput, () => uploadOverview(db, settings.autoUpload())),
      lazadaApp: later(emptyInput, lazadaApp),
      setLazadaApp: later(lazadaAppInput, async (input) => {
        // The secret first: a key without its secret would say "ready" to nobody, but the
        // other order could leave a new key pointing at an old secret.
        await secrets.set(appSecretName('lazada', input.appKey), input.appSecret);
        transaction(() => settings.setLazadaAppKey(input.appKey));
        return lazadaApp();
      }),
      beginSignIn: later(sellerIdInput, async (input) => {
        readTransaction(() => sellers.assertExists(input.sellerId, 'sellerId'));
        return signIn.begin(input.sellerId);
      }),
      finishSignIn: later(signInFinishInput, (input) =>
        signIn.finish(input.flowId, jobs.control(input.jobId, 'upload')),
      ),
      pasteSignIn: later(signInCodeInput, async (input) => {
        readTransaction(() => sellers.assertExists(input.sellerId, 'sellerId'));
        return signIn.paste(input.sellerId, input.text);
      }),
    },
    practice: {
      start: later(practiceStartInput, (input) => practice.start(input.port)),
      stop: later(emptyInput, async () => {
        await practice.stop();
        return null;
      }),
      connect: later(sellerIdInput, async (input) => {
        const seller = readTransaction(() => sellers.get(input.sellerId));
        const server = await practice.server();
        const shopName = seller.businessName || seller.name;
        const tokens = server.issueToken(shopName);
        return uploads.connect(
          {
            sellerId: input.sellerId,
            marketplace: 'practice',
            endpoint: server.baseUrl,
            appKey: server.appKey,
            appSecret: server.appSecret,
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
          },
          { sellerId: String(tokens.sellerId), shortCode: shopName },
        );
      }),
      storefront: later(storefrontInput, async (input) => {
        const info = await practice.start();
        const { sellerId } = input;
        const shop =
          sellerId === undefined ? undefined : readTransaction(() => uploads.connections.find(sellerId, 'practice'));
        // The practice shop's own page once it is known; the list of shops otherwise.
        const path = shop?.account_id && /^\d+$/.test(shop.account_id) ? `shop/${shop.account_id}` : '';
        return { ...info, storefrontUrl: `${info.storefrontUrl}${path}` };
      }),
    },
    jobs: {
      cancel: async (input) => {
        const parsed = parseInput(jobCancelInput, input);
        if (parsed.ok) jobs.cancel(parsed.value.jobId);
        return parsed.ok ? { ok: true, value: null } : parsed;
      },
    },
    close: async () => {
      // Closed at once when idle, so a caller that does not await finds the file closed.
      try {
        // A running automatic send stops at its next step (its rows stay at their recovery points).
        jobs.cancel(AUTO_UPLOAD_JOB);
        // Each returns null when idle, so an idle core closes before this call returns.
        for (const stopping of [studio.close(), autoDrain.stop(), practice.stop(), signIn.close()]) {
          if (stopping) await stopping;
        }
      } finally {
        db.close();
      }
    },
  };
}

function fileUnreadable(error: FileError): AppError {
  return {
    code: 'file_unreadable',
    message: `The file cannot be imported: ${error.reason}`,
    params: { ...error.params, reason: error.reason },
  };
}

function fileUnwritable(error: { reason: string; params: Readonly<Record<string, string | number>> }): AppError {
  return {
    code: 'file_unwritable',
    message: `The file cannot be written: ${error.reason}`,
    params: { ...error.params, reason: error.reason },
  };
}

/** Like `runner`, for work that awaits (files, photos): validate, run, errors as values. */
function asyncRunner(log: ((message: string) => void) | undefined) {
  return <S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => Promise<T>) =>
    async (raw?: unknown): Promise<Result<T>> => {
      const parsed = parseInput(schema, raw);
      if (!parsed.ok) return parsed;
      try {
        return { ok: true, value: await fn(parsed.value) };
      } catch (error) {
        if (error instanceof CoreError) return { ok: false, error: error.error };
        log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: INTERNAL_ERROR };
      }
    };
}

/**
 * Wraps a store call: validate, run (writes inside one transaction, so a failure half-way
 * leaves nothing behind), and turn CoreErrors into values. Anything else is a bug: it is
 * logged and reported as `internal` without leaking a stack trace to the user.
 */
function runner(db: Db, log: ((message: string) => void) | undefined) {
  return <S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => T, isWrite: boolean) =>
    async (raw?: unknown): Promise<Result<T>> => {
      const parsed = parseInput(schema, raw);
      if (!parsed.ok) return parsed;
      try {
        // Every call is one transaction. Writes take the write lock up front (IMMEDIATE), so
        // when the CLI and the app write at once the second waits its busy timeout instead of
        // failing half-way; reads get one snapshot, so a page and its total always agree.
        const transaction = db.transaction(() => fn(parsed.value));
        const value = isWrite ? transaction.immediate() : transaction.deferred();
        return { ok: true, value };
      } catch (error) {
        if (error instanceof CoreError) return { ok: false, error: error.error };
        log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: INTERNAL_ERROR };
      } finally {
        // What this call remembered may be stale once its transaction has ended.
        forgetCall(db);
      }
    };
}
