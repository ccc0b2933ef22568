import sharp, { type Sharp } from 'sharp';
import {
  DECODE_TIMEOUT_SECONDS,
  fail,
  failureFromSharp,
  openPhoto,
  openSniffed,
  PHOTO_INPUT_REASONS,
  type Failure,
  type PhotoInput,
} from './inspect';
import type { PhotoPreset } from './presets';
import { cropToPixels, parseRecipe, type CropPixels, type Recipe } from './recipe';
import type { RasterFormat } from './sniff';

/**
 * Original + recipe + preset -> the marketplace JPEG and its thumbnail.
 *
 * The original is decoded once, in one sharp pipeline that orients, rotates, crops or fits,
 * resizes (with JPEG shrink-on-load wherever the geometry allows it), flattens onto white and
 * encodes the JPEG at the preset's start quality. The thumbnail is then made from that JPEG
 * (decoded at 1/4 scale), never from the original again. When the caller also wants a raw
 * sample of the JPEG for QC (`sampleSide`, the queue), the JPEG is decoded once at that size
 * instead (1/2 scale for 600 px: libjpeg's shrink-on-load, the very pixels QC would decode on
 * its own) and the thumbnail is made from those: one decode of the finished JPEG serves both.
 * The 1/2-scale decode costs ~10 ms of CPU against ~7 ms for the thumbnail's own 1/4-scale
 * decode and encode; with the thumbnail made from the sample, the sample adds ~8 ms to a
 * ~100 ms render at 2 photos in flight. Measured in CPU time per 12 MP photo
 * (sharp 0.35.5, 2 cores): keeping raw pixels between stages instead costs ~11% more (the raw
 * buffers cost more than the encode they would save), and a clone of the original for the
 * thumbnail (a second decode) ~35% more. `bench/photos.ts` shows the clone variant.
 *
 * Two things need pixels in hand instead, both uncommon: a brightness change (sharp adjusts
 * brightness after it pads, which would grey the white canvas, so the canvas is added in a
 * second stage on the raw pixels), and a JPEG over the byte limit (quality is stepped down on
 * raw pixels: those of the second stage, or the first JPEG decoded).
 *
 * The output carries no metadata: sharp writes none unless asked (no EXIF with GPS or
 * camera serial, no XMP, no ICC), and the pixels are sRGB, which is what a JPEG without a
 * profile means.
 *
 * Threads: this module sets no global sharp state. The process should call
 * `sharp.concurrency(1)` once at start-up (one libvips thread per image) and run images in
 * parallel with `runPool`, one per core: measured 1.74x on 2 cores, against +1% for more
 * threads per image (architecture.md). sharp already defaults to 1 on glibc Linux, but to the
 * core count on Windows and macOS.
 */

export const RENDER_REASONS = [
  ...PHOTO_INPUT_REASONS,
  'invalid_recipe',
  /** The recipe's crop frame does not lie inside this photo. */
  'crop_outside',
  /** Even at the minimum quality and side the JPEG exceeds the preset's byte limit. */
  'over_byte_limit',
] as const;
export type RenderReason = (typeof RENDER_REASONS)[number];

export interface EncodedInfo {
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly quality: number;
}

