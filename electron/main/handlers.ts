import path from 'node:path';
import type { Core } from '../core';
import { unknownChannelError } from '../shared/channels';
import { contract, type Channel, type ChannelOutput, type IpcResult, type ParsedInput } from '../shared/contract';
import { importPickInput } from '../shared/imports';
import { photosDroppedInput, photosImportInput, photosProcessInput } from '../shared/photos';
import { INTERNAL_ERROR, type AppError, type Result } from '../shared/result';
import { type Marketplace } from '../shared/uploads';
import { parseInput } from '../shared/validation';
import { isSignInUrl } from './sign-in-url';
import { isStorefrontUrl } from './storefront';

/**
 * The handler table: one entry per contract channel. Typed as a mapped type over the
 * contract, so adding a channel without a handler (or the reverse) fails compilation.
 * Kept free of `electron` imports so the end-to-end tests bind exactly this table.
 */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Result<ChannelOutput<C>>> };

/**
 * What handlers need from the desktop beyond the core: the system file dialogs (the
 * renderer never names a path: it can only ask the user to pick one). Main gives
 * Electron's dialogs; the end-to-end tests give files they made. Progress events come
 * from the core itself (CoreOptions.onProgress).
 */
export interface Shell {
  /** The spreadsheet the user picked, or null when they cancelled. */
  pickSpreadsheet(): Promise<string | null>;
  /** Where the user wants a file saved (`defaultName` suggested), or null when cancelled. */
  pickSaveTarget(defaultName: string, extension: 'csv' | 'xlsx'): Promise<string | null>;
  /** Photo files the user picked (several at once), or null when they cancelled. */
  pickPhotoFiles(): Promise<string[] | null>;
  /** A folder of photos (a USB stick, a phone's DCIM), or null when cancelled. */
  pickPhotoFolder(): Promise<string | null>;
  /**
   * Opens a page of the practice storefront in the system browser. Only ever called with
   * an address `isStorefrontUrl` accepts; implementations check it again.
   */
  openStorefront(url: string): Promise<void>;
  /**
   * Opens Lazada's sign-in page in the system browser. Only ever called with an address
   * `isSignInUrl` accepts; implementations check it again.
   */
  openSignIn(url: string): Promise<void>;
}

/** The system browser would not open the sign-in page. */
const NO_BROWSER: AppError = {
  code: 'sign_in_failed',
  message: 'The browser could not be opened',
  params: { reason: 'no_browser' },
};

/** The refusal for a sign-in address main will not open (never expected: the core makes it). */
const SIGN_IN_REFUSED: AppError = {
  code: 'invalid_input',
  message: 'The sign-in address is not Lazada’s authorize page',
  field: 'url',
  reason: 'invalid_format',
};

/** The refusal for a storefront address main will not open (never expected: main makes it). */
const STOREFRONT_REFUSED: AppError = {
  code: 'invalid_input',
  message: 'The storefront address is not a practice marketplace page on this laptop',
  field: 'url',
  reason: 'invalid_format',
};

