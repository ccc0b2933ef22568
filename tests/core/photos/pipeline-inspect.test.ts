import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPhoto, MAX_INPUT_PIXELS } from '../../../electron/core/photos/inspect';
import {
  animatedGif,
  cmykJpeg,
  makeCorpusDir,
  photoJpeg,
  png16,
  pngClaiming,
  writeOddFiles,
  type OddFile,
} from '../../support/photo-corpus';

// Made in beforeAll, so a run that filters out every test here leaves nothing behind.
let dir = '';
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
let odd: Record<OddFile, string>;
beforeAll(async () => {
  dir = makeCorpusDir('inspect');
  odd = await writeOddFiles(dir);
});

describe('inspectPhoto refuses what is not a photo, by content', () => {
  it('reports an empty file', async () => {
    expect(await inspectPhoto(odd.empty)).toEqual({ ok: false, reason: 'empty', params: {} });
    expect(await inspectPhoto(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty', params: {} });
  });

  it('reports text named .jpg as not an image', async () => {
    expect(await inspectPhoto(odd.text)).toEqual({ ok: false, reason: 'not_an_image', params: {} });
  });

  it('refuses SVG (even named .jpg) without rendering it', async () => {
    expect(await inspectPhoto(odd.svg)).toEqual({ ok: false, reason: 'svg', params: {} });
  });

  it('recognises iPhone HEIC, which the bundled sharp cannot decode', async () => {
    const bytes = fs.readFileSync(odd.heic);
    await expect(sharp(bytes).toBuffer()).rejects.toThrow(/heif/);
    expect(await inspectPhoto(odd.heic)).toEqual({ ok: false, reason: 'heic', params: {} });
  });

  it('refuses a header claiming 100,000 x 100,000 px, saying how big it is', async () => {
    expect(await inspectPhoto(odd.bomb)).toEqual({
      ok: false,
      reason: 'too_many_pixels',
      params: { width: 100_000, height: 100_000, megapixels: 10_000, maxMegapixels: 70 },
    });
  });

  it('sets the pixel limit between a 64 MP phone photo and a 108 MP one', async () => {
    // Header-only inspection: these PNGs carry no real pixel data.
    const mid = await inspectPhoto(pngClaiming(9248, 6936));
    expect(mid).toMatchObject({ ok: true, info: { width: 9248, height: 6936 } });
    expect(await inspectPhoto(pngClaiming(12_000, 9_000))).toMatchObject({
      ok: false,
      reason: 'too_many_pixels',
      params: { megapixels: 108 },
    });
    expect(MAX_INPUT_PIXELS).toBeGreaterThanOrEqual(8660 * 5774);
  });

  it('finds a truncated JPEG only when asked to decode, and says truncated', async () => {
    expect(await inspectPhoto(odd.truncated)).toMatchObject({ ok: true, info: { format: 'jpeg' } });
    expect(await inspectPhoto(odd.truncated, { decode: true })).toMatchObject({
      ok: false,
      reason: 'truncated',
      params: { format: 'jpeg' },
    });
  });

  it('reports missing files and folders', async () => {
    expect(await inspectPhoto(path.join(dir, 'nope.jpg'))).toMatchObject({ ok: false, reason: 'file_not_found' });
    expect(await inspectPhoto(dir)).toMatchObject({ ok: false, reason: 'not_a_file' });
  });
});

describe('inspectPhoto describes real photos', () => {
  it('reports the oriented size and the EXIF orientation of a sideways phone photo', async () => {
    const file = path.join(dir, 'sideways.jpg');
    fs.writeFileSync(file, await photoJpeg({ width: 640, height: 480, orientation: 6 }));
    const result = await inspectPhoto(file, { decode: true });
    expect(result).toEqual({
      ok: true,
      info: {
        format: 'jpeg',
        width: 640,
        height: 480,
        orientation: 6,
        space: 'srgb',
        depth: 'uchar',
        channels: 3,
        hasAlpha: false,
        hasProfile: expect.any(Boolean),
        pages: 1,
        bytes: fs.statSync(file).size,
      },
    });
  });

  it('goes by content: a WebP saved as .jpg is a WebP', async () => {
    const file = path.join(dir, 'whatsapp.jpg');
    fs.writeFileSync(
      file,
      await sharp(await photoJpeg({ width: 200, height: 100 }))
        .webp()
        .toBuffer(),
    );
    expect(await inspectPhoto(file)).toMatchObject({ ok: true, info: { format: 'webp', width: 200, height: 100 } });
  });

  it('reports frames, colour space and depth of the odd ones', async () => {
    expect(await inspectPhoto(await animatedGif(120, 90))).toMatchObject({
      ok: true,
      info: { format: 'gif', pages: 2, width: 120, height: 90 },
    });
    expect(await inspectPhoto(await cmykJpeg(120, 90))).toMatchObject({
      ok: true,
      info: { format: 'jpeg', space: 'cmyk', channels: 4 },
    });
    expect(await inspectPhoto(await png16(120, 90, [128, 64, 32]))).toMatchObject({
      ok: true,
      info: { format: 'png', space: 'rgb16', depth: 'ushort' },
    });
  });
});
