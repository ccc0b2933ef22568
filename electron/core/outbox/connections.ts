import { z } from 'zod';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { notFound } from '../errors';
import { MARKETPLACE_IDS, type MarketplaceId } from '../marketplace/adapter';

export const connectionRowSchema = z.object({
  id: z.number().int().positive(),
  seller_id: z.number().int().positive(),
  marketplace: z.enum(MARKETPLACE_IDS),
  api_url: z.url(),
  auth_url: z.url(),
  app_key: z.string().min(1),
  account_id: z.string().nullable(),
  short_code: z.string().nullable(),
  access_expires_at: z.string().nullable(),
  refresh_expires_at: z.string().nullable(),
  state: z.enum(['connected', 'needs_reconnect']),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ConnectionRow = z.output<typeof connectionRowSchema>;

export interface NewConnection {
  readonly sellerId: number;
  readonly marketplace: MarketplaceId;
  readonly apiUrl: string;
  readonly authUrl: string;
  readonly appKey: string;
  readonly accountId?: string;
  readonly shortCode?: string;
  readonly accessExpiresAt?: string;
  readonly refreshExpiresAt?: string;
}

/** One participant's shop per marketplace; the tokens themselves are in the secret store. */
export class ConnectionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

  get(id: number): ConnectionRow {
    const raw = cached(this.db, 'SELECT * FROM marketplace_connections WHERE id = ?').get(id);
    if (raw === undefined) throw notFound('connection', id);
    return connectionRowSchema.parse(raw);
  }

  find(sellerId: number, marketplace: MarketplaceId): ConnectionRow | undefined {
    const raw = cached(this.db, 'SELECT * FROM marketplace_connections WHERE seller_id = ? AND marketplace = ?').get(
      sellerId,
      marketplace,
    );
    return raw === undefined ? undefined : connectionRowSchema.parse(raw);
  }

  list(sellerId?: number): ConnectionRow[] {
    const rows =
      sellerId === undefined
        ? cached(this.db, 'SELECT * FROM marketplace_connections ORDER BY id').all()
        : cached(this.db, 'SELECT * FROM marketplace_connections WHERE seller_id = ? ORDER BY id').all(sellerId);
    return rows.map((raw) => connectionRowSchema.parse(raw));
  }

  /** Connects (or reconnects) a participant's shop; the same row is kept, so its queue and photo cache stay. */
  upsert(connection: NewConnection): ConnectionRow {
    const now = this.now();
    cached(
      this.db,
      `INSERT INTO marketplace_connections (seller_id, marketplace, api_url, auth_url, app_key, account_id,
         short_code, access_expires_at, refresh_expires_at, state, created_at, updated_at)
       VALUES (@sellerId, @marketplace, @apiUrl, @authUrl, @appKey, @accountId, @shortCode, @accessExpiresAt,
         @refreshExpiresAt, 'connected', @now, @now)
       ON CONFLICT (seller_id, marketplace) DO UPDATE SET api_url = excluded.api_url, auth_url = excluded.auth_url,
         app_key = excluded.app_key, account_id = excluded.account_id, short_code = excluded.short_code,
         access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at,
         state = 'connected', updated_at = excluded.updated_at`,
    ).run({
      sellerId: connection.sellerId,
      marketplace: connection.marketplace,
      apiUrl: connection.apiUrl,
      authUrl: connection.authUrl,
      appKey: connection.appKey,
      accountId: connection.accountId ?? null,
      shortCode: connection.shortCode ?? null,
      accessExpiresAt: connection.accessExpiresAt ?? null,
      refreshExpiresAt: connection.refreshExpiresAt ?? null,
      now,
    });
    const row = this.find(connection.sellerId, connection.marketplace);
    if (row === undefined) throw new Error('the connection just written is missing');
    return row;
  }

  tokensRefreshed(id: number, accessExpiresAt: string, refreshExpiresAt: string | null): void {
    cached(
      this.db,
      `UPDATE marketplace_connections SET access_expires_at = ?, refresh_expires_at = coalesce(?, refresh_expires_at),
         state = 'connected', updated_at = ? WHERE id = ?`,
    ).run(accessExpiresAt, refreshExpiresAt, this.now(), id);
  }

  /** The marketplace answers at another address now (the practice marketplace restarted). */
  moveTo(id: number, apiUrl: string, authUrl: string): void {
    cached(this.db, 'UPDATE marketplace_connections SET api_url = ?, auth_url = ?, updated_at = ? WHERE id = ?').run(
      apiUrl,
      authUrl,
      this.now(),
      id,
    );
  }

  needsReconnect(id: number): void {
    cached(this.db, `UPDATE marketplace_connections SET state = 'needs_reconnect', updated_at = ? WHERE id = ?`).run(
      this.now(),
      id,
    );
  }
}