export function createHandlers(core: Core, shell: Shell): Handlers {
  return {
    'app:info': () => core.appInfo(),
    'settings:setLanguage': (input) => core.setLanguage(input),
    'sellers:list': (input) => core.sellers.list(input),
    'sellers:get': (input) => core.sellers.get(input),
    'sellers:create': (input) => core.sellers.create(input),
    'sellers:update': (input) => core.sellers.update(input),
    'sellers:delete': (input) => core.sellers.delete(input),
    'sellers:restore': (input) => core.sellers.restore(input),
    'products:list': (input) => core.products.list(input),
    'products:search': (input) => core.products.search(input),
    'products:get': (input) => core.products.get(input),
    'products:create': (input) => core.products.create(input),
    'products:update': (input) => core.products.update(input),
    'products:delete': (input) => core.products.delete(input),
    'products:restore': (input) => core.products.restore(input),
    'products:searchIds': (input) => core.products.searchIds(input),
    'products:bulkEdit': (input) => core.products.bulkEdit(input),
    'products:bulkUndo': (input) => core.products.bulkUndo(input),
    'categories:search': (input) => core.categories.search(input),
    'categories:get': (input) => core.categories.get(input),
    'categories:children': (input) => core.categories.children(input),
    'categories:recent': (input) => core.categories.recent(input),
    'categories:suggest': (input) => core.categories.suggest(input),
    'categories:refresh': async (input) => {
      const parsed = parseInput(contract['categories:refresh'].input, input);
      if (!parsed.ok) return parsed;
      const moved = await movedPracticeEndpoint(core, parsed.value.sellerId, parsed.value.marketplace);
      if (!moved.ok) return moved;
      return core.categories.refresh({ ...parsed.value, ...(moved.value !== null ? { endpoint: moved.value } : {}) });
    },
    'categories:loadAttributes': async (input) => {
      const parsed = parseInput(contract['categories:loadAttributes'].input, input);
      if (!parsed.ok) return parsed;
      const moved = await movedPracticeEndpoint(core, parsed.value.sellerId, parsed.value.marketplace);
      if (!moved.ok) return moved;
      return core.categories.loadAttributes({
        ...parsed.value,
        ...(moved.value !== null ? { endpoint: moved.value } : {}),
      });
    },
    'categories:brands': (input) => core.categories.brands(input),
    'import:pickFile': async (input) => {
      // Checked here too: the job id goes to the core as an option, not as a validated input.
      const parsed = parseInput(importPickInput, input);
      if (!parsed.ok) return parsed;
      const filePath = await shell.pickSpreadsheet();
      if (filePath === null) return { ok: true, value: null };
      const jobId = parsed.value?.jobId;
      return core.imports.open(filePath, jobId !== undefined ? { jobId } : {});
    },
    'import:preview': (input) => core.imports.preview(input),
    'import:commit': (input) => core.imports.commit(input),
    'export:save': async (input) => {
      const filePath = await shell.pickSaveTarget(exportFileName(input.format), input.format);
      if (filePath === null) return { ok: true, value: null };
      return core.exportTo(filePath, input);
    },
    'files:saveSheet': async (input) => {
      const filePath = await shell.pickSaveTarget(`${input.suggestedName}.csv`, 'csv');
      if (filePath === null) return { ok: true, value: null };
      return core.saveSheet(filePath, input);
    },
    'trash:list': (input) => core.trash(input),
    'jobs:cancel': async (input) => core.jobs.cancel(input),
    'photos:pickFiles': async (input) => {
      // Checked before the dialog: a bad participant id should not ask the user anything.
      const parsed = parseInput(photosImportInput, input);
      if (!parsed.ok) return parsed;
      const files = await shell.pickPhotoFiles();
      if (files === null || files.length === 0) return { ok: true, value: null };
      return core.photos.importFiles(files, parsed.value);
    },
    'photos:pickFolder': async (input) => {
      const parsed = parseInput(photosImportInput, input);
      if (!parsed.ok) return parsed;
      const folder = await shell.pickPhotoFolder();
      if (folder === null) return { ok: true, value: null };
      return core.photos.importFiles([folder], parsed.value);
    },
    'photos:forProduct': (input) => core.photos.forProduct(input),
    'photos:unmatched': (input) => core.photos.unmatched(input),
    'photos:overview': (input) => core.photos.overview(input),
    'photos:assign': (input) => core.photos.assign(input),
    'photos:reorder': (input) => core.photos.reorder(input),
    'photos:setRecipe': (input) => core.photos.setRecipe(input),
    'photos:delete': (input) => core.photos.delete(input),
    'photos:restore': (input) => core.photos.restore(input),
    // The page never waits for the whole queue (it follows the progress events): `wait` is dropped.
    'photos:process': (input) => {
      const parsed = parseInput(photosProcessInput, input);
      return parsed.ok ? core.photos.process({ action: parsed.value.action }) : Promise.resolve(parsed);
    },
    'photos:status': (input) => core.photos.status(input),
    'photos:importDropped': async (input) => {
      const parsed = parseInput(photosDroppedInput, input);
      if (!parsed.ok) return parsed;
      const { paths, ...request } = parsed.value;
      // Only whole paths: a relative one would be read against main's working folder.
      if (!paths.every((file) => path.isAbsolute(file))) {
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'Dropped files need full paths', field: 'paths', reason: 'invalid' },
        };
      }
      return core.photos.importFiles(paths, request);
    },
    'practice:start': (input) => core.practice.start(input),
    'practice:connect': (input) => core.practice.connect(input),
    'practice:openStorefront': async (input) => {
      // Checked before anything starts: the page's input cannot be trusted to be empty.
      const parsed = parseInput(contract['practice:openStorefront'].input, input);
      if (!parsed.ok) return parsed;
      const info = await core.practice.storefront(parsed.value);
      if (!info.ok) return info;
      if (!isStorefrontUrl(info.value.storefrontUrl)) return { ok: false, error: STOREFRONT_REFUSED };
      await shell.openStorefront(info.value.storefrontUrl);
      return info;
    },
    'uploads:connections': (input) => core.uploads.connections(input),
    'uploads:enqueue': (input) => core.uploads.enqueue(input),
    'uploads:drain': async (input) => {
      const parsed = parseInput(contract['uploads:drain'].input, input);
      if (!parsed.ok) return parsed;
      const moved = await movedPracticeEndpoint(core, parsed.value.sellerId, parsed.value.marketplace);
      if (!moved.ok) return moved;
      return core.uploads.drain({ ...parsed.value, ...(moved.value !== null ? { endpoint: moved.value } : {}) });
    },
    'uploads:followQc': async (input) => {
      const parsed = parseInput(contract['uploads:followQc'].input, input);
      if (!parsed.ok) return parsed;
      const { sellerId, marketplace } = parsed.value;
      const moved = await movedPracticeEndpoint(core, sellerId, marketplace);
      if (!moved.ok) return moved;
      if (moved.value !== null) {
        // Only a drain moves a connection; it also sends anything still waiting in the queue.
        const drained = await core.uploads.drain({ sellerId, marketplace, endpoint: moved.value });
        if (!drained.ok) return drained;
      }
      return core.uploads.followQc(parsed.value);
    },
    'uploads:shop': (input) => core.uploads.shop(input),
    'uploads:skip': (input) => core.uploads.skip(input),
    'uploads:retry': (input) => core.uploads.retry(input),
    'uploads:disconnect': (input) => core.uploads.disconnect(input),
    'uploads:overview': (input) => core.uploads.overview(input),
    'uploads:autoUpload': (input) => core.uploads.autoUpload(input),
    'lazada:app': (input) => core.uploads.lazadaApp(input),
    'lazada:setApp': (input) => core.uploads.setLazadaApp(input),
    'lazada:signIn': async (input) => {
      const parsed = parseInput(contract['lazada:signIn'].input, input);
      if (!parsed.ok) return parsed;
      const { sellerId, jobId } = parsed.value;
      const started = await core.uploads.beginSignIn({ sellerId });
      if (!started.ok) return started;
      if (!isSignInUrl(started.value.url)) {
        // Nobody will come back through that listener: stop it before answering.
        await core.jobs.cancel({ jobId });
        await core.uploads.finishSignIn({ flowId: started.value.flowId, jobId });
        return { ok: false, error: SIGN_IN_REFUSED };
      }
      try {
        await shell.openSignIn(started.value.url);
      } catch {
        // No browser opened (none installed, or the system refused): stop listening and say so.
        await core.jobs.cancel({ jobId });
        await core.uploads.finishSignIn({ flowId: started.value.flowId, jobId });
        return { ok: false, error: NO_BROWSER };
      }
      return core.uploads.finishSignIn({ flowId: started.value.flowId, jobId });
    },
    'lazada:pasteCode': (input) => core.uploads.pasteSignIn(input),
  };
}

