import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import type { StateCounts } from '../../shared/uploads';
import { heldLeaseSchema, leaseHolderSchema, type LeaseClaim, type LeaseHolder } from './lease';
import {
  readUploadRow,
  SENDING_STATES,
  UPLOAD_STATES,
  type UploadError,
  type UploadRow,
  type UploadState,
} from './rows';

const SENDING = SENDING_STATES.map((state) => `'${state}'`).join(', ');

export type { StateCounts };

/**
 * The outbox table. Every method is one statement or runs inside the caller's
 * transaction; each recovery point the engine reaches is one short write transaction, so
 * what the database says after a crash is the last point reached.
 */
export class OutboxStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

  get(id: number): UploadRow | undefined {
    const raw = cached(this.db, 'SELECT * FROM uploads WHERE id = ?').get(id);
    return raw === undefined ? undefined : readUploadRow(raw);
  }

  forProduct(productId: number, connectionId: number): UploadRow | undefined {
    const raw = cached(this.db, 'SELECT * FROM uploads WHERE product_id = ? AND connection_id = ?').get(
      productId,
      connectionId,
    );
    return raw === undefined ? undefined : readUploadRow(raw);
  }

  /**
   * Puts a product in the queue, or back in it (after a fix, a skip, or to send changes
   * to a live listing). The row keeps its `item_id`: a listing made before is updated,
   * never made a second time. A row still being sent, or a listing whose product has not
   * changed since it was sent (`productVersion` is the product's updated_at), is left as it is.
   * True when the product is (still) waiting to be sent.
   */
  enqueue(productId: number, sellerId: number, connectionId: number, productVersion: string): boolean {
    const existing = this.forProduct(productId, connectionId);
    const now = this.now();
    if (existing === undefined) {
      cached(
        this.db,
        `INSERT INTO uploads (product_id, connection_id, seller_id, state, queued_at, updated_at)
         VALUES (?, ?, ?, 'queued', ?, ?)`,
      ).run(productId, connectionId, sellerId, now, now);
      return true;
    }
    if (SENDING_STATES.includes(existing.state)) return true;
    const unchanged =
      (existing.state === 'in_qc' || existing.state === 'live') && existing.sent_version === productVersion;
    if (unchanged) return false;
    cached(
      this.db,
      `UPDATE uploads SET state = 'queued', attempts = 0, next_attempt_at = NULL, error = NULL,
         images_total = 0, images_done = 0, bytes_total = 0, bytes_sent = 0,
         queued_at = ?, updated_at = ?, finished_at = NULL
       WHERE id = ?`,
    ).run(now, now, existing.id);
    return true;
  }

  /**
   * Claims rows with work to send whose next attempt is due, oldest first, for
   * `claim.owner`: rows no one holds, rows it holds already, and rows whose lease expired
   * or whose holder is dead (lease.ts). Rows another live Akar holds are left to it. Runs
   * in the caller's write transaction, so finding a row and claiming it are one step: two
   * processes never claim the same row.
   */
  claimDue(connectionId: number, limit: number, excluding: readonly number[], claim: LeaseClaim): UploadRow[] {
    const dead = this.othersHolding(connectionId, claim)
      .filter((holder) => !claim.alive(holder))
      .map((holder) => holder.owner);
    const ids = cachedPluck(
      this.db,
      `SELECT id FROM uploads
       WHERE connection_id = ? AND state IN (${SENDING})
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         AND id NOT IN (SELECT value FROM json_each(?))
         AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?
              OR lease_owner IN (SELECT value FROM json_each(?)))
       ORDER BY id LIMIT ?`,
    ).all(connectionId, this.now(), JSON.stringify(excluding), claim.owner.id, claim.now, JSON.stringify(dead), limit);
    const json = JSON.stringify(ids);
    cached(
      this.db,
      `UPDATE uploads SET lease_owner = ?, lease_pid = ?, lease_host = ?, lease_until = ?
       WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(claim.owner.id, claim.owner.pid, claim.owner.host, claim.until, json);
    return cached(this.db, 'SELECT * FROM uploads WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json)
      .map(readUploadRow);
  }

  /** The other owners holding unexpired leases on rows of the shop that still have work to send. */
  private othersHolding(connectionId: number, claim: LeaseClaim): LeaseHolder[] {
    return cached(
      this.db,
      `SELECT DISTINCT lease_owner AS owner, lease_pid AS pid, lease_host AS host FROM uploads
       WHERE connection_id = ? AND state IN (${SENDING})
         AND lease_owner IS NOT NULL AND lease_owner != ? AND lease_until > ?`,
    )
      .all(connectionId, claim.owner.id, claim.now)
      .map((raw) => leaseHolderSchema.parse(raw));
  }

  /**
   * How many rows with work left another owner holds (alive or not, expired or not): a
   * drain that finds none to claim waits for these rather than reporting the shop done.
   */
  heldByOthers(connectionId: number, ownerId: string): number {
    const value = cached(
      this.db,
      `SELECT count(*) AS n FROM uploads
       WHERE connection_id = ? AND state IN (${SENDING}) AND lease_owner IS NOT NULL AND lease_owner != ?`,
    ).get(connectionId, ownerId) as { n: number } | undefined;
    return value?.n ?? 0;
  }

  /**
   * Extends the owner's lease on the row. False when the owner no longer holds it (another
   * process took it over after it expired, or the user skipped the row): the caller must
   * stop working on the row and write nothing more to it.
   */
  renewLease(id: number, ownerId: string, until: string): boolean {
    const result = cached(this.db, 'UPDATE uploads SET lease_until = ? WHERE id = ? AND lease_owner = ?').run(
      until,
      id,
      ownerId,
    );
    return result.changes === 1;
  }

  /** The owner stopped working on the row; it is anyone's again when due. */
  releaseLease(id: number, ownerId: string): void {
    cached(
      this.db,
      `UPDATE uploads SET lease_owner = NULL, lease_pid = NULL, lease_host = NULL, lease_until = NULL
       WHERE id = ? AND lease_owner = ?`,
    ).run(id, ownerId);
  }

  /**
   * Claims the upload of one photo (by sha256, per shop) that is not in the photo cache:
   * true when no one else is sending it now, false when another live owner is. Two
   * listings with the same photo, sent by two processes, thus send it once. Runs in the
   * caller's write transaction.
   */
  claimImage(connectionId: number, sha256: string, claim: LeaseClaim): boolean {
    const raw = cached(
      this.db,
      'SELECT owner, pid, host, until FROM remote_image_leases WHERE connection_id = ? AND sha256 = ?',
    ).get(connectionId, sha256);
    if (raw !== undefined) {
      const held = heldLeaseSchema.parse(raw);
      const mine = held.owner === claim.owner.id;
      if (!mine && held.until > claim.now && claim.alive(held)) return false;
    }
    cached(
      this.db,
      `INSERT INTO remote_image_leases (connection_id, sha256, owner, pid, host, until) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (connection_id, sha256) DO UPDATE SET
         owner = excluded.owner, pid = excluded.pid, host = excluded.host, until = excluded.until`,
    ).run(connectionId, sha256, claim.owner.id, claim.owner.pid, claim.owner.host, claim.until);
    return true;
  }

  /** Extends the owner's claim on a photo it is still sending; false when it no longer holds it. */
  renewImageLease(connectionId: number, sha256: string, ownerId: string, until: string): boolean {
    const result = cached(
      this.db,
      'UPDATE remote_image_leases SET until = ? WHERE connection_id = ? AND sha256 = ? AND owner = ?',
    ).run(until, connectionId, sha256, ownerId);
    return result.changes === 1;
  }

  /** The owner's upload of the photo ended (its URL is cached, or it failed). */
  releaseImageLease(connectionId: number, sha256: string, ownerId: string): void {
    cached(this.db, 'DELETE FROM remote_image_leases WHERE connection_id = ? AND sha256 = ? AND owner = ?').run(
      connectionId,
      sha256,
      ownerId,
    );
  }

  /**
   * When the earliest waiting row `ownerId` may claim may be tried again (ISO time), or null
   * when none waits. Rows another owner holds are left out: their `next_attempt_at` may be
   * long past while that one sends them, and the drain waits for those by `heldByOthers`.
   */
  nextWake(connectionId: number, ownerId: string): string | null {
    const value = cached(
      this.db,
      `SELECT min(next_attempt_at) AS at FROM uploads
       WHERE connection_id = ? AND state IN (${SENDING}) AND next_attempt_at IS NOT NULL
         AND (lease_owner IS NULL OR lease_owner = ?)`,
    ).get(connectionId, ownerId) as { at: string | null } | undefined;
    return value?.at ?? null;
  }

  inQc(connectionId: number, limit: number, afterId = 0): UploadRow[] {
    return cached(
      this.db,
      `SELECT * FROM uploads WHERE connection_id = ? AND state = 'in_qc' AND id > ? ORDER BY id LIMIT ?`,
    )
      .all(connectionId, afterId, limit)
      .map(readUploadRow);
  }

  counts(connectionId: number): StateCounts {
    const counts = Object.fromEntries(UPLOAD_STATES.map((state) => [state, 0])) as Record<UploadState, number>;
    const rows = cached(this.db, 'SELECT state, count(*) AS n FROM uploads WHERE connection_id = ? GROUP BY state').all(
      connectionId,
    ) as { state: UploadState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  list(connectionId: number): UploadRow[] {
    return cached(this.db, 'SELECT * FROM uploads WHERE connection_id = ? ORDER BY id')
      .all(connectionId)
      .map(readUploadRow);
  }

  /** A recovery point: the row's new state and what came with it, in one write. */
  move(id: number, state: UploadState, changes: RowChanges = {}): void {
    const now = this.now();
    const finished = state === 'live' || state === 'rejected' || state === 'blocked' || state === 'skipped';
    cached(
      this.db,
      `UPDATE uploads SET state = @state,
         item_id = coalesce(@item_id, item_id),
         sku_ids = coalesce(@sku_ids, sku_ids),
         reject_reason = CASE WHEN @clear_reason THEN NULL ELSE coalesce(@reject_reason, reject_reason) END,
         error = @error,
         attempts = CASE WHEN @reset_attempts THEN 0 ELSE attempts END,
         next_attempt_at = NULL,
         images_total = coalesce(@images_total, images_total),
         images_done = coalesce(@images_done, images_done),
         bytes_total = coalesce(@bytes_total, bytes_total),
         bytes_sent = coalesce(@bytes_sent, bytes_sent),
         sent_version = coalesce(@sent_version, sent_version),
         updated_at = @now,
         finished_at = CASE WHEN @finished THEN @now ELSE NULL END
       WHERE id = @id`,
    ).run({
      id,
      state,
      now,
      finished: finished ? 1 : 0,
      item_id: changes.itemId ?? null,
      sku_ids: changes.skuIds === undefined ? null : JSON.stringify(changes.skuIds),
      reject_reason: changes.rejectReason ?? null,
      clear_reason: changes.clearRejectReason ? 1 : 0,
      error: changes.error === undefined ? null : JSON.stringify(changes.error),
      reset_attempts: changes.keepAttempts ? 0 : 1,
      images_total: changes.imagesTotal ?? null,
      images_done: changes.imagesDone ?? null,
      bytes_total: changes.bytesTotal ?? null,
      bytes_sent: changes.bytesSent ?? null,
      sent_version: changes.sentVersion ?? null,
    });
  }

  /**
   * Counts a create that may reach the marketplace; committed before the request goes.
   * Only from the count the caller read: when two processes send one outbox (the app and
   * the CLI), one of them wins and the other, finding the count moved, must look the
   * listing up before it sends anything. False for the loser.
   */
  markCreateSent(id: number, seen: number): boolean {
    const result = cached(
      this.db,
      'UPDATE uploads SET create_sent = create_sent + 1, updated_at = ? WHERE id = ? AND create_sent = ?',
    ).run(this.now(), id, seen);
    return result.changes === 1;
  }

  /** The attempt failed in a way worth trying again at `nextAttemptAt`; the state stays. */
  retryLater(id: number, error: UploadError, nextAttemptAt: string, countAttempt: boolean): void {
    cached(
      this.db,
      `UPDATE uploads SET error = ?, next_attempt_at = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?`,
    ).run(JSON.stringify(error), nextAttemptAt, countAttempt ? 1 : 0, this.now(), id);
  }

  /**
   * Taken out of the queue by the user; an upload that may already be on its way cannot be.
   * The lease goes with it, so an engine sending the row's photos stops at its next step
   * instead of moving the row on (every step checks the lease first).
   */
  skip(id: number): boolean {
    const result = cached(
      this.db,
      `UPDATE uploads SET state = 'skipped', next_attempt_at = NULL, updated_at = ?, finished_at = ?,
         lease_owner = NULL, lease_pid = NULL, lease_host = NULL, lease_until = NULL
       WHERE id = ? AND state IN ('queued', 'images', 'blocked')`,
    ).run(this.now(), this.now(), id);
    return result.changes === 1;
  }

  /** Try now rather than at the backoff time (the user pressed "Coba lagi"). */
  retryNow(id: number): boolean {
    const result = cached(
      this.db,
      `UPDATE uploads SET next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state IN (${SENDING})`,
    ).run(this.now(), id);
    return result.changes === 1;
  }
}

export interface RowChanges {
  readonly itemId?: string;
  readonly skuIds?: Readonly<Record<string, string>>;
  readonly rejectReason?: string;
  readonly clearRejectReason?: boolean;
  readonly error?: UploadError;
  /** Keep the attempt count (a step inside one attempt); otherwise a new state starts at 0. */
  readonly keepAttempts?: boolean;
  readonly imagesTotal?: number;
  readonly imagesDone?: number;
  readonly bytesTotal?: number;
  readonly bytesSent?: number;
  /** The product version whose content the marketplace now has. */
  readonly sentVersion?: string;
}
