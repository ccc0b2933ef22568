import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { call, dataOf, whiteCanvasJpeg, whitePng } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('practice image hosting', () => {
  it('hosts a JPEG under a new URL per upload, with hash_code, content type and cache headers', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    const bytes = await whiteCanvasJpeg(600);
    const first = dataOf<{ image: { url: string; hash_code: string } }>(
      await call(server, '/image/upload', {}, { accessToken, image: bytes }),
    );
    const second = dataOf<{ image: { url: string; hash_code: string } }>(
      await call(server, '/image/upload', {}, { accessToken, image: bytes }),
    );
    expect(first.image.url).toMatch(new RegExp(`^${server.baseUrl}/img/[0-9a-f]{24}\\.jpg$`));
    expect(second.image.url).not.toBe(first.image.url);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(first.image.hash_code).toBe(sha.slice(0, 32));
    expect(server.stats().imageUploads).toEqual({ [sha]: 2 });

    const served = await fetch(first.image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const cached = await fetch(first.image.url, { headers: { 'if-none-match': served.headers.get('etag') ?? '' } });
    expect(cached.status).toBe(304);
    expect((await fetch(`${server.baseUrl}/img/../store.db`)).status).toBe(404);
  });

  it('accepts PNG', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    const url = dataOf<{ image: { url: string } }>(
      await call(server, '/image/upload', {}, { accessToken, image: await whitePng(400) }),
    ).image.url;
    expect(url).toMatch(/\.png$/);
    expect((await fetch(url)).headers.get('content-type')).toBe('image/png');
  });

  it('refuses images too small, too large, too heavy or not images, naming the rule', async () => {
    server = await startPracticeServer();
    const { accessToken } = server.issueToken('Toko Ani');
    const upload = (image: Buffer) => call(server as PracticeServer, '/image/upload', {}, { accessToken, image });
    const small = await upload(await whiteCanvasJpeg(300));
    expect(small.json).toMatchObject({ code: 'InvalidImage' });
    expect(small.json.message).toMatch(/330/);
    const wide = await upload(
      await sharp({ create: { width: 5001, height: 400, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
    );
    expect(wide.json.message).toMatch(/width is 5001/);
    // Noise does not compress: a 1200 px noise JPEG is well over 1 MB.
    const noise = Buffer.alloc(1200 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const heavy = await upload(
      await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
        .jpeg({ quality: 100 })
        .toBuffer(),
    );
    expect(heavy.json).toMatchObject({ code: 'InvalidImage' });
    expect(heavy.json.message).toMatch(/1 MB/);
    const text = await upload(Buffer.from('this is not a picture at all'));
    expect(text.json.message).toMatch(/JPG or PNG/);
    const webp = await upload(
      await sharp({ create: { width: 400, height: 400, channels: 3, background: '#fff' } })
        .webp()
        .toBuffer(),
    );
    expect(webp.json.message).toMatch(/webp/);
    expect(server.stats().imageUploads).toEqual({});
  });
});
