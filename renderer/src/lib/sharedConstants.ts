import type * as Catalogue from '../../../electron/shared/catalogue';

/**
 * Copies of the electron/shared constants the renderer needs (defaults and the variant
 * limit), since it may import that code only as types. Where the shared constant has a
 * literal type, this copy is typed with it, so a change there stops this file compiling
 * until it is updated here too.
 */
export const MAX_SKUS_PER_PRODUCT: typeof Catalogue.MAX_SKUS_PER_PRODUCT = 50;
export const DEFAULT_BRAND: typeof Catalogue.DEFAULT_BRAND = 'No Brand';
/** Mirrors `DEFAULT_LANGUAGE` (typed only as `Language` there, so not checked). */
export const DEFAULT_LANGUAGE: Catalogue.Language = 'id';
