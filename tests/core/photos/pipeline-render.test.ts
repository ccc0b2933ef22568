import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPhoto } from '../../../electron/core/photos/inspect';
import { LAZADA_PRESET } from '../../../electron/core/photos/presets';
import { measurePhoto, measurePixels, SAMPLE_SIDE } from '../../../electron/core/photos/qc/measure';
import { renderPhoto, type Rendered, type RenderResult } from '../../../electron/core/photos/render';
import {
  animatedGif,
  BLUE,
  centroid,
  cmykJpeg,
  decode,
  isNear,
  makeCorpusDir,
  meanLuma,
  photoJpeg,
  pixel,
  png16,
  RED,
  transparentPng,
  uprightPixels,
  writeOddFiles,
  type Decoded,
  type OddFile,
} from '../../support/photo-corpus';

/**
 * Real photos through the real pipeline, checked by what the output really contains: its
 * header, and where the corner markers (red top-left, blue top-right of the upright picture)
 * ended up.
 */
// Made in beforeAll, so a run that filters out every test here leaves nothing behind.
let dir = '';
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
const WHITE = [255, 255, 255];
let upright: string;
let odd: Record<OddFile, string>;

beforeAll(async () => {
  dir = makeCorpusDir('render');
  upright = path.join(dir, 'upright.jpg');
  fs.writeFileSync(upright, await photoJpeg({ width: 2000, height: 1500, seed: 11 }));
  odd = await writeOddFiles(dir);
});

function ok(result: RenderResult): Rendered {
  if (!result.ok) throw new Error(`expected a render, got ${result.reason} ${JSON.stringify(result.params)}`);
  return result;
}

async function render(input: string | Buffer, recipe: unknown = {}): Promise<Rendered & { pixels: Decoded }> {
  const result = ok(await renderPhoto(input, recipe, LAZADA_PRESET));
  return { ...result, pixels: await decode(result.main) };
}

/** Red in the top-left and blue in the top-right quarter: the picture is upright, not mirrored. */
function expectUpright(image: Decoded) {
  const red = centroid(image, RED);
  const blue = centroid(image, BLUE);
  expect(red).not.toBeNull();
  expect(blue).not.toBeNull();
  expect(red?.x).toBeLessThan(0.2);
  expect(red?.y).toBeLessThan(0.3);
  expect(blue?.x).toBeGreaterThan(0.8);
  expect(blue?.y).toBeLessThan(0.3);
}

/** Share of near-white pixels along the outermost rows and columns. */
function whiteBorderShare(image: Decoded): number {
  let white = 0;
  let total = 0;
  const last = image.width - 1;
  for (let i = 0; i < image.width; i++) {
    for (const [x, y] of [
      [i, 0],
      [i, last],
      [0, i],
      [last, i],
    ] as const) {
      total++;
      if (isNear(pixel(image, x, y), WHITE, 8)) white++;
    }
  }
  return white / total;
}

