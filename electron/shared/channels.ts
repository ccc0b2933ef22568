/**
 * Channel and event names alone, without schemas, so the sandboxed preload can allowlist
 * them without bundling zod. `contract.ts` is checked at compile time to cover exactly
 * these names.
 */
export const CHANNELS = [
  'app:info',
  'settings:setLanguage',
  'sellers:list',
  'sellers:get',
  'sellers:create',
  'sellers:update',
  'sellers:delete',
  'sellers:restore',
  'products:list',
  'products:search',
  'products:get',
  'products:create',
  'products:update',
  'products:delete',
  'products:restore',
  'products:searchIds',
  'products:bulkEdit',
  'products:bulkUndo',
  'categories:search',
  'categories:get',
  'categories:children',
  'categories:recent',
  'categories:suggest',
  'categories:refresh',
  'categories:loadAttributes',
  'categories:brands',
  'import:pickFile',
  'import:preview',
  'import:commit',
  'export:save',
  'files:saveSheet',
  'trash:list',
  'jobs:cancel',
  'photos:pickFiles',
  'photos:pickFolder',
  'photos:forProduct',
  'photos:unmatched',
  'photos:overview',
  'photos:assign',
  'photos:reorder',
  'photos:setRecipe',
  'photos:delete',
  'photos:restore',
  'photos:process',
  'photos:status',
  'photos:importDropped',
  'practice:start',
  'practice:connect',
  'practice:openStorefront',
  'uploads:connections',
  'uploads:enqueue',
  'uploads:drain',
  'uploads:followQc',
  'uploads:shop',
  'uploads:skip',
  'uploads:retry',
  'uploads:disconnect',
  'uploads:overview',
  'uploads:autoUpload',
  'lazada:app',
  'lazada:setApp',
  'lazada:signIn',
  'lazada:pasteCode',
] as const;

export type Channel = (typeof CHANNELS)[number];

/**
 * Channels the page cannot invoke itself: only the preload's own methods use them.
 * `photos:importDropped` carries file paths, which a page must never be able to name; the
 * preload reads them from File objects the user dropped (a page cannot make such a File
 * point at a path).
 */
export const PRELOAD_ONLY_CHANNELS: readonly Channel[] = ['photos:importDropped'];

export const EVENT_NAMES = ['progress', 'connectivity'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel names carry a prefix so they cannot collide with Electron's own. */
export const IPC_PREFIX = 'akar:';
export const EVENT_PREFIX = 'akar-event:';

/**
 * The refusal for a channel name that is not in the contract. Not `String(channel)`: that
 * throws for objects without a usable toString, and a hostile page may send anything.
 */
export function unknownChannelError(channel: unknown): { code: 'unknown_channel'; message: string } {
  const name = typeof channel === 'string' ? channel.slice(0, 100) : `(${typeof channel})`;
  return { code: 'unknown_channel', message: `Unknown channel ${name}` };
}
