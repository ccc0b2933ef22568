import { buildApi } from '../../../electron/preload/api';

/**
 * The test stand-in for electron/preload/index.ts, bundled for the browser: the same
 * `buildApi` allowlist, with the Playwright binding instead of ipcRenderer. Events come
 * from the test through `__akarEmit` instead of `ipcRenderer.on`.
 */
type Listener = (payload: unknown) => void;
type DropPaths = { __akarDropPaths?: Record<string, string> };

interface BridgeWindow {
  __akarInvoke(channel: string, input: unknown): Promise<unknown>;
}

const listeners = new Map<string, Set<Listener>>();
const host = window as unknown as BridgeWindow;

const api = buildApi({
  // structuredClone mimics Electron's IPC copy: the page never shares objects with main.
  invoke: (channel, input) => host.__akarInvoke(channel, structuredClone(input)),
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  // Electron's webUtils.getPathForFile knows where a dropped file lives; here the test says
  // it (window.__akarDropPaths, by file name), playing the part of the operating system.
  pathForFile: (file) => (window as unknown as DropPaths).__akarDropPaths?.[file.name] ?? '',
});

// contextBridge exposes a read-only property; do the same.
Object.defineProperty(window, 'api', { value: api, enumerable: true });
Object.defineProperty(window, '__akarEmit', {
  value: (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
  },
});
