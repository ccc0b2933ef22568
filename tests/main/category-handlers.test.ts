import net from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createHandlers, dispatch } from '../../electron/main/handlers';
import type { BrandSearch, CategoryRefreshReport } from '../../electron/shared/category-refresh';
import type { Connection, PracticeInfo } from '../../electron/shared/uploads';
import { addSeller } from '../support/catalogue';
import { cancellingShell } from '../support/shell';
import { openTempCore, type TempCore } from '../support/temp';

/**
 * The category refresh channels' glue in main: as for uploads, the page never names where
 * the data comes from; main follows the practice marketplace to wherever it runs now.
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

describe('category refresh channels', () => {
  it('refuses an endpoint from the page, and says not_connected without a shop', async () => {
    temp = openTempCore();
    const handlers = createHandlers(temp.core, cancellingShell().shell);
    const seller = await addSeller(temp.core);
    const shop = { sellerId: seller.id, marketplace: 'practice' } as const;
    for (const [channel, input] of [
      ['categories:refresh', shop],
      ['categories:loadAttributes', { ...shop, categoryId: 13891072 }],
    ] as const) {
      expect(await dispatch(handlers, channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'not_connected' },
      });
      const answer = await dispatch(handlers, channel, { ...input, endpoint: 'http://evil.example/' });
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'endpoint' } });
    }
  });

  it('refreshes from the practice marketplace where it runs now, then lists its brands', async () => {
    temp = openTempCore();
    const handlers = createHandlers(temp.core, cancellingShell().shell);
    const seller = await addSeller(temp.core, 'Ibu Siti', { businessName: 'Kripik Bu Siti' });
    const first = value<Connection>(await dispatch(handlers, 'practice:connect', { sellerId: seller.id }));

    // The app restarted: the practice marketplace now runs on another port.
    await temp.core.practice.stop({});
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(new URL(first.endpoint).port), '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const again = value<PracticeInfo>(await dispatch(handlers, 'practice:start', {}));

    const report = value<CategoryRefreshReport>(
      await dispatch(handlers, 'categories:refresh', {
        sellerId: seller.id,
        marketplace: 'practice',
        jobId: 'refresh-1',
      }),
    );
    expect(report.brandCount).toBeGreaterThan(0);
    const [moved] = value<Connection[]>(await dispatch(handlers, 'uploads:connections', { sellerId: seller.id }));
    expect(moved?.endpoint).toBe(`${again.baseUrl}/rest`);

    const brands = value<BrandSearch>(
      await dispatch(handlers, 'categories:brands', { marketplace: 'practice', query: 'no', limit: 5 }),
    );
    expect(brands).toMatchObject({ listed: true, names: ['No Brand'] });
  });
});