describe('renderPhoto output format', () => {
  it('makes a 1200 px square 8-bit sRGB JPEG and a 300 px thumbnail', async () => {
    const result = await render(upright);
    const main = await sharp(result.main).metadata();
    expect(main).toMatchObject({
      format: 'jpeg',
      width: 1200,
      height: 1200,
      space: 'srgb',
      channels: 3,
      depth: 'uchar',
    });
    const thumb = await sharp(result.thumb).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 300, height: 300, space: 'srgb', channels: 3 });
    expect(result.mainInfo).toEqual({ width: 1200, height: 1200, bytes: result.main.length, quality: 85, attempts: 1 });
    expect(result.thumbInfo).toEqual({ width: 300, height: 300, bytes: result.thumb.length, quality: 80 });
    expect(result.source).toEqual({ format: 'jpeg', width: 2000, height: 1500 });
    expect(result.main.length).toBeLessThanOrEqual(LAZADA_PRESET.maxBytes);
  });

  it('makes the thumbnail from the finished image (canvas and all)', async () => {
    const result = await render(upright, { brightness: 1.4 });
    const fromMain = await decode(await sharp(result.main).resize(300, 300).png().toBuffer());
    const thumb = await decode(result.thumb);
    let diff = 0;
    for (let i = 0; i < thumb.data.length; i++) diff += Math.abs((thumb.data[i] ?? 0) - (fromMain.data[i] ?? 0));
    expect(diff / thumb.data.length).toBeLessThan(4);
  });

  it('hands QC the pixels measurePhoto would decode, and makes the thumbnail from them', async () => {
    for (const [input, recipe] of [
      [upright, {}],
      [upright, { brightness: 1.4, rotate: 90 }],
      [await photoJpeg({ width: 500, height: 400, seed: 3 }), {}],
    ] as const) {
      const result = ok(await renderPhoto(input, recipe, LAZADA_PRESET, { sampleSide: SAMPLE_SIDE }));
      const { sample, mainInfo } = result;
      if (!sample) throw new Error('no sample');
      expect([sample.width, sample.height]).toEqual([
        Math.min(SAMPLE_SIDE, mainInfo.width),
        Math.min(SAMPLE_SIDE, mainInfo.height),
      ]);
      // Identical metrics: QC's calibration holds for the queue's measures.
      const fromSample = measurePixels(
        sample.data,
        sample.width,
        sample.height,
        sample.channels,
        mainInfo.width,
        mainInfo.height,
      );
      expect(fromSample).toEqual(await measurePhoto(result.main));
      const thumb = await sharp(result.thumb).metadata();
      expect([thumb.width, thumb.height]).toEqual([Math.min(300, mainInfo.width), Math.min(300, mainInfo.height)]);
      const fromMain = await decode(await sharp(result.main).resize(thumb.width, thumb.height).png().toBuffer());
      const pixels = await decode(result.thumb);
      let diff = 0;
      for (let i = 0; i < pixels.data.length; i++) diff += Math.abs((pixels.data[i] ?? 0) - (fromMain.data[i] ?? 0));
      expect(diff / pixels.data.length).toBeLessThan(4);
    }
    expect(ok(await renderPhoto(upright, {}, LAZADA_PRESET)).sample).toBeUndefined();
  });

  it("leaves sharp's global settings to the caller", async () => {
    const settings = () => {
      const { memory, files, items } = sharp.cache();
      return { threads: sharp.concurrency(), cache: [memory.max, files.max, items.max] };
    };
    const before = settings();
    await render(upright, { brightness: 1.2, rotate: 90 });
    expect(settings()).toEqual(before);
  });

  it('takes bytes as well as a path', async () => {
    const fromBytes = await render(fs.readFileSync(upright));
    expect(fromBytes.mainInfo.width).toBe(1200);
    expectUpright(fromBytes.pixels);
  });

  it('skips the header when told the format (a stored original), and still refuses another format', async () => {
    const told = ok(await renderPhoto(upright, {}, LAZADA_PRESET, { format: 'jpeg' }));
    const sniffed = ok(await renderPhoto(upright, {}, LAZADA_PRESET));
    expect(told.main.equals(sniffed.main)).toBe(true);
    expect(told.source).toEqual(sniffed.source);
    // A PNG where a JPEG was stored (a file that changed since): sharp's decoder gives it away.
    const png = path.join(dir, 'not-a-jpeg.png');
    fs.writeFileSync(png, await transparentPng(40, 30));
    expect(await renderPhoto(png, {}, LAZADA_PRESET, { format: 'jpeg' })).toMatchObject({
      ok: false,
      reason: 'unsupported',
      params: { format: 'jpeg', decoder: 'png' },
    });
    expect(await renderPhoto(path.join(dir, 'gone.jpg'), {}, LAZADA_PRESET, { format: 'jpeg' })).toMatchObject({
      ok: false,
      reason: 'file_not_found',
    });
  });
});

describe('renderPhoto orientation', () => {
  it.each([1, 3, 6, 8] as const)('turns a photo stored with EXIF orientation %i upright', async (orientation) => {
    const stored = await photoJpeg({ width: 1600, height: 1200, orientation, seed: orientation });
    const meta = await sharp(stored).metadata();
    // The stored pixels really are turned (sideways ones are stored portrait).
    expect(meta.width).toBe(orientation === 6 || orientation === 8 ? 1200 : 1600);
    const result = await render(stored);
    expectUpright(result.pixels);
    expect(result.source).toMatchObject({ width: 1600, height: 1200 });
  });

  it('applies the recipe rotation clockwise, after EXIF orientation', async () => {
    const stored = await photoJpeg({ width: 1600, height: 1200, orientation: 6, seed: 5 });
    const result = await render(stored, { rotate: 90 });
    const red = centroid(result.pixels, RED);
    const blue = centroid(result.pixels, BLUE);
    // Top-left goes to top-right, top-right to bottom-right.
    expect(red?.x).toBeGreaterThan(0.7);
    expect(red?.y).toBeLessThan(0.2);
    expect(blue?.x).toBeGreaterThan(0.7);
    expect(blue?.y).toBeGreaterThan(0.8);
    // The white bars are now left and right.
    expect(isNear(pixel(result.pixels, 5, 600), WHITE, 3)).toBe(true);
    expect(isNear(pixel(result.pixels, 600, 5), WHITE, 3)).toBe(false);
  });

  it('turns an EXIF-corrected photo upside down when the recipe says 180', async () => {
    const stored = await photoJpeg({ width: 1600, height: 1200, orientation: 3, seed: 6 });
    const { pixels } = await render(stored, { rotate: 180 });
    const red = centroid(pixels, RED);
    const blue = centroid(pixels, BLUE);
    expect(red?.x).toBeGreaterThan(0.8);
    expect(red?.y).toBeGreaterThan(0.7);
    expect(blue?.x).toBeLessThan(0.2);
    expect(blue?.y).toBeGreaterThan(0.7);
  });
});