/**
 * The practice marketplace's address when the participant's practice shop is connected at
 * another one, else null. It starts on a free port, so after a restart of the app it runs
 * elsewhere than where the shop was connected; `uploads.drain` (or a category refresh)
 * moves the connection.
 */
async function movedPracticeEndpoint(
  core: Core,
  sellerId: number,
  marketplace: Marketplace,
): Promise<Result<string | null>> {
  if (marketplace !== 'practice') return { ok: true, value: null };
  const connections = await core.uploads.connections({ sellerId });
  if (!connections.ok) return connections;
  const connection = connections.value.find((c) => c.marketplace === marketplace);
  // Not connected: the core's own answer (not_connected) says so.
  if (connection === undefined) return { ok: true, value: null };
  const info = await core.practice.start({});
  if (!info.ok) return info;
  return { ok: true, value: connection.endpoint.startsWith(`${info.value.baseUrl}/`) ? null : info.value.baseUrl };
}

/** "akar-produk-2026-11-27.xlsx": sorts by date in a folder, and says what it holds. */
function exportFileName(format: 'csv' | 'xlsx'): string {
  return `akar-produk-${new Date().toISOString().slice(0, 10)}.${format}`;
}

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Everything main does with one IPC message after the sender check: find the channel,
 * validate the input against the contract, call the handler, and always answer with a
 * Result (a thrown bug becomes `internal`, never a stack trace in the renderer).
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown): Promise<IpcResult<Channel>> {
  if (!isChannel(channel)) return { ok: false, error: unknownChannelError(channel) };
  // The core validates again: it is also driven by the CLI and tests, and the contract is
  // the renderer's boundary. Parsing twice costs microseconds; a gap would cost data.
  const parsed = parseInput(contract[channel].input, input);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<IpcResult<Channel>>;
    return await handler(parsed.value);
  } catch (error) {
    console.error(`IPC handler ${channel} failed`, error);
    return { ok: false, error: INTERNAL_ERROR };
  }
}
