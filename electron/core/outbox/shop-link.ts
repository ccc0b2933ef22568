import { LazadaAdapter } from '../marketplace/lazada/lazada-adapter';
import { ServerClock } from '../marketplace/lazada/clock';
import { refreshToken } from '../marketplace/lazada/oauth';
import { LazadaTransport } from '../marketplace/lazada/transport';
import type { ConnectionRow } from './connections';
import { TokenSource, type StoredTokens } from './tokens';
import type { SecretStore } from './secrets';

/** What the engine talks to for one shop, and the clock it learned from the marketplace. */
export interface ShopLink {
  readonly adapter: LazadaAdapter;
  readonly clock: ServerClock;
  readonly transport: LazadaTransport;
}

export interface ShopLinkOptions {
  readonly connection: ConnectionRow;
  readonly appSecret: string;
  readonly secrets: SecretStore;
  readonly onRefreshed: (tokens: StoredTokens) => void;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * The Lazada client for one connected shop: API and auth transports sharing one server
 * clock, and the token source that refreshes before expiry. The practice marketplace is
 * the same client at a local address.
 */
export function shopLink(options: ShopLinkOptions): ShopLink {
  const { connection } = options;
  const clock = new ServerClock();
  const common = {
    appKey: connection.app_key,
    appSecret: options.appSecret,
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  const transport = new LazadaTransport({ baseUrl: connection.api_url, ...common });
  const auth = new LazadaTransport({ baseUrl: connection.auth_url, ...common });
  const tokens = new TokenSource(
    options.secrets,
    connection.id,
    (refresh) => refreshToken(auth, refresh),
    options.onRefreshed,
  );
  const adapter = new LazadaAdapter({
    marketplace: connection.marketplace,
    transport,
    accessToken: () => tokens.accessToken(),
  });
  return { adapter, clock, transport };
}