describe('renderPhoto square modes', () => {
  it('pads onto white: white bars above and below a landscape photo, content untouched', async () => {
    const { pixels } = await render(upright);
    for (const [x, y] of [
      [2, 2],
      [1197, 2],
      [2, 1197],
      [1197, 1197],
      [600, 100],
      [600, 1100],
    ] as const) {
      expect(pixel(pixels, x, y)).toEqual(WHITE);
    }
    // The photo fills the middle 900 rows edge to edge.
    expect(isNear(pixel(pixels, 600, 600), WHITE, 8)).toBe(false);
    expect(isNear(pixel(pixels, 1, 600), WHITE, 8)).toBe(false);
    expectUpright(pixels);
  });

  it('crops the centre square with no white border', async () => {
    const { pixels, mainInfo } = await render(upright, { fit: 'crop' });
    expect(mainInfo.width).toBe(1200);
    expect(whiteBorderShare(pixels)).toBeLessThan(0.02);
    // 250 px of each side are cut away, and the 180 px corner markers with them (a squeezed
    // or padded image would still show them).
    expect(centroid(pixels, RED)).toBeNull();
    expect(centroid(pixels, BLUE)).toBeNull();
  });

  it("uses the seller's crop frame, in the coordinates of the rotated image", async () => {
    const topLeft = await render(upright, { crop: { x: 0, y: 0, size: 0.5 } });
    expect(topLeft.mainInfo.width).toBe(750); // the frame is 750 px: not upscaled
    expect(centroid(topLeft.pixels, RED)).not.toBeNull();
    expect(centroid(topLeft.pixels, BLUE)).toBeNull();
    expect(whiteBorderShare(topLeft.pixels)).toBeLessThan(0.02);

    // Rotated 90, the photo is 1500 x 2000 and the red marker sits top-right.
    const rotated = await render(upright, { rotate: 90, crop: { x: 0.5, y: 0, size: 0.5 }, fit: 'pad' });
    const red = centroid(rotated.pixels, RED);
    expect(red?.x).toBeGreaterThan(0.7);
    expect(red?.y).toBeLessThan(0.3);
    expect(centroid(rotated.pixels, BLUE)).toBeNull();
  });

  it('refuses a crop frame outside the photo, and a malformed recipe', async () => {
    expect(await renderPhoto(upright, { crop: { x: 0.9, y: 0, size: 1 } }, LAZADA_PRESET)).toEqual({
      ok: false,
      reason: 'crop_outside',
      params: { width: 2000, height: 1500, rotate: 0 },
    });
    expect(await renderPhoto(upright, { rotate: 45 }, LAZADA_PRESET)).toMatchObject({
      ok: false,
      reason: 'invalid_recipe',
      params: { field: 'rotate' },
    });
  });

  it('keeps a photo smaller than the target at its size', async () => {
    const small = await render(await photoJpeg({ width: 400, height: 300 }));
    expect(small.mainInfo).toMatchObject({ width: 400, height: 400 });
    expect(small.thumbInfo).toMatchObject({ width: 300, height: 300 });
    const tiny = await render(await photoJpeg({ width: 100, height: 80 }));
    expect(tiny.mainInfo).toMatchObject({ width: 100, height: 100 });
    expect(tiny.thumbInfo).toMatchObject({ width: 100, height: 100 });
  });
});

describe('renderPhoto brightness', () => {
  it('darkens and brightens the photo in the direction asked', async () => {
    const normal = meanLuma((await render(upright, { fit: 'crop' })).pixels);
    const darker = meanLuma((await render(upright, { fit: 'crop', brightness: 0.6 })).pixels);
    const brighter = meanLuma((await render(upright, { fit: 'crop', brightness: 1.5 })).pixels);
    expect(darker).toBeLessThan(normal - 20);
    expect(brighter).toBeGreaterThan(normal + 20);
  });

  it('leaves the white canvas white when darkening', async () => {
    const { pixels } = await render(upright, { brightness: 0.6 });
    expect(pixel(pixels, 2, 2)).toEqual(WHITE);
    expect(pixel(pixels, 600, 1150)).toEqual(WHITE);
  });
});

