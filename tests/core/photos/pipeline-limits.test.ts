import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAZADA_PRESET, type PhotoPreset } from '../../../electron/core/photos/presets';
import { renderPhoto, type Rendered, type RenderResult } from '../../../electron/core/photos/render';
import { decode, makeCorpusDir, meanLuma, noisyJpeg, photoJpeg, type Decoded } from '../../support/photo-corpus';

/**
 * The expensive ends: a 50 MP phone photo (accepted and rendered), and photos so noisy that
 * the first JPEG is over the byte limit. Timings are printed for the record; the bounds are
 * generous (2-core CI machines shared with other jobs).
 */
let dir = '';
beforeAll(() => {
  dir = makeCorpusDir('limits');
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Standard deviation of luma: ~0 for a flat image, ~70 for strong noise. */
function lumaSpread(image: Decoded): number {
  const mean = meanLuma(image);
  let sum = 0;
  for (let at = 0; at < image.data.length; at += image.channels) {
    const luma = 0.299 * (image.data[at] ?? 0) + 0.587 * (image.data[at + 1] ?? 0) + 0.114 * (image.data[at + 2] ?? 0);
    sum += (luma - mean) ** 2;
  }
  return Math.sqrt(sum / (image.width * image.height));
}

function ok(result: RenderResult): Rendered {
  if (!result.ok) throw new Error(`expected a render, got ${result.reason} ${JSON.stringify(result.params)}`);
  return result;
}

describe('renderPhoto at the limits', () => {
  it('accepts and renders a 50 MP phone photo', async () => {
    const file = path.join(dir, 'fifty.jpg');
    fs.writeFileSync(file, await photoJpeg({ width: 8660, height: 5774, orientation: 6, quality: 85 }));
    const started = performance.now();
    const result = ok(await renderPhoto(file, {}, LAZADA_PRESET));
    const elapsed = performance.now() - started;
    console.log(`50 MP render: ${Math.round(elapsed)} ms, ${result.mainInfo.bytes} bytes`);
    expect(result.source).toEqual({ format: 'jpeg', width: 8660, height: 5774 });
    expect(result.mainInfo).toMatchObject({ width: 1200, height: 1200 });
    expect(elapsed).toBeLessThan(15_000);
  }, 120_000);

  it('steps JPEG quality down until a very noisy photo fits 1 MB', async () => {
    const noisy = await noisyJpeg(4000);
    const started = performance.now();
    const result = ok(await renderPhoto(noisy, {}, LAZADA_PRESET));
    console.log(
      `noisy 4000x4000: quality ${result.mainInfo.quality} after ${result.mainInfo.attempts} encodes, ` +
        `${result.mainInfo.bytes} bytes, ${Math.round(performance.now() - started)} ms`,
    );
    // The first encode (at the start quality) was over the limit.
    expect(result.mainInfo.attempts).toBeGreaterThan(1);
    expect(result.mainInfo.quality).toBeLessThan(LAZADA_PRESET.quality.start);
    expect(result.mainInfo.quality).toBeGreaterThanOrEqual(LAZADA_PRESET.quality.min);
    expect(result.mainInfo.bytes).toBeLessThanOrEqual(1_000_000);
    expect(result.main.length).toBe(result.mainInfo.bytes);
    expect(result.mainInfo).toMatchObject({ width: 1200, height: 1200 });
    expect(await sharp(result.main).metadata()).toMatchObject({ width: 1200, height: 1200, format: 'jpeg' });
    // Still the same noise (not a blank or stale image), and a thumbnail of it.
    const pixels = await decode(result.main);
    expect(lumaSpread(pixels)).toBeGreaterThan(40);
    expect(result.thumbInfo).toMatchObject({ width: 300, height: 300 });
  }, 60_000);

  it('steps down the same way when a brightness change keeps the pixels in hand', async () => {
    const result = ok(await renderPhoto(await noisyJpeg(4000), { brightness: 1.2 }, LAZADA_PRESET));
    expect(result.mainInfo.attempts).toBeGreaterThan(1);
    expect(lumaSpread(await decode(result.main))).toBeGreaterThan(40);
    expect(result.mainInfo.quality).toBeLessThan(LAZADA_PRESET.quality.start);
    expect(result.mainInfo.bytes).toBeLessThanOrEqual(1_000_000);
  }, 60_000);

  it('shrinks the side once the minimum quality is not enough, never below the floor', async () => {
    const noisy = await noisyJpeg(2400, 2);
    const tight: PhotoPreset = { ...LAZADA_PRESET, maxBytes: 400_000, minShrinkSide: 600 };
    const result = ok(await renderPhoto(noisy, {}, tight));
    expect(result.mainInfo.quality).toBe(tight.quality.min);
    expect(result.mainInfo.width).toBeLessThan(1200);
    expect(result.mainInfo.width).toBeGreaterThanOrEqual(600);
    expect(result.mainInfo.bytes).toBeLessThanOrEqual(400_000);
    const image = await decode(result.main);
    expect(image.width).toBe(result.mainInfo.width);
    expect(image.height).toBe(result.mainInfo.width);
    expect(result.thumbInfo.width).toBe(300);
  }, 60_000);

  it('gives up with over_byte_limit when even the floor is too big', async () => {
    const noisy = await noisyJpeg(1600, 2);
    const impossible: PhotoPreset = { ...LAZADA_PRESET, maxBytes: 5_000, minShrinkSide: 850 };
    expect(await renderPhoto(noisy, {}, impossible)).toMatchObject({
      ok: false,
      reason: 'over_byte_limit',
      params: { maxBytes: 5_000, side: 850 },
    });
  }, 60_000);
});
