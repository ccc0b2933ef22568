import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { sniffPhoto, SNIFF_BYTES } from '../photos/sniff';

/**
 * `/image/upload`'s rules (marketplaces.md §1.4): JPEG or PNG judged by the bytes (never
 * the file name), 330–5000 px per side, at most 1 MB (the stricter of Lazada's two
 * published limits). sharp reads only the header for the size; the background measure
 * below decodes a small thumbnail once, at upload, so QC later is arithmetic on two stored
 * numbers and never decodes anything while a listing is read.
 */

export const MIN_SIDE = 330;
export const MAX_SIDE = 5000;
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** Length of `hash_code`: a prefix of the bytes' SHA-256, as Lazada's looks like a hash. */
const HASH_CODE_LENGTH = 32;

export type ImageFormat = 'jpeg' | 'png';

export interface CheckedImage {
  readonly ok: true;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  readonly background: BackgroundMeasure;
}

export type ImageCheck = CheckedImage | { readonly ok: false; readonly rule: string; readonly message: string };

export async function checkImage(bytes: Buffer): Promise<ImageCheck> {
  const sniffed = sniffPhoto(bytes.subarray(0, SNIFF_BYTES));
  if (sniffed !== 'jpeg' && sniffed !== 'png') {
    return { ok: false, rule: 'format', message: `Image must be JPG or PNG (got ${sniffed})` };
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { ok: false, rule: 'size', message: `Image file is ${bytes.length} bytes, over the 1 MB limit` };
  }
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    width = meta.width;
    height = meta.height;
  } catch {
    return { ok: false, rule: 'format', message: 'Image cannot be read' };
  }
  for (const [side, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (value < MIN_SIDE || value > MAX_SIDE) {
      return {
        ok: false,
        rule: 'dimensions',
        message: `Image ${side} is ${value} px; each side must be ${MIN_SIDE}-${MAX_SIDE} px`,
      };
    }
  }
  let background: BackgroundMeasure;
  try {
    background = await measureBackground(bytes);
  } catch {
    return { ok: false, rule: 'format', message: 'Image cannot be read' };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, format: sniffed, width, height, sha256, background };
}

export function hashCode(sha256: string): string {
  return sha256.slice(0, HASH_CODE_LENGTH);
}

/** A fresh id per upload, even for the same bytes: Lazada gives a new URL each time. */
export function newImageId(): string {
  return randomBytes(12).toString('hex');
}

export function imageExtension(format: ImageFormat): string {
  return format === 'png' ? 'png' : 'jpg';
}

export function imageContentType(format: ImageFormat): string {
  return format === 'png' ? 'image/png' : 'image/jpeg';
}

/** `/img/<24 hex>.jpg|png` → the id; anything else (traversal, odd names) → undefined. */
export function imageIdFromPath(pathname: string): string | undefined {
  const m = /^\/img\/([0-9a-f]{24})\.(jpg|png)$/.exec(pathname);
  return m?.[1];
}

export interface BackgroundMeasure {
  /** Mean luminance of the border band, 0–255. */
  readonly luminance: number;
  /** Mean of max(R,G,B) − min(R,G,B) over the band, 0–255: how coloured it is. */
  readonly chroma: number;
}

/** The thumbnail the band is read from, and the band's width in its pixels (5 % per side). */
const SAMPLE = 100;
const BAND = 5;

/**
 * The outer band of the photo, where a product shot on a white canvas shows only canvas.
 * Transparent PNG pixels count as white, as a marketplace page shows them on white.
 */
export async function measureBackground(bytes: Buffer): Promise<BackgroundMeasure> {
  const { data } = await sharp(bytes, { failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize(SAMPLE, SAMPLE, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let luminance = 0;
  let chroma = 0;
  let n = 0;
  for (let y = 0; y < SAMPLE; y++) {
    for (let x = 0; x < SAMPLE; x++) {
      if (x >= BAND && x < SAMPLE - BAND && y >= BAND && y < SAMPLE - BAND) continue;
      const i = (y * SAMPLE + x) * 3;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      luminance += 0.299 * r + 0.587 * g + 0.114 * b;
      chroma += Math.max(r, g, b) - Math.min(r, g, b);
      n++;
    }
  }
  return { luminance: luminance / n, chroma: chroma / n };
}
