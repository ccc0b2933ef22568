import type { BrandMatch } from '../categories/brands';
import { MarketplaceFailure, type ListingPayload, type MarketplaceAdapter } from '../marketplace/adapter';
import { LAZADA_CODES } from '../marketplace/lazada/codes';

/**
 * The adapter the upload engine sends through, with each listing's brand name turned into
 * the marketplace's `brand_id` at send time (an edit made while the listing waited is what
 * goes out, brand included). The lookup is the same one the checks before queueing made
 * (`uploadProblems`); it runs again here because the product or the brand list may have
 * changed since:
 *
 * - found: the listing carries the id;
 * - no list was ever fetched: the listing goes with the brand name, as before brand ids;
 * - the list does not have it: refused here, nothing is sent, and the listing is blocked
 *   with Lazada's own code for an invalid brand, so the owner reads the same advice
 *   (pick a brand from the list, or "No Brand", or refresh the categories) as when the
 *   marketplace refuses it.
 *
 * Wrapping the adapter keeps the engine unaware of brands: it only ever sees a listing
 * refused like any other.
 */
export function withBrandIds(adapter: MarketplaceAdapter, lookup: (brand: string) => BrandMatch): MarketplaceAdapter {
  const branded = (listing: ListingPayload): ListingPayload => {
    const match = lookup(listing.brand);
    if (match.kind === 'no_list') return listing;
    if (match.kind === 'unknown') {
      throw new MarketplaceFailure(
        'rejected',
        `The brand "${listing.brand}" is not in the marketplace's brand list: pick one from the list or "No Brand"`,
        { code: LAZADA_CODES.brandInvalid, field: 'brand_id' },
      );
    }
    return { ...listing, brandId: String(match.brandId) };
  };
  return {
    marketplace: adapter.marketplace,
    uploadImage: (image, signal) => adapter.uploadImage(image, signal),
    // Checked before the call starts: a refusal here never reaches the network.
    createListing: async (listing, signal) => adapter.createListing(branded(listing), signal),
    updateListing: async (itemId, listing, signal) => adapter.updateListing(itemId, branded(listing), signal),
    findBySellerSkus: (skus, signal) => adapter.findBySellerSkus(skus, signal),
  };
}
