import { z } from 'zod';
import { MarketplaceFailure } from '../marketplace/adapter';
import type { LazadaTokens } from '../marketplace/lazada/oauth';
import type { SecretStore } from './secrets';

/** A shop's tokens as kept in the secret store (times are ms since the epoch). */
export const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  expiresAt: z.number().optional(),
  refreshExpiresAt: z.number().optional(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** Refresh this long before the access token expires, so no call goes out with a dying one. */
const REFRESH_MARGIN_MS = 10 * 60_000;

export const tokenSecret = (connectionId: number) => `tokens:${connectionId}`;
export const appSecretName = (marketplace: string, appKey: string) => `app-secret:${marketplace}:${appKey}`;

export function storedFrom(tokens: LazadaTokens): StoredTokens {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    refreshExpiresAt: tokens.refreshExpiresAt,
  };
}

/**
 * The access token for each call of one shop. When it is about to expire it is refreshed
 * first, and the new pair is stored before it is used: a refresh token may be single-use
 * (Shopee's are; Lazada's are not documented), and losing the new one would force the
 * participant to authorise again. Refreshes of one shop never run twice at once.
 */
export class TokenSource {
  private refreshing: Promise<StoredTokens> | null = null;

  constructor(
    private readonly secrets: SecretStore,
    private readonly connectionId: number,
    private readonly refresh: (refreshToken: string) => Promise<LazadaTokens>,
    private readonly onRefreshed: (tokens: StoredTokens) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(): Promise<string> {
    const tokens = await this.read();
    const expiring = tokens.expiresAt !== undefined && tokens.expiresAt - this.now() < REFRESH_MARGIN_MS;
    if (!expiring) return tokens.accessToken;
    if (tokens.refreshToken === undefined || (tokens.refreshExpiresAt ?? Infinity) <= this.now()) {
      if ((tokens.expiresAt ?? 0) > this.now()) return tokens.accessToken;
      throw new MarketplaceFailure('auth', 'the access token expired and cannot be refreshed');
    }
    const refreshToken = tokens.refreshToken;
    this.refreshing ??= (async () => {
      try {
        const fresh = storedFrom(await this.refresh(refreshToken));
        await this.secrets.set(tokenSecret(this.connectionId), JSON.stringify(fresh));
        this.onRefreshed(fresh);
        return fresh;
      } finally {
        this.refreshing = null;
      }
    })();
    return (await this.refreshing).accessToken;
  }

  private async read(): Promise<StoredTokens> {
    const text = await this.secrets.get(tokenSecret(this.connectionId));
    if (text === null) throw new MarketplaceFailure('auth', 'no token is stored for this shop');
    const parsed = storedTokensSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new MarketplaceFailure('auth', 'the stored token is damaged');
    return parsed.data;
  }
}
