import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { seededRandom } from './random';

/**
 * Photos for the pipeline tests and the bench, generated at run time (nothing binary is
 * committed): photo-like JPEGs with texture and two corner markers, and the hostile or odd
 * files that sellers really send (renamed text, truncated uploads, iPhone HEIC, CMYK from a
 * print shop, 16-bit PNG from an editor, animated GIF from a chat app...).
 *
 * The markers make orientation checkable: in the upright picture a red square sits in the
 * top-left corner and a blue one in the top-right, so a missed rotation moves them and a
 * missed mirror swaps them.
 */

export const RED = [255, 0, 0] as const;
export const BLUE = [0, 0, 255] as const;

/** EXIF orientations the corpus can write: upright, upside down, and the two sideways ones. */
export type Orientation = 1 | 3 | 6 | 8;

/**
 * Rotation (clockwise) that turns the upright picture into the stored pixels for each
 * orientation: the camera stores the sensor's pixels and the tag tells viewers how to undo it.
 */
const STORED_ROTATION: Record<Orientation, number> = { 1: 0, 3: 180, 6: 270, 8: 90 };

export interface PhotoSpec {
  /** Upright (displayed) size. */
  readonly width: number;
  readonly height: number;
  readonly seed?: number;
  readonly orientation?: Orientation;
  /** Amplitude of per-pixel grain (sensor noise, fabric, skin); 0 gives smooth colour blobs. */
  readonly grain?: number;
  /** Side of one grain cell in pixels; above ~4 the grain survives downscaling. */
  readonly grainCell?: number;
  readonly quality?: number;
  readonly markers?: boolean;
  /** Writes an EXIF block with camera make and GPS coordinates (Jakarta), and an XMP packet. */
  readonly gps?: boolean;
}

/**
 * Upright pixels: a soft scene (slow waves along rows and columns), a few sharp-edged
 * "objects", grain, and the corner markers. The scene stays within 70..190 per channel so
 * nothing in it can be mistaken for a marker. Plain integer loops over one buffer: several
 * times faster than building the same picture in libvips.
 */
export function uprightPixels(spec: PhotoSpec): { data: Buffer; width: number; height: number } {
  const { width, height, seed = 1, grain = 20, grainCell = 3, markers = true } = spec;
  const next = seededRandom(seed);
  const data = Buffer.alloc(width * height * 3);
  const px = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  // Interleaved like the pixels: [r, g, b] per column, and per row.
  const cols = interleave([0, 1, 2].map(() => waves(width, next)));
  const rows = interleave([0, 1, 2].map(() => waves(height, next)));
  const base = [0, 1, 2].map(() => 110 + Math.floor(next() * 20));
  for (let y = 0; y < height; y++) {
    const r = (base[0] ?? 0) + (rows[y * 3] ?? 0);
    const g = (base[1] ?? 0) + (rows[y * 3 + 1] ?? 0);
    const b = (base[2] ?? 0) + (rows[y * 3 + 2] ?? 0);
    let at = y * width * 3;
    for (let i = 0; i < width * 3; i += 3) {
      px[at++] = r + (cols[i] ?? 0);
      px[at++] = g + (cols[i + 1] ?? 0);
      px[at++] = b + (cols[i + 2] ?? 0);
    }
  }
  for (let i = 0; i < 6; i++) {
    const w = Math.floor(width * (0.1 + next() * 0.3));
    const h = Math.floor(height * (0.1 + next() * 0.3));
    const rgb = [0, 1, 2].map(() => 80 + Math.floor(next() * 100)) as [number, number, number];
    fillRect(data, width, Math.floor(next() * (width - w)), Math.floor(next() * (height - h)), w, h, rgb);
  }
  if (grain > 0) addGrain(px, width, height, grain, grainCell, next);
  if (markers) {
    const side = Math.max(4, Math.round(Math.min(width, height) * 0.12));
    fillRect(data, width, 0, 0, side, side, RED);
    fillRect(data, width, width - side, 0, side, side, BLUE);
  }
  return { data, width, height };
}

/** Three slow cosines of random period and phase, summed: within +-30 of zero. */
function waves(length: number, next: () => number): Int16Array {
  const out = new Float64Array(length);
  for (let k = 0; k < 3; k++) {
    const period = length * (0.2 + next() * 1.5);
    const phase = next() * Math.PI * 2;
    const amplitude = 5 + next() * 5;
    for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) + amplitude * Math.cos((i / period) * Math.PI * 2 + phase);
  }
  return Int16Array.from(out, Math.round);
}

