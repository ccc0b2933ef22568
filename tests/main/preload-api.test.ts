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
  const unsubscribed: EventName[] = [];
  const transport: Transport = {
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return { ok: true, value: `answer from ${channel}` };
    },
    subscribe: (event) => {
      subscribed.push(event);
      return () => unsubscribed.push(event);
    },
  };
  return { transport, invoked, subscribed, unsubscribed };
}

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

  it('subscribes to known events and hands back the unsubscribe', () => {
    const { transport, subscribed, unsubscribed } = recordingTransport();
    const api = buildApi(transport);
    for (const event of EVENT_NAMES) {
      const off = api.on(event, () => undefined);
      off();
    }
    expect(subscribed).toEqual([...EVENT_NAMES]);
    expect(unsubscribed).toEqual([...EVENT_NAMES]);
  });

  it('ignores unknown events and listeners that are not functions', () => {
    const { transport, subscribed } = recordingTransport();
    const api = buildApi(transport) as unknown as Untyped;
    for (const event of ['ipc-message', '__proto__', 'progress ', '', undefined]) {
      const off = api.on(event, () => undefined);
      expect(typeof off).toBe('function');
      expect(() => (off as () => void)()).not.toThrow();
    }
    api.on('progress', 'not a function');
    expect(subscribed).toEqual([]);
  });
});
