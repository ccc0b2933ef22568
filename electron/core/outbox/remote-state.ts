import type { RemoteStatus } from '../marketplace/adapter';
import type { UploadState } from './rows';

/**
 * Where a listing found on the marketplace leaves its outbox row. An inactive listing
 * exists and passed QC (the seller switched it off), so for Akar it is live; a deleted one
 * holds its SellerSkus but shows nothing to buyers, so the row is blocked with a reason.
 */
export function remoteState(status: RemoteStatus): UploadState {
  switch (status) {
    case 'pending_qc':
      return 'in_qc';
    case 'live':
    case 'inactive':
      return 'live';
    case 'rejected':
      return 'rejected';
    case 'deleted':
      return 'blocked';
  }
}