function interleave(channels: Int16Array[]): Int16Array {
  const length = channels[0]?.length ?? 0;
  const out = new Int16Array(length * 3);
  for (let i = 0; i < length; i++) {
    for (let c = 0; c < 3; c++) out[i * 3 + c] = channels[c]?.[i] ?? 0;
  }
  return out;
}

/** Adds +-amount of noise in square cells of `cell` pixels (the clamped array saturates). */
function addGrain(
  px: Uint8ClampedArray,
  width: number,
  height: number,
  amount: number,
  cell: number,
  next: () => number,
) {
  // xorshift on a 32-bit state: several times faster than calling the PRNG per byte.
  let state = Math.floor(next() * 0xffffffff) | 1;
  const rowNoise = new Int16Array(width * 3);
  for (let y = 0; y < height; y++) {
    if (y % cell === 0) {
      for (let x0 = 0; x0 < width; x0 += cell) {
        for (let c = 0; c < 3; c++) {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          const value = (((state & 0xff) - 127.5) * amount) / 127.5;
          for (let x = x0; x < Math.min(width, x0 + cell); x++) rowNoise[x * 3 + c] = value;
        }
      }
    }
    const at = y * width * 3;
    for (let i = 0; i < width * 3; i++) px[at + i] = (px[at + i] ?? 0) + (rowNoise[i] ?? 0);
  }
}

function fillRect(
  data: Buffer,
  width: number,
  left: number,
  top: number,
  w: number,
  h: number,
  rgb: readonly [number, number, number],
) {
  for (let y = top; y < top + h; y++) {
    for (let x = left; x < left + w; x++) {
      const at = (y * width + x) * 3;
      data[at] = rgb[0];
      data[at + 1] = rgb[1];
      data[at + 2] = rgb[2];
    }
  }
}

/** A phone-like JPEG: stored sideways or upside down when `orientation` says so. */
export async function photoJpeg(spec: PhotoSpec): Promise<Buffer> {
  const { data, width, height } = uprightPixels(spec);
  const orientation = spec.orientation ?? 1;
  let image = sharp(data, { raw: { width, height, channels: 3 } }).rotate(STORED_ROTATION[orientation]);
  image = image.jpeg({ quality: spec.quality ?? 90 });
  if (spec.gps) {
    image = image
      .withExif({
        IFD0: { Make: 'AkarTestPhone', Model: 'Corpus 1' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 12/1 3000/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '106/1 49/1 0/1',
        },
      })
      .withXmp(XMP_WITH_LOCATION);
  }
  // withMetadata writes the Orientation tag (and nothing else that was not asked for).
  if (orientation !== 1) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

const XMP_WITH_LOCATION = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Jakarta"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A fresh folder under the OS temp dir; the caller removes it. */
export function makeCorpusDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `akar-${prefix}-`));
}

/** Pure noise in cells of `cell` pixels: the worst case for JPEG, to push past the byte limit. */
export function noisyJpeg(side: number, cell = 4, seed = 7, amount = 400): Promise<Buffer> {
  const data = Buffer.alloc(side * side * 3, 128);
  addGrain(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    side,
    side,
    amount,
    cell,
    seededRandom(seed),
  );
  return sharp(data, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A product cut-out: a dark square on a fully transparent canvas. */
export function transparentPng(width: number, height: number): Promise<Buffer> {
  const inner = Math.round(Math.min(width, height) / 2);
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      {
        input: { create: { width: inner, height: inner, channels: 4, background: { r: 60, g: 60, b: 60, alpha: 1 } } },
        gravity: 'centre',
      },
    ])
    .png()
    .toBuffer();
}

