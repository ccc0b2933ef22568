import type * as Catalogue from '../../../electron/shared/catalogue';

/**
 * Values the renderer needs from electron/shared, which it may import only as types.
 * Each is typed as the literal type of the shared constant, so if the shared value
 * changes, this copy stops compiling until it is updated.
 */
export const MAX_SKUS_PER_PRODUCT: typeof Catalogue.MAX_SKUS_PER_PRODUCT = 50;
export const DEFAULT_BRAND: typeof Catalogue.DEFAULT_BRAND = 'No Brand';
