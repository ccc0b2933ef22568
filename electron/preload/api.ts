import {
  CHANNELS,
  EVENT_NAMES,
  PRELOAD_ONLY_CHANNELS,
  unknownChannelError,
  type Channel,
  type EventName,
} from '../shared/channels';
import type { AkarApi, IpcResult } from '../shared/contract';

/**
 * Builds `window.api` from two transport functions. The real preload passes
 * `ipcRenderer`-based ones; the end-to-end tests pass a Playwright binding, so both run
 * this same allowlist. Kept free of `electron` imports for that reason.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** The path on disk of a file the user dropped; '' for a File the page made itself. */
  pathForFile(file: File): string;
}

// What the page may invoke: every channel but the preload's own.
const channels = new Set<string>(CHANNELS.filter((channel) => !PRELOAD_ONLY_CHANNELS.includes(channel)));

export function buildApi(transport: Transport): AkarApi {
  // Events are heard from the start and the latest of each is kept: main reports state
  // (online or not, a running job's progress) right after the page loads, usually before
  // the UI has subscribed, and a late subscriber must still see where things stand.
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const latest = new Map<EventName, unknown>();
  for (const event of EVENT_NAMES) {
    const set = new Set<(payload: unknown) => void>();
    listeners.set(event, set);
    transport.subscribe(event, (payload) => {
      latest.set(event, payload);
      for (const listener of [...set]) listener(payload);
    });
  }

  const api = {
    invoke(channel: Channel, input: unknown): Promise<IpcResult<Channel>> {
      if (!channels.has(channel)) {
        return Promise.resolve({ ok: false, error: unknownChannelError(channel) });
      }
      return transport.invoke(channel, input) as Promise<IpcResult<Channel>>;
    },
    async importDroppedPhotos(files: readonly File[], input: object): Promise<IpcResult<Channel> | null> {
      const paths: string[] = [];
      for (const file of Array.isArray(files) ? files : []) {
        // Only real File objects: anything else the page passes is not a dropped file.
        const path = file instanceof File ? transport.pathForFile(file) : '';
        if (path) paths.push(path);
      }
      if (paths.length === 0) return null;
      return (await transport.invoke('photos:importDropped', { ...input, paths })) as IpcResult<Channel>;
    },
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(event);
      if (!set || typeof listener !== 'function') return () => undefined;
      set.add(listener);
      if (latest.has(event)) {
        const payload = latest.get(event);
        // Asynchronously, like any other event, and only if still subscribed by then.
        queueMicrotask(() => {
          if (set.has(listener)) listener(payload);
        });
      }
      return () => {
        set.delete(listener);
      };
    },
  };
  // The generic signatures of AkarApi are enforced at the call sites; main re-validates
  // every input, so widening here loses no safety.
  return Object.freeze(api) as unknown as AkarApi;
}
