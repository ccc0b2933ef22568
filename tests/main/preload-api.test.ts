import { describe, expect, it } from 'vitest';
import { buildApi, type Transport } from '../../electron/preload/api';
import {
  CHANNELS,
  EVENT_NAMES,
  PRELOAD_ONLY_CHANNELS,
  type Channel,
  type EventName,
} from '../../electron/shared/channels';

/**
 * A transport that records what reaches it. The real one is `ipcRenderer`, which cannot
 * run outside Electron; what is under test is the allowlist in front of it.
 */
function recordingTransport() {
  const invoked: { channel: Channel; input: unknown }[] = [];
  const subscribed: EventName[] = [];
  const senders = new Map<EventName, (payload: unknown) => void>();
  const transport: Transport = {
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return { ok: true, value: `answer from ${channel}` };
    },
    subscribe: (event, listener) => {
      subscribed.push(event);
      senders.set(event, listener);
      return () => senders.delete(event);
    },
    // Stands in for webUtils.getPathForFile: only files "from disk" (named /disk/...) have one.
    pathForFile: (file) => (file.name.startsWith('disk-') ? `/media/usb/${file.name}` : ''),
  };
  /** What main's `webContents.send` does: deliver one event to the page. */
  const send = (event: EventName, payload: unknown) => senders.get(event)?.(payload);
  return { transport, invoked, subscribed, send };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** For calling the typed API with values the types forbid, as a hostile page would. */
type Untyped = {
  invoke(channel: unknown, input?: unknown): Promise<unknown>;
  on(event: unknown, fn: unknown): unknown;
};

describe('buildApi (window.api)', () => {
  it('exposes exactly invoke, on and importDroppedPhotos, frozen', () => {
    const api = buildApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['importDroppedPhotos', 'invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards every contract channel the page may use with its input', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport) as unknown as Untyped;
    const open = CHANNELS.filter((channel) => !PRELOAD_ONLY_CHANNELS.includes(channel));
    for (const channel of open) {
      expect(await api.invoke(channel, { id: 1 })).toEqual({ ok: true, value: `answer from ${channel}` });
    }
    expect(invoked).toEqual(open.map((channel) => ({ channel, input: { id: 1 } })));
  });

  it('never lets the page name file paths: dropped photos go through the preload only', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport);
    const hostile = api as unknown as Untyped;
    expect(await hostile.invoke('photos:importDropped', { sellerId: 1, paths: ['/etc/passwd'] })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    // Files the page made itself have no path; other values are not files at all.
    const made = new File(['x'], 'made-by-page.jpg');
    expect(await api.importDroppedPhotos([made], { sellerId: 1 })).toBeNull();
    expect(await api.importDroppedPhotos([{ name: 'disk-fake.jpg' } as unknown as File], { sellerId: 1 })).toBeNull();
    expect(invoked).toEqual([]);
    const dropped = new File(['x'], 'disk-KR-01.jpg');
    expect(await api.importDroppedPhotos([dropped, made], { sellerId: 1 })).toEqual({
      ok: true,
      value: 'answer from photos:importDropped',
    });
    expect(invoked).toEqual([
      { channel: 'photos:importDropped', input: { sellerId: 1, paths: ['/media/usb/disk-KR-01.jpg'] } },
    ]);
  });

  it('refuses an unknown channel without calling main', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport) as unknown as Untyped;
    for (const channel of [
      'sellers:drop',
      'akar:sellers:list',
      'SELLERS:LIST',
      '__proto__',
      'constructor',
      'toString',
      '',
      'x'.repeat(10_000),
      undefined,
      42,
      ['sellers:list'],
      // String() would throw on these two.
      { toString: 1 },
      Object.create(null) as object,
    ]) {
      const result = (await api.invoke(channel, {})) as { ok: boolean; error: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('unknown_channel');
      expect(result.error.message.length).toBeLessThan(200);
    }
    expect(invoked).toEqual([]);
  });

  it('listens to every event once, from the start, and fans out to subscribers', async () => {
    const { transport, subscribed, send } = recordingTransport();
    const api = buildApi(transport);
    expect(subscribed).toEqual([...EVENT_NAMES]);
    const heard: unknown[] = [];
    const off = api.on('connectivity', (payload) => heard.push(payload));
    send('connectivity', { online: false });
    off();
    send('connectivity', { online: true });
    await tick();
    expect(heard).toEqual([{ online: false }]);
    expect(subscribed).toEqual([...EVENT_NAMES]);
  });

  it('gives a late subscriber the latest state main reported before it listened', async () => {
    const { transport, send } = recordingTransport();
    const api = buildApi(transport);
    send('connectivity', { online: false });
    send('connectivity', { online: true });
    const heard: unknown[] = [];
    api.on('connectivity', (payload) => heard.push(payload));
    expect(heard).toEqual([]); // delivered asynchronously, like any event
    await tick();
    expect(heard).toEqual([{ online: true }]);
    // Unsubscribing before delivery means no delivery.
    const missed: unknown[] = [];
    api.on('connectivity', (payload) => missed.push(payload))();
    await tick();
    expect(missed).toEqual([]);
  });

  it('ignores unknown events and listeners that are not functions', () => {
    const { transport, subscribed } = recordingTransport();
    const api = buildApi(transport) as unknown as Untyped;
    subscribed.length = 0; // the subscriptions buildApi itself makes

    for (const event of ['ipc-message', '__proto__', 'progress ', '', undefined]) {
      const off = api.on(event, () => undefined);
      expect(typeof off).toBe('function');
      expect(() => (off as () => void)()).not.toThrow();
    }
    api.on('progress', 'not a function');
    expect(subscribed).toEqual([]);
  });
});
