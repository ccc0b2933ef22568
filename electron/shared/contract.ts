import { type z } from 'zod';
import {
  byIdInput,
  emptyInput,
  languageInput,
  productCreateInput,
  productListInput,
  productBulkEditInput,
  productSearchInput,
  productUpdateInput,
  bulkUndoInput,
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
} from './catalogue';
import {
  categoryChildrenInput,
  categoryGetInput,
  categoryRecentInput,
  categorySearchInput,
  categorySuggestInput,
  type CategoryDetail,
  type CategorySummary,
} from './categories';
import {
  brandSearchInput,
  categoryAttributesLoadInput,
  categoryRefreshInput,
  type BrandSearch,
  type CategoryRefreshReport,
} from './category-refresh';
import type { Channel, EventName } from './channels';
import {
  exportSaveInput,
  importPickInput,
  importRunInput,
  saveSheetInput,
  type ExportSaved,
  type ImportFile,
  type ImportReport,
  type SheetSaved,
} from './imports';
import { jobCancelInput, type JobKind } from './jobs';
import {
  photoAssignInput,
  photoRecipeInput,
  photoReorderInput,
  photosDroppedInput,
  photosImportInput,
  photosOfProductInput,
  photosOfSellerInput,
  photosProcessInput,
  type Photo,
  type PhotoImportReport,
  type PhotoQueueStatus,
  type ProductPhotos,
  type SellerPhotoOverview,
} from './photos';
import type { AppError, Result } from './result';
import { lazadaAppInput, signInCodeInput, signInInput, type LazadaApp } from './sign-in';
import type { UploadOverview } from './upload-overview';
import {
  autoUploadInput,
  practiceStartInput,
  storefrontInput,
  sellerIdInput,
  shopInput,
  uploadEnqueueInput,
  uploadDrainInput,
  uploadRowInput,
  type Connection,
  type DrainReport,
  type EnqueueResult,
  type PracticeInfo,
  type ShopUploads,
} from './uploads';

export { CHANNELS, EVENT_NAMES, EVENT_PREFIX, IPC_PREFIX, type Channel, type EventName } from './channels';

/**
 * The one contract between main and renderer. Each channel names a zod schema for its
 * input (checked at runtime in main) and, through `returns<T>()`, its output type (checked
 * at compile time). Main's handler table, the preload bridge and the renderer's typed
 * `window.api` are all derived from this object, so a channel cannot be half-wired.
 */
function channel<I extends z.ZodType>(input: I) {
  return {
    returns<O>() {
      return { input, output: undefined as unknown as O };
    },
  };
}

