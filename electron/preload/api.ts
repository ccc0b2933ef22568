import { CHANNELS, EVENT_NAMES, type Channel, type EventName } from '../shared/channels';
import type { AkarApi, IpcResult } from '../shared/contract';

/**
 * Builds `window.api` from two transport functions. The real preload passes
 * `ipcRenderer`-based ones; the end-to-end tests pass a Playwright binding, so both run
 * this same allowlist. Kept free of `electron` imports for that reason.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

export function buildApi(transport: Transport): AkarApi {
  const api = {
    invoke(channel: Channel, input: unknown): Promise<IpcResult<Channel>> {
      if (!channels.has(channel)) {
        return Promise.resolve({
          ok: false,
          // Not String(channel): it throws for objects without a usable toString.
          error: {
            code: 'unknown_channel',
            message: `Unknown channel ${typeof channel === 'string' ? channel.slice(0, 100) : `(${typeof channel})`}`,
          },
        });
      }
      return transport.invoke(channel, input) as Promise<IpcResult<Channel>>;
    },
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      if (!events.has(event) || typeof listener !== 'function') return () => undefined;
      return transport.subscribe(event, listener);
    },
  };
  // The generic signatures of AkarApi are enforced at the call sites; main re-validates
  // every input, so widening here loses no safety.
  return Object.freeze(api) as unknown as AkarApi;
}
