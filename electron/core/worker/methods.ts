import type { Core } from '../index';

type Method = (...args: never[]) => unknown;

/** "appInfo", "sellers.list", ...: every method of the Core, by its dotted path. */
type MethodPaths<T> = {
  [K in keyof T & string]: T[K] extends Method ? K : T[K] extends object ? `${K}.${keyof T[K] & string}` : never;
}[keyof T & string];

/** The calls the core worker answers; `close` and `jobs.cancel` travel their own way. */
export type CoreMethod = Exclude<MethodPaths<Core>, 'close' | 'jobs.cancel'>;

// A Record over the union: adding a method to Core without listing it here (or the
// reverse) fails compilation, so the worker and its proxy cannot drift apart.
const METHODS: Record<CoreMethod, true> = {
  appInfo: true,
  setLanguage: true,
  'sellers.list': true,
  'sellers.get': true,
  'sellers.create': true,
  'sellers.update': true,
  'sellers.delete': true,
  'sellers.restore': true,
  'products.list': true,
  'products.search': true,
  'products.get': true,
  'products.create': true,
  'products.update': true,
  'products.delete': true,
  'products.restore': true,
  'products.searchIds': true,
  'products.bulkEdit': true,
  'products.bulkUndo': true,
  'categories.search': true,
  'categories.get': true,
  'categories.children': true,
  'categories.recent': true,
  'categories.suggest': true,
  'categories.refresh': true,
  'categories.loadAttributes': true,
  'categories.brands': true,
  'imports.open': true,
  'imports.preview': true,
  'imports.commit': true,
  exportTo: true,
  saveSheet: true,
  trash: true,
  'photos.importFiles': true,
  'photos.forProduct': true,
  'photos.unmatched': true,
  'photos.overview': true,
  'photos.assign': true,
  'photos.reorder': true,
  'photos.setRecipe': true,
  'photos.delete': true,
  'photos.restore': true,
  'photos.process': true,
  'photos.status': true,
  'photos.file': true,
  'uploads.connect': true,
  'uploads.overview': true,
  'uploads.lazadaApp': true,
  'uploads.setLazadaApp': true,
  'uploads.beginSignIn': true,
  'uploads.finishSignIn': true,
  'uploads.pasteSignIn': true,
  'uploads.disconnect': true,
  'uploads.connections': true,
  'uploads.enqueue': true,
  'uploads.drain': true,
  'uploads.followQc': true,
  'uploads.shop': true,
  'uploads.skip': true,
  'uploads.retry': true,
  'uploads.setOnline': true,
  'uploads.autoUpload': true,
  'practice.start': true,
  'practice.stop': true,
  'practice.connect': true,
  'practice.storefront': true,
};

export const CORE_METHODS = Object.keys(METHODS) as CoreMethod[];

export function isCoreMethod(name: unknown): name is CoreMethod {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

/** The function at `method` on a core, bound to its group. */
export function coreFunction(core: Core, method: CoreMethod): (...args: unknown[]) => Promise<unknown> {
  const [group, name] = method.split('.') as [string, string | undefined];
  const owner = (name === undefined ? core : (core as unknown as Record<string, object>)[group]) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const fn = owner[name ?? group];
  if (typeof fn !== 'function') throw new Error(`Core has no method ${method}`);
  return fn.bind(owner);
}
