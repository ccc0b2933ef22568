import net from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createHandlers, dispatch } from '../../electron/main/handlers';
import type { Connection, PracticeInfo } from '../../electron/shared/uploads';
import { addSeller } from '../support/catalogue';
import { cancellingShell } from '../support/shell';
import { openTempCore, type TempCore } from '../support/temp';

/**
 * The upload channels' glue in main: the page never names where uploads go. For the practice
 * shop, main follows the practice marketplace to wherever it runs now (a free port, so
 * another one after the app restarts) before sending or asking about QC.
 */
let temp: TempCore | undefined;
afterEach(async () => {
  if (temp) {
    await temp.core.practice.stop({});
    temp.dispose();
  }
  temp = undefined;
});

function value<T>(answer: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

describe('upload channels', () => {
  it('refuses an endpoint or keepTrying from the page', async () => {
    temp = openTempCore();
    const handlers = createHandlers(temp.core, cancellingShell().shell);
    const seller = await addSeller(temp.core);
    for (const extra of [{ endpoint: 'http://evil.example/' }, { keepTrying: true }]) {
      const answer = await dispatch(handlers, 'uploads:drain', {
        sellerId: seller.id,
        marketplace: 'practice',
        ...extra,
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('follows the practice marketplace to its new address after a restart', async () => {
    temp = openTempCore();
    const handlers = createHandlers(temp.core, cancellingShell().shell);
    const seller = await addSeller(temp.core, 'Ibu Siti', { businessName: 'Kripik Bu Siti' });
    const first = value<Connection>(await dispatch(handlers, 'practice:connect', { sellerId: seller.id }));
    expect(first.state).toBe('connected');

    // The app restarts: the practice marketplace comes back on another port (the old one is
    // taken meanwhile, so it cannot land there again by chance).
    await temp.core.practice.stop({});
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(new URL(first.endpoint).port), '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const again = value<PracticeInfo>(await dispatch(handlers, 'practice:start', {}));
    expect(first.endpoint.startsWith(`${again.baseUrl}/`)).toBe(false);

    const qc = value<{ changed: number }>(
      await dispatch(handlers, 'uploads:followQc', { sellerId: seller.id, marketplace: 'practice' }),
    );
    expect(qc.changed).toBe(0);
    const [moved] = value<Connection[]>(await dispatch(handlers, 'uploads:connections', { sellerId: seller.id }));
    expect(moved?.endpoint).toBe(`${again.baseUrl}/rest`);
    expect(moved?.state).toBe('connected');

    // Sending works there too, with nothing to send.
    const report = value<{ outcome: string }>(
      await dispatch(handlers, 'uploads:drain', { sellerId: seller.id, marketplace: 'practice', jobId: 'upload-1' }),
    );
    expect(report.outcome).toBe('done');
  });

  it('says not_connected for a participant without a shop', async () => {
    temp = openTempCore();
    const handlers = createHandlers(temp.core, cancellingShell().shell);
    const seller = await addSeller(temp.core);
    for (const channel of ['uploads:drain', 'uploads:followQc', 'uploads:enqueue'] as const) {
      const answer = await dispatch(handlers, channel, { sellerId: seller.id, marketplace: 'practice' });
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    }
  });
});
