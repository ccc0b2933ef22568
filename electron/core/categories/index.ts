/**
 * The category store: functions over a `Db`, each meant to run inside the caller's
 * transaction (installs open their own savepoint), in the style of the catalogue stores.
 */
export { normalizeAttributes, validateAttributes, type AttributeInput, type AttributeOutput } from './attribute-values';
export { categoryAttributes, saleProperties } from './attributes';
export { findCategory, getCategory, isLeafCategory, listChildren } from './browse';
export {
  brandKey,
  brandList,
  matchBrand,
  replaceBrands,
  searchBrands,
  type BrandEntry,
  type BrandList,
  type BrandMatch,
} from './brands';
export { BUNDLED_TREE, ensureBundledTree, type EnsureResult } from './bundled';
export { activeTree, installAttributes, installTree, type InstallOptions, type InstalledTree } from './install';
export { recentCategories, recordCategoryUse } from './recent';
export { searchCategories, type CategorySearch } from './search';
export { suggestCategories } from './suggest';
