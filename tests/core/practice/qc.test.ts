import { afterEach, describe, expect, it } from 'vitest';
import {
  REASON_DESCRIPTION,
  REASON_KEYWORDS,
  REASON_WHITE_BACKGROUND,
  startPracticeServer,
  type PracticeServer,
} from '../../../electron/core/practice';
import { colouredJpeg, create, dataOf, sku, testClock, uploadImage, whiteCanvasJpeg, whitePng } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('practice QC', () => {
  it('keeps items pending for qcDelayMs, then approves or rejects each by its rules', async () => {
    const clock = testClock(Date.now());
    server = await startPracticeServer({ qcDelayMs: 20_000, clock: clock.now });
    const s = server;
    const { accessToken } = s.issueToken('Toko Ani');
    const white = await uploadImage(s, accessToken, await whiteCanvasJpeg(800));
    const whiteLarge = await uploadImage(s, accessToken, await whitePng(1000));
    const green = await uploadImage(s, accessToken, await colouredJpeg(800, '#2e6b30'));
    const grey = await uploadImage(s, accessToken, await colouredJpeg(800, '#9a9a9a'));
    const cream = await uploadImage(s, accessToken, await colouredJpeg(800, '#f3e2b8'));
    const items: [string, Parameters<typeof create>[2], string | undefined][] = [
      ['good', { images: [white, green], skus: [sku('Q-1')] }, undefined],
      ['good png', { images: [whiteLarge], skus: [sku('Q-2')] }, undefined],
      ['green cloth', { images: [green, white], skus: [sku('Q-3')] }, REASON_WHITE_BACKGROUND],
      ['grey table', { images: [grey], skus: [sku('Q-4')] }, REASON_WHITE_BACKGROUND],
      ['cream wall', { images: [cream], skus: [sku('Q-5')] }, REASON_WHITE_BACKGROUND],
      [
        'short description',
        { images: [white], description: '<p>Wajan <b>bagus</b>   </p>', skus: [sku('Q-6')] },
        REASON_DESCRIPTION,
      ],
      ['termurah', { images: [white], name: 'Wajan Besi TERMURAH se-Garut', skus: [sku('Q-7')] }, REASON_KEYWORDS],
      ['gratis ongkir', { images: [white], name: 'Wajan Besi Gratis  Ongkir', skus: [sku('Q-8')] }, REASON_KEYWORDS],
      ['not a whole word', { images: [white], name: 'Wajan Promosiana', skus: [sku('Q-9')] }, undefined],
      [
        'diskon + green',
        { images: [green], name: 'Diskon Wajan', skus: [sku('Q-10')] },
        `${REASON_WHITE_BACKGROUND}; ${REASON_KEYWORDS}`,
      ],
    ];
    const ids = new Map<string, number>();
    for (const [what, options] of items) {
      ids.set(what, dataOf<{ item_id: number }>(await create(s, accessToken, options)).item_id);
    }
    const status = () => new Map(s.listings().map((l) => [l.itemId, l]));
    clock.advance(19_999);
    expect([...status().values()].every((l) => l.status === 'pending')).toBe(true);
    clock.advance(1);
    const after = status();
    for (const [what, , reason] of items) {
      const listing = after.get(ids.get(what) ?? 0);
      expect({ what, status: listing?.status, reason: listing?.rejectReason }).toEqual({
        what,
        status: reason === undefined ? 'live' : 'rejected',
        reason,
      });
    }
  });

  it('approves right away with qcDelayMs 0', async () => {
    server = await startPracticeServer({ qcDelayMs: 0 });
    const { accessToken } = server.issueToken('Toko Ani');
    const white = await uploadImage(server, accessToken, await whiteCanvasJpeg(600));
    await create(server, accessToken, { images: [white] });
    expect(server.listings()[0]?.status).toBe('live');
  });
});
