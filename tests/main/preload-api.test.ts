import { describe, expect, it } from 'vitest';
import { buildApi, type Transport } from '../../electron/preload/api';
import { CHANNELS, EVENT_NAMES, type Channel, type EventName } from '../../electron/shared/channels';

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
  it('exposes exactly invoke and on, frozen', () => {
    const api = buildApi(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards every contract channel with its input', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport) as unknown as Untyped;
    for (const channel of CHANNELS) {
      expect(await api.invoke(channel, { id: 1 })).toEqual({ ok: true, value: `answer from ${channel}` });
    }
    expect(invoked).toEqual(CHANNELS.map((channel) => ({ channel, input: { id: 1 } })));
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
