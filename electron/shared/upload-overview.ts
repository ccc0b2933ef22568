import type { Connection, Marketplace, StateCounts } from './uploads';

/**
 * The trainer's view of every participant's shop on this laptop: what is waiting, in
 * review, live or refused, and whether the outbox sends itself.
 */
export interface ShopOverview {
  readonly sellerId: number;
  readonly sellerName: string;
  readonly marketplace: Marketplace;
  readonly state: Connection['state'];
  readonly account: string | null;
  readonly counts: StateCounts;
  /** Photos and bytes of listings still being sent (for "x of y photos"). */
  readonly imagesDone: number;
  readonly imagesTotal: number;
  readonly bytesSent: number;
  readonly bytesTotal: number;
}

export interface UploadOverview {
  readonly shops: readonly ShopOverview[];
  readonly totals: StateCounts;
  /** Whether the outbox is sent by itself whenever the marketplace can be reached. */
  readonly autoUpload: boolean;
}