describe('renderPhoto strips metadata', () => {
  it('removes the GPS position, camera and XMP that the phone wrote', async () => {
    const input = await photoJpeg({ width: 1600, height: 1200, gps: true, orientation: 6 });
    const before = await sharp(input).metadata();
    // The input really carries a GPS IFD (tag 0x8825) and XMP.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(before.xmpAsString).toContain('Jakarta');
    const result = await render(input);
    for (const output of [result.main, result.thumb]) {
      const after = await sharp(output).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      for (const trace of ['Exif\0\0', 'AkarTestPhone', 'Jakarta', 'ns.adobe.com']) {
        expect(output.includes(trace)).toBe(false);
      }
    }
    expectUpright(result.pixels);
  });
});

describe('renderPhoto colour', () => {
  it('turns a CMYK JPEG into 8-bit sRGB, keeping the colour', async () => {
    const result = await render(await cmykJpeg(400, 300));
    expect(await sharp(result.main).metadata()).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
    const [r, g, b] = pixel(result.pixels, 200, 200);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(70);
    expect(b).toBeLessThan(70);
  });

  it('scales a 16-bit PNG down to 8 bits rather than clipping it', async () => {
    const result = await render(await png16(400, 300, [128, 64, 32]));
    expect(await sharp(result.main).metadata()).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
    expect(isNear(pixel(result.pixels, 200, 200), [128, 64, 32], 4)).toBe(true);
  });

  it('converts a Display P3 photo to sRGB through its profile', async () => {
    const red = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#ff0000' } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    const opened = await openPhoto(red);
    expect(opened.ok && opened.photo.ignoresProfile).toBe(false);
    // Stored P3 values are not sRGB red: read without the profile they would be duller.
    const stored = await decode(await sharp(red, { ignoreIcc: true }).png().toBuffer());
    expect(isNear(pixel(stored, 150, 150), [255, 0, 0], 12)).toBe(false);
    const result = await render(red);
    expect(isNear(pixel(result.pixels, 150, 150), [255, 0, 0], 12)).toBe(true);
  });

  it('reads a photo tagged plain sRGB as it is, without a conversion that would change nothing', async () => {
    const { data, width, height } = uprightPixels({ width: 800, height: 600, seed: 3 });
    const raw = { raw: { width, height, channels: 3 as const } };
    const tagged = await sharp(data, raw).withIccProfile('srgb').jpeg({ quality: 92 }).toBuffer();
    const untagged = await sharp(data, raw).jpeg({ quality: 92 }).toBuffer();
    const opened = await openPhoto(tagged);
    expect(opened.ok && opened.photo.ignoresProfile).toBe(true);
    // The conversion would give the same pixels: the output is that of the untagged photo.
    expect((await render(tagged)).main.equals((await render(untagged)).main)).toBe(true);
  });

  it('turns greyscale into three channels', async () => {
    const grey = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#777777' } })
      .toColourspace('b-w')
      .png()
      .toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const result = await render(grey);
    expect(result.pixels.channels).toBe(3);
    expect(isNear(pixel(result.pixels, 100, 100), [0x77, 0x77, 0x77], 3)).toBe(true);
  });

  it('flattens transparency onto white, and keeps it white when darkening', async () => {
    const cutout = await transparentPng(400, 300);
    for (const brightness of [1, 0.6]) {
      const { pixels } = await render(cutout, { brightness });
      expect(pixel(pixels, 20, 200)).toEqual(WHITE); // transparent area
      expect(pixel(pixels, 200, 20)).toEqual(WHITE); // canvas
      const [r] = pixel(pixels, 200, 200);
      expect(r).toBeLessThan(brightness === 1 ? 70 : 50);
    }
  });

  it('uses the first frame of an animated GIF', async () => {
    const result = await render(await animatedGif(400, 300));
    // One 400 x 300 frame on a 400 px square: not both frames stacked, nothing blue.
    expect(result.mainInfo.width).toBe(400);
    expect(isNear(pixel(result.pixels, 200, 200), [255, 0, 0], 10)).toBe(true);
    expect(isNear(pixel(result.pixels, 200, 340), [255, 0, 0], 10)).toBe(true);
    expect(centroid(result.pixels, BLUE)).toBeNull();
  });
});

describe('renderPhoto refuses hostile and broken files with the same reasons as inspect', () => {
  it.each([
    ['empty', 'empty'],
    ['text', 'not_an_image'],
    ['truncated', 'truncated'],
    ['bomb', 'too_many_pixels'],
    ['svg', 'svg'],
    ['heic', 'heic'],
  ] as const)('%s -> %s', async (file, reason) => {
    expect(await renderPhoto(odd[file], {}, LAZADA_PRESET)).toMatchObject({ ok: false, reason });
  });
});