/** Solid red written as CMYK, as a print shop's file would be. */
export function cmykJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 220, g: 20, b: 30 } } })
    .toColourspace('cmyk')
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A 16-bit-per-channel PNG (photo editors export these) of a flat colour. */
export function png16(width: number, height: number, rgb: readonly [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .toColourspace('rgb16')
    .png()
    .toBuffer();
}

/** A two-frame animated GIF: a red first frame, then a blue one. */
export async function animatedGif(width: number, height: number): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width, height, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A PNG whose header claims `width` x `height` pixels (a decompression bomb's calling card). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // colour type: RGB
  const idat = zlib.deflateSync(Buffer.alloc(1024));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An ISO-BMFF `ftyp` box, the first box of every HEIF/AVIF file. */
export function ftypBox(major: string, compatible: readonly string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  box.writeUInt32BE(0, 12); // minor version
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return box;
}

/**
 * An iPhone-style HEIC: a real HEIF container (sharp's own AVIF output) relabelled as HEVC,
 * so its brands say `heic` and its image item says `hvc1`. Like a real HEIC, the prebuilt
 * sharp cannot decode it.
 */
export async function heicLike(): Promise<Buffer> {
  const avif = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#00ff00' } })
    .avif()
    .toBuffer();
  const bytes = Buffer.from(avif);
  for (const [from, to] of [
    ['avif', 'heic'],
    ['av01', 'hvc1'],
  ] as const) {
    for (let at = bytes.indexOf(from, 0, 'latin1'); at !== -1; at = bytes.indexOf(from, at + 1, 'latin1')) {
      bytes.write(to, at, 'latin1');
    }
  }
  return bytes;
}

/** An SVG that would make a renderer fetch from the network if anything ever rendered it. */
export const SVG_WITH_EXTERNAL_REF = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a design tool -->
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
  <image href="http://127.0.0.1:9/x.png" width="400" height="400"/>
</svg>
`;

/** The hostile and odd files, written under misleading names (the extension must not matter). */
export async function writeOddFiles(dir: string): Promise<Record<OddFile, string>> {
  const truncatedSource = await photoJpeg({ width: 800, height: 600, seed: 3 });
  const files: Record<OddFile, Buffer | string> = {
    empty: Buffer.alloc(0),
    text: 'SKU,Nama,Harga\nKRP-1,Keripik,12500\n',
    truncated: truncatedSource.subarray(0, Math.floor(truncatedSource.length * 0.6)),
    bomb: pngClaiming(100_000, 100_000),
    svg: SVG_WITH_EXTERNAL_REF,
    heic: await heicLike(),
  };
  const names: Record<OddFile, string> = {
    empty: 'empty.jpg',
    text: 'catalogue.jpg',
    truncated: 'cut-upload.jpg',
    bomb: 'huge.png',
    svg: 'logo.jpg',
    heic: 'IMG_0001.jpg',
  };
  const paths = {} as Record<OddFile, string>;
  for (const key of Object.keys(files) as OddFile[]) {
    const file = path.join(dir, names[key]);
    fs.writeFileSync(file, files[key]);
    paths[key] = file;
  }
  return paths;
}

export type OddFile = 'empty' | 'text' | 'truncated' | 'bomb' | 'svg' | 'heic';

// ---------------------------------------------------------------------------------------
// Reading results back: what tests assert on.

export interface Decoded {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export async function decode(image: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export function pixel(image: Decoded, x: number, y: number): [number, number, number] {
  const at = (y * image.width + x) * image.channels;
  return [image.data[at] ?? -1, image.data[at + 1] ?? -1, image.data[at + 2] ?? -1];
}

export function isNear(rgb: readonly number[], target: readonly number[], tolerance: number): boolean {
  return rgb.every((value, i) => Math.abs(value - (target[i] ?? 0)) <= tolerance);
}

/**
 * Where a marker colour landed, as the centre of its pixels in fractions of the image
 * (null when absent). Tolerant of JPEG colour bleeding at the edges.
 */
export function centroid(image: Decoded, rgb: readonly number[]): { x: number; y: number } | null {
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (let y = 0; y < image.height; y += 2) {
    for (let x = 0; x < image.width; x += 2) {
      if (isNear(pixel(image, x, y), rgb, 45)) {
        sumX += x;
        sumY += y;
        count++;
      }
    }
  }
  if (count === 0) return null;
  return { x: sumX / count / image.width, y: sumY / count / image.height };
}

/** Mean Rec. 601 luma of the whole image. */
export function meanLuma(image: Decoded): number {
  let sum = 0;
  for (let at = 0; at < image.data.length; at += image.channels) {
    sum += 0.299 * (image.data[at] ?? 0) + 0.587 * (image.data[at + 1] ?? 0) + 0.114 * (image.data[at + 2] ?? 0);
  }
  return sum / (image.width * image.height);
}
