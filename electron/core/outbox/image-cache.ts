import type { Db } from '../db/open';
import { cached } from '../db/statements';

/**
 * Each photo's marketplace URL, by the sha256 of the bytes that were sent, per shop. The
 * row is written right after the marketplace answered, so a photo is sent again only when
 * the answer was lost (a crash or a dropped link between sending and writing).
 */
export class RemoteImageCache {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
  ) {}

  get(connectionId: number, sha256: string): string | undefined {
    const row = cached(this.db, 'SELECT url FROM remote_images WHERE connection_id = ? AND sha256 = ?').get(
      connectionId,
      sha256,
    ) as { url: string } | undefined;
    return row?.url;
  }

  put(connectionId: number, sha256: string, url: string, bytes: number): void {
    cached(
      this.db,
      `INSERT INTO remote_images (connection_id, sha256, url, bytes, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (connection_id, sha256) DO UPDATE SET url = excluded.url`,
    ).run(connectionId, sha256, url, bytes, this.now());
  }
}
