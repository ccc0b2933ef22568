import type { Db } from '../db/open';
import { cached } from '../db/statements';
import type { ShopOverview, UploadOverview } from '../../shared/upload-overview';
import { UPLOAD_STATES, type Marketplace, type UploadState } from '../../shared/uploads';

interface Row {
  readonly sellerId: number;
  readonly sellerName: string;
  readonly marketplace: Marketplace;
  readonly state: 'connected' | 'needs_reconnect';
  readonly account: string | null;
  readonly uploadState: UploadState | null;
  readonly n: number;
  readonly imagesDone: number;
  readonly imagesTotal: number;
  readonly bytesSent: number;
  readonly bytesTotal: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SENDING = "('queued', 'images', 'creating', 'updating')";

function zeroCounts(): Record<UploadState, number> {
  return Object.fromEntries(UPLOAD_STATES.map((state) => [state, 0])) as Record<UploadState, number>;
}

/**
 * Every connected (or once connected) shop of participants not in the trash, with its
 * listings counted by state: one grouped query over the outbox's indexes, so it stays
 * cheap with thousands of rows.
 */
export function uploadOverview(db: Db, autoUpload: boolean): UploadOverview {
  const rows = cached(
    db,
    `SELECT c.seller_id AS sellerId, s.name AS sellerName, c.marketplace AS marketplace, c.state AS state,
         coalesce(c.short_code, c.account_id) AS account, u.state AS uploadState, count(u.id) AS n,
         coalesce(sum(CASE WHEN u.state IN ${SENDING} THEN u.images_done END), 0) AS imagesDone,
         coalesce(sum(CASE WHEN u.state IN ${SENDING} THEN u.images_total END), 0) AS imagesTotal,
         coalesce(sum(CASE WHEN u.state IN ${SENDING} THEN u.bytes_sent END), 0) AS bytesSent,
         coalesce(sum(CASE WHEN u.state IN ${SENDING} THEN u.bytes_total END), 0) AS bytesTotal
       FROM marketplace_connections c
         JOIN sellers s ON s.id = c.seller_id AND s.deleted_at IS NULL
         LEFT JOIN uploads u ON u.connection_id = c.id
       GROUP BY c.id, u.state
       ORDER BY s.name COLLATE NOCASE, s.id, c.marketplace`,
  ).all() as Row[];
  const shops = new Map<string, Mutable<ShopOverview> & { counts: Record<UploadState, number> }>();
  const totals = zeroCounts();
  for (const row of rows) {
    const key = `${row.sellerId}:${row.marketplace}`;
    let shop = shops.get(key);
    if (shop === undefined) {
      shop = {
        sellerId: row.sellerId,
        sellerName: row.sellerName,
        marketplace: row.marketplace,
        state: row.state,
        account: row.account,
        counts: zeroCounts(),
        imagesDone: 0,
        imagesTotal: 0,
        bytesSent: 0,
        bytesTotal: 0,
      };
      shops.set(key, shop);
    }
    if (row.uploadState === null) continue;
    shop.counts[row.uploadState] += row.n;
    totals[row.uploadState] += row.n;
    shop.imagesDone += row.imagesDone;
    shop.imagesTotal += row.imagesTotal;
    shop.bytesSent += row.bytesSent;
    shop.bytesTotal += row.bytesTotal;
  }
  return { shops: [...shops.values()], totals, autoUpload };
}