/** Raw 8-bit pixels, interleaved (`channels` per pixel, 3 for what render makes: sRGB). */
export interface RawSample {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export interface RenderOptions {
  /**
   * Also return `sample`: the finished JPEG decoded at most this many px on a side (never
   * enlarged), the pixels a buyer sees, for QC to measure without decoding it again.
   */
  readonly sampleSide?: number;
  /**
   * What the input's first bytes were sniffed as, when the caller already knows (the queue:
   * stored originals are sniffed on import). The header is then not read again; the decoder
   * sharp picks must still match it.
   */
  readonly format?: RasterFormat;
}

export interface Rendered {
  readonly ok: true;
  readonly main: Buffer;
  /** Only when `sampleSide` was asked for. */
  readonly sample?: RawSample;
  /** `attempts`: JPEG encodes it took to get under the byte limit (1 for most photos). */
  readonly mainInfo: EncodedInfo & { readonly attempts: number };
  readonly thumb: Buffer;
  readonly thumbInfo: EncodedInfo;
  /** The original as the seller sees it (after EXIF orientation, before the recipe). */
  readonly source: { readonly format: RasterFormat; readonly width: number; readonly height: number };
}

export type RenderResult = Rendered | Failure<RenderReason>;

const WHITE = { r: 255, g: 255, b: 255 };

/** How the square output is cut from the oriented, rotated image. */
export type SquarePlan =
  | { readonly kind: 'frame'; readonly crop: CropPixels; readonly side: number }
  | { readonly kind: 'pad' | 'centre'; readonly side: number };

/**
 * The square to make from an image of `width` x `height` (oriented and rotated). Never
 * upscales: a photo smaller than the target keeps its size (QC flags small photos).
 */
export function planSquare(recipe: Recipe, width: number, height: number, targetSide: number): SquarePlan | null {
  if (recipe.crop) {
    const crop = cropToPixels(recipe.crop, width, height);
    return crop && { kind: 'frame', crop, side: Math.min(targetSide, crop.side) };
  }
  if (recipe.fit === 'crop') return { kind: 'centre', side: Math.min(targetSide, width, height) };
  return { kind: 'pad', side: Math.min(targetSide, Math.max(width, height)) };
}

/** `recipe` is validated here too: it usually comes straight from SQLite or IPC. */
export async function renderPhoto(
  input: PhotoInput,
  recipe: unknown,
  preset: PhotoPreset,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const parsed = parseRecipe(recipe);
  if (!parsed.ok) return parsed;
  const { rotate } = parsed.recipe;
  const opened = options.format === undefined ? await openPhoto(input) : await openSniffed(input, options.format);
  if (!opened.ok) return opened;
  const { image, format, width, height } = opened.photo;
  const sideways = rotate === 90 || rotate === 270;
  const plan = planSquare(parsed.recipe, sideways ? height : width, sideways ? width : height, preset.targetSide);
  if (!plan) return fail('crop_outside', { width, height, rotate });

  let first: FirstEncode;
  try {
    first = await decodeAndEncode(image, parsed.recipe, plan, preset.quality.start);
  } catch (error) {
    return failureFromSharp(error, format);
  }
  const main =
    first.jpeg.length <= preset.maxBytes
      ? { ok: true as const, jpeg: first.jpeg, side: plan.side, quality: preset.quality.start, attempts: 1 }
      : await stepDown(first, preset);
  if (!main.ok) return main;

  const thumbSide = Math.min(preset.thumbSide, main.side);
  const sample = options.sampleSide === undefined ? undefined : await decodeSample(main.jpeg, options.sampleSide);
  const thumb = await thumbnailFrom(sample, main.jpeg, thumbSide)
    .jpeg({ quality: preset.thumbQuality })
    .toBuffer({ resolveWithObject: true });
  return {
    ok: true,
    main: main.jpeg,
    ...(sample ? { sample } : {}),
    mainInfo: {
      width: main.side,
      height: main.side,
      bytes: main.jpeg.length,
      quality: main.quality,
      attempts: main.attempts,
    },
    thumb: thumb.data,
    thumbInfo: {
      width: thumb.info.width,
      height: thumb.info.height,
      bytes: thumb.data.length,
      quality: preset.thumbQuality,
    },
    source: { format, width, height },
  };
}

interface RawImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

/**
 * The finished JPEG at most `side` px (shrink-on-load: 1/2 scale for 600 of 1200, so no
 * resampling of its own), as 3-channel sRGB: the same pixels `measurePhoto` reads from the
 * file, so the QC metrics and their calibration do not change.
 */
async function decodeSample(jpeg: Buffer, side: number): Promise<RawImage> {
  const { data, info } = await sharp(jpeg)
    .resize(side, side, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * The thumbnail's pixels, `side` px square. From the sample when there is one: it is never
 * smaller than the thumbnail (600 px against 300) unless the main image is, and then both
 * are the main image's own size. The usual sample is exactly twice the thumbnail, and each
 * thumbnail pixel is then the mean of 2 x 2 sample pixels, here in JavaScript (~0.3 ms):
 * sample and thumbnail took ~1.8 ms of CPU a photo less than with sharp resampling the raw
 * sample (lanczos3), at 2 photos in flight; a box filter is what a 2:1 reduction needs, and
 * looks the same at 300 px. Without a sample, the JPEG is decoded at 1/4 scale.
 */
function thumbnailFrom(sample: RawImage | undefined, jpeg: Buffer, side: number): Sharp {
  if (sample && sample.channels === 3 && sample.width === 2 * side && sample.height === 2 * side) {
    return fromRaw(halve(sample));
  }
  if (sample && sample.width >= side && sample.height >= side) return fromRaw(sample).resize(side, side);
  return sharp(jpeg).resize(side, side);
}

/** Half the size: each pixel the rounded mean of a 2 x 2 block (3 channels, even sides). */
function halve(image: RawImage): RawImage {
  const width = image.width / 2;
  const height = image.height / 2;
  const source = image.data;
  const row = image.width * 3;
  const data = Buffer.allocUnsafe(width * height * 3);
  for (let y = 0, out = 0; y < height; y++) {
    for (let i = 2 * y * row, end = i + row; i < end; i += 6) {
      for (let c = i; c < i + 3; c++) {
        data[out++] = (source[c]! + source[c + 3]! + source[c + row]! + source[c + row + 3]! + 2) >> 2;
      }
    }
  }
  return { data, width, height, channels: 3 };
}

/** Square raw sRGB pixels, 3 channels. */
interface SquarePixels {
  readonly data: Buffer;
  readonly side: number;
}

function fromRaw(image: RawImage | SquarePixels): Sharp {
  const raw =
    'side' in image
      ? { width: image.side, height: image.side, channels: 3 as const }
      : { width: image.width, height: image.height, channels: image.channels };
  return sharp(image.data, { raw });
}

function encode(pixels: SquarePixels, quality: number): Promise<Buffer> {
  return fromRaw(pixels).jpeg({ quality, mozjpeg: false }).toBuffer();
}

interface FirstEncode {
  /** At the preset's start quality. */
  readonly jpeg: Buffer;
  readonly side: number;
  /** The pixels it was encoded from, when the second stage had them anyway. */
  readonly pixels: SquarePixels | null;
}

/**
 * The one decode. Call order matters to sharp: `resize` before `rotate` keeps the rotation
 * after the resize, so JPEG shrink-on-load stays on. A crop frame is the exception: it is
 * cut from the full-size oriented image (sharp orients before any extract), which costs a
 * full decode, paid only for photos the seller cropped by hand.
 *
 * Without a brightness change the pipeline flattens, pads and encodes in one go. With one,
 * it keeps alpha, adjusts brightness and stops at raw pixels, and `squareOnWhite` adds the
 * white afterwards, so the canvas and transparent areas stay pure white.
 */
async function decodeAndEncode(image: Sharp, recipe: Recipe, plan: SquarePlan, quality: number): Promise<FirstEncode> {
  const oneGo = recipe.brightness === 1;
  let pipeline = image.autoOrient();
  // sharp flattens before it resizes, whatever the call order; a no-op without alpha.
  if (oneGo) pipeline = pipeline.flatten({ background: WHITE });
  if (plan.kind === 'frame') {
    const { left, top, side } = plan.crop;
    pipeline = pipeline
      .rotate(recipe.rotate)
      .extract({ left, top, width: side, height: side })
      .resize(plan.side, plan.side, { fit: 'fill' });
  } else {
    const fit = plan.kind === 'centre' ? 'cover' : oneGo ? 'contain' : 'inside';
    pipeline = pipeline
      .resize(plan.side, plan.side, { fit, position: 'centre', background: WHITE, withoutEnlargement: true })
      .rotate(recipe.rotate);
  }
  if (!oneGo) pipeline = pipeline.modulate({ brightness: recipe.brightness });
  // CMYK, 16-bit, greyscale and profiled (Display P3, Adobe RGB) inputs all end as 8-bit sRGB.
  pipeline = pipeline.toColourspace('srgb').timeout({ seconds: DECODE_TIMEOUT_SECONDS });
  if (oneGo) {
    const jpeg = await pipeline.jpeg({ quality, mozjpeg: false }).toBuffer();
    return { jpeg, side: plan.side, pixels: null };
  }
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const pixels = await squareOnWhite(
    { data, width: info.width, height: info.height, channels: info.channels },
    plan.side,
  );
  return { jpeg: await encode(pixels, quality), side: plan.side, pixels };
}

/** Flattens alpha onto white and centres the content on a white square. */
async function squareOnWhite(content: RawImage, side: number): Promise<SquarePixels> {
  const { width, height, channels } = content;
  if (channels === 3 && width === side && height === side) return { data: content.data, side };
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  const data = await fromRaw(content)
    .flatten({ background: WHITE })
    .extend({ left, top, right: side - width - left, bottom: side - height - top, background: WHITE })
    .toColourspace('srgb')
    .raw()
    .toBuffer();
  return { data, side };
}

type Main =
  | {
      readonly ok: true;
      readonly jpeg: Buffer;
      readonly side: number;
      readonly quality: number;
      readonly attempts: number;
    }
  | Failure<RenderReason>;

/**
 * The first JPEG was over the byte limit: step the quality down until it fits; at the
 * minimum quality shrink the side instead (by the estimated ratio, at least 10%), but not
 * below the preset's `minShrinkSide`. Without second-stage pixels, the first JPEG is decoded
 * (one generation of JPEG loss at quality 85, invisible next to the step down itself).
 */
async function stepDown(first: FirstEncode, preset: PhotoPreset): Promise<Main> {
  const { maxBytes } = preset;
  const { min, step } = preset.quality;
  const floor = Math.min(preset.minShrinkSide, first.side);
  let pixels = first.pixels ?? { data: await sharp(first.jpeg).raw().toBuffer(), side: first.side };
  let quality = preset.quality.start;
  let bytes = first.jpeg.length;
  for (let attempts = 2; ; attempts++) {
    if (quality > min) {
      quality = Math.max(min, quality - step);
    } else {
      if (pixels.side <= floor) return fail('over_byte_limit', { bytes, maxBytes, side: pixels.side });
      const estimate = Math.floor(pixels.side * Math.sqrt(maxBytes / bytes) * 0.97);
      const side = Math.max(floor, Math.min(estimate, Math.floor(pixels.side * 0.9)));
      pixels = { data: await fromRaw(pixels).resize(side, side).raw().toBuffer(), side };
    }
    const jpeg = await encode(pixels, quality);
    if (jpeg.length <= maxBytes) return { ok: true, jpeg, side: pixels.side, quality, attempts };
    bytes = jpeg.length;
  }
}