export const contract = {
  'app:info': channel(emptyInput).returns<AppInfo>(),
  'settings:setLanguage': channel(languageInput).returns<Language>(),

  'sellers:list': channel(sellerListInput).returns<Seller[]>(),
  'sellers:get': channel(byIdInput).returns<Seller>(),
  'sellers:create': channel(sellerCreateInput).returns<Seller>(),
  'sellers:update': channel(sellerUpdateInput).returns<Seller>(),
  'sellers:delete': channel(byIdInput).returns<Seller>(),
  'sellers:restore': channel(byIdInput).returns<Seller>(),

  'products:list': channel(productListInput).returns<ProductSummary[]>(),
  'products:search': channel(productSearchInput).returns<ProductPage>(),
  'products:get': channel(byIdInput).returns<Product>(),
  'products:create': channel(productCreateInput).returns<Product>(),
  'products:update': channel(productUpdateInput).returns<Product>(),
  'products:delete': channel(byIdInput).returns<Product>(),
  'products:restore': channel(byIdInput).returns<Product>(),
  /** Every id a search matches (for "select all"), up to MAX_BULK_IDS. */
  'products:searchIds': channel(productSearchInput).returns<number[]>(),
  'products:bulkEdit': channel(productBulkEditInput).returns<BulkEditResult>(),
  'products:bulkUndo': channel(bulkUndoInput).returns<BulkUndoResult>(),

  'categories:search': channel(categorySearchInput).returns<CategorySummary[]>(),
  'categories:get': channel(categoryGetInput).returns<CategoryDetail>(),
  'categories:children': channel(categoryChildrenInput).returns<CategorySummary[]>(),
  'categories:recent': channel(categoryRecentInput).returns<CategorySummary[]>(),
  'categories:suggest': channel(categorySuggestInput).returns<CategorySummary[]>(),
  /**
   * Downloads the category tree, attributes and brands through the participant's connected
   * shop, a long job (`jobId`, progress kind `category-refresh`, `jobs:cancel`). As for
   * `uploads:drain`, the page cannot name where: main points a practice shop at the running
   * practice marketplace.
   */
  'categories:refresh': channel(categoryRefreshInput.omit({ endpoint: true })).returns<CategoryRefreshReport>(),
  /** Downloads the attributes of one leaf the tree came without (when a seller picks it). */
  'categories:loadAttributes': channel(categoryAttributesLoadInput.omit({ endpoint: true })).returns<CategoryDetail>(),
  /** Brand names of a marketplace starting with what was typed (a brand picker). */
  'categories:brands': channel(brandSearchInput).returns<BrandSearch>(),

  /** Asks main for a spreadsheet (open dialog) and reads it; `null` when the user cancels. */
  'import:pickFile': channel(importPickInput).returns<ImportFile | null>(),
  'import:preview': channel(importRunInput).returns<ImportReport>(),
  'import:commit': channel(importRunInput).returns<ImportReport>(),
  /** Asks where to save (save dialog) and writes the export; `null` when the user cancels. */
  'export:save': channel(exportSaveInput).returns<ExportSaved | null>(),
  /** Saves a table the screen made (an import summary) as CSV; `null` when cancelled. */
  'files:saveSheet': channel(saveSheetInput).returns<SheetSaved | null>(),

  'trash:list': channel(emptyInput).returns<TrashContents>(),

  /** Stops a long job (a file read, an import check or write, a bulk change) by its id. */
  'jobs:cancel': channel(jobCancelInput).returns<null>(),

  /** Asks for photo files (open dialog, several at once) and imports them; `null` when cancelled. */
  'photos:pickFiles': channel(photosImportInput).returns<PhotoImportReport | null>(),
  /** Asks for a folder (a USB stick, a phone's DCIM) and imports the photos in it and its subfolders. */
  'photos:pickFolder': channel(photosImportInput).returns<PhotoImportReport | null>(),
  'photos:forProduct': channel(photosOfProductInput).returns<ProductPhotos>(),
  'photos:unmatched': channel(photosOfSellerInput).returns<Photo[]>(),
  'photos:overview': channel(photosOfSellerInput).returns<SellerPhotoOverview>(),
  'photos:assign': channel(photoAssignInput).returns<Photo>(),
  'photos:reorder': channel(photoReorderInput).returns<ProductPhotos>(),
  'photos:setRecipe': channel(photoRecipeInput).returns<Photo>(),
  'photos:delete': channel(byIdInput).returns<Photo>(),
  'photos:restore': channel(byIdInput).returns<Photo>(),
  'photos:process': channel(photosProcessInput).returns<PhotoQueueStatus>(),
  'photos:status': channel(emptyInput).returns<PhotoQueueStatus>(),
  /** Preload only (see PRELOAD_ONLY_CHANNELS): imports files and folders the user dropped. */
  'photos:importDropped': channel(photosDroppedInput).returns<PhotoImportReport>(),

  /** Starts the practice marketplace on 127.0.0.1 (once; later calls answer where it runs). */
  'practice:start': channel(practiceStartInput).returns<PracticeInfo>(),
  /** Connects the participant to a practice shop of their own (starting the practice marketplace). */
  'practice:connect': channel(sellerIdInput).returns<Connection>(),
  /** Opens the practice storefront in the system browser (main picks the address, never the page). */
  'practice:openStorefront': channel(storefrontInput).returns<PracticeInfo>(),
  'uploads:connections': channel(sellerIdInput).returns<Connection[]>(),
  /** Checks products and puts them in the outbox; those the checks refuse come back with their problems. */
  'uploads:enqueue': channel(uploadEnqueueInput).returns<EnqueueResult>(),
  /**
   * Sends the shop's outbox, a long job (`jobId`, progress kind `upload`, `jobs:cancel`). The
   * page cannot name where to send: main points the practice shop at the running practice
   * marketplace itself, and the app always stops and reports a dead link (no `keepTrying`).
   */
  'uploads:drain': channel(
    uploadDrainInput.omit({ endpoint: true, keepTrying: true, waitForOthers: true }),
  ).returns<DrainReport>(),
  /** Asks the marketplace about listings in QC; how many changed. */
  'uploads:followQc': channel(shopInput).returns<{ changed: number }>(),
  'uploads:shop': channel(shopInput).returns<ShopUploads>(),
  'uploads:skip': channel(uploadRowInput).returns<ShopUploads>(),
  'uploads:retry': channel(uploadRowInput).returns<ShopUploads>(),
  /** Wipes the shop's sign-in from this laptop (the listings stay on the marketplace). */
  'uploads:disconnect': channel(shopInput).returns<Connection>(),
  /** Every participant's shops with their listings by state, and whether the outbox sends itself. */
  'uploads:overview': channel(emptyInput).returns<UploadOverview>(),
  /** Reads (no `enabled`) or turns on/off sending the outbox by itself. */
  'uploads:autoUpload': channel(autoUploadInput).returns<{ enabled: boolean }>(),
  /** The Lazada app key set up on this laptop (never its secret) and the callback address to register. */
  'lazada:app': channel(emptyInput).returns<LazadaApp>(),
  /** Keeps the Lazada app key and secret a trainer entered (the secret goes to the encrypted store). */
  'lazada:setApp': channel(lazadaAppInput).returns<LazadaApp>(),
  /**
   * Signs a participant's Lazada shop in: main opens Lazada's page in the system browser
   * (an address the core made, checked by main) and the call answers once the shop is
   * connected; a long job, `jobs:cancel` stops the wait.
   */
  'lazada:signIn': channel(signInInput).returns<Connection>(),
  /** The code (or the browser's whole address) pasted by the seller; null when a waiting sign-in took it. */
  'lazada:pasteCode': channel(signInCodeInput).returns<Connection | null>(),
} as const satisfies Record<Channel, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
// Fails to compile if `channels.ts` lists a name the contract lacks (the `satisfies`
// above catches the reverse).
const everyChannelHasAContract: Record<Channel, unknown> = contract;
void everyChannelHasAContract;

/** What the caller passes (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** What crosses the IPC boundary: always a value, never a thrown error. */
export type IpcResult<C extends Channel> = Result<ChannelOutput<C>>;
export type { AppError, Result };

/** The renderer's view: `window.api.invoke('sellers:list', {...})` plus typed events. */
export interface AkarApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /**
   * Imports photo files (or folders) the user dropped on the page, for a participant or one
   * product. Files that do not come from the user's disk (made by the page) are ignored; an
   * answer of `null` means none did.
   */
  importDroppedPhotos(
    files: readonly File[],
    input: ChannelInput<'photos:pickFiles'>,
  ): Promise<IpcResult<'photos:importDropped'> | null>;
}

// ---------- main -> renderer events ----------

export interface ProgressEvent {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly done: number;
  readonly total: number;
  readonly label?: string;
  /** Milliseconds left, when it can be estimated. */
  readonly etaMs?: number;
}

export interface EventMap {
  progress: ProgressEvent;
  connectivity: { readonly online: boolean };
}

// Every declared event has a payload type and vice versa.
const eventsMatch: Record<EventName, true> = { progress: true, connectivity: true } satisfies Record<
  keyof EventMap,
  true
>;
void eventsMatch;
