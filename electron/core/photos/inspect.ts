import fs from 'node:fs/promises';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { isRaster, sniffPhoto, SNIFF_BYTES, type PhotoFormat, type RasterFormat } from './sniff';
import { isPlainSrgb } from './srgb-profile';

/**
 * Opening a photo we did not make (phones, USB sticks, chat apps): read the first bytes,
 * decide what it really is, and hand only real raster photos to sharp, with limits suited to a
 * cheap laptop. Every problem with the file comes back as a reason code plus params (the UI
 * translates them); only bugs throw.
 */

/**
 * 70 MP. sharp's default (268 MP) lets one photo hold ~800 MB of pixels while being rotated,
 * too much for a 4 GB laptop running two at once. 70 MP accepts every phone camera a seller
 * is likely to use at full resolution: 50 MP (8160x6120 = 49.9 MP) and the 64 MP sensors of
 * mid-range Androids (9248x6936 = 64.1 MP). 108/200 MP modes are refused with a reason the UI
 * can explain ("switch the camera back to its normal size").
 */
export const MAX_INPUT_PIXELS = 70_000_000;

/**
 * A safety net, not a budget: a 50 MP photo takes about a second on a 2-core laptop. The
 * clock runs only while libvips works on this image (not while it waits for a thread).
 */
export const DECODE_TIMEOUT_SECONDS = 60;

/** The options every untrusted photo is opened with (render adds nothing that weakens them). */
export const UNTRUSTED_INPUT: Readonly<SharpOptions> = Object.freeze({
  // Abort on any decoder warning, truncation included (the libvips default, kept on purpose).
  failOn: 'warning',
  // Checked against the header before any pixel is decoded.
  limitInputPixels: MAX_INPUT_PIXELS,
  // Keeps libvips' memory guards for PNG and friends.
  unlimited: false,
  sequentialRead: true,
  // Animated GIF/WebP: the first frame only.
  pages: 1,
});

export const PHOTO_INPUT_REASONS = [
  'file_not_found',
  'not_a_file',
  'access_denied',
  'read_failed',
  'empty',
  /** Text, a document, a video...: nothing we recognise as a picture. */
  'not_an_image',
  /** iPhone HEIC/HEIF (HEVC): the caller suggests "Most Compatible" in the camera settings. */
  'heic',
  /** A vector drawing: not a photo, and it may reference external files. */
  'svg',
  'too_many_pixels',
  'truncated',
  'corrupt',
  /** A picture format or variant sharp cannot process (params.format says which). */
  'unsupported',
  /** Decoding took longer than `DECODE_TIMEOUT_SECONDS`: a hostile file, or a very slow machine. */
  'timeout',
] as const;
export type PhotoInputReason = (typeof PHOTO_INPUT_REASONS)[number];

export type Params = Readonly<Record<string, string | number>>;

export interface Failure<R extends string> {
  readonly ok: false;
  readonly reason: R;
  readonly params: Params;
}

export function fail<R extends string>(reason: R, params: Params = {}): Failure<R> {
  return { ok: false, reason, params };
}

/** A path to the file, or its bytes. */
export type PhotoInput = string | Buffer;

export interface PhotoInfo {
  readonly format: RasterFormat;
  /** After EXIF orientation: what the seller sees. */
  readonly width: number;
  readonly height: number;
  /** EXIF Orientation, 1 (upright) when absent. */
  readonly orientation: number;
  /** libvips interpretation: srgb, cmyk, b-w, rgb16, grey16... */
  readonly space: string;
  /** uchar (8-bit) or ushort (16-bit)... */
  readonly depth: string;
  readonly channels: number;
  readonly hasAlpha: boolean;
  /** An embedded ICC profile (Display P3 from iPhones, Adobe RGB from cameras...). */
  readonly hasProfile: boolean;
  /** Frames in an animated GIF/WebP, pages in a TIFF; only the first is ever used. */
  readonly pages: number;
  readonly bytes: number;
}

export type InspectResult = { readonly ok: true; readonly info: PhotoInfo } | Failure<PhotoInputReason>;

export interface InspectOptions {
  /**
   * Also decode the pixels to find truncated or corrupt data now rather than when the photo
   * is rendered: the header alone says nothing about a file cut short by a broken USB stick.
   * JPEGs decode at 1/8 scale, but every byte is still entropy-decoded: ~70 ms for a 12 MP
   * photo on a 2-core machine (header only: ~2 ms), about half a render.
   */
  readonly decode?: boolean;
}

/** Facts about a photo from its header (and, optionally, a cheap decode). */
export async function inspectPhoto(input: PhotoInput, options: InspectOptions = {}): Promise<InspectResult> {
  const opened = await openPhoto(input);
  if (!opened.ok) return opened;
  const { format, bytes, meta, width, height } = opened.photo;
  if (options.decode) {
    try {
      await sharp(input, UNTRUSTED_INPUT)
        .resize(64, 64, { fit: 'inside' })
        .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
        .raw()
        .toBuffer();
    } catch (error) {
      return failureFromSharp(error, format);
    }
  }
  return {
    ok: true,
    info: {
      format,
      width,
      height,
      orientation: meta.orientation ?? 1,
      space: meta.space,
      depth: meta.depth,
      channels: meta.channels,
      hasAlpha: meta.hasAlpha,
      hasProfile: meta.hasProfile,
      pages: meta.pages ?? 1,
      bytes,
    },
  };
}

export interface OpenedPhoto {
  readonly format: RasterFormat;
  /** The file's size (0 from `openSniffed` when the caller did not say). */
  readonly bytes: number;
  /**
   * A sharp instance on the input with `UNTRUSTED_INPUT`; nothing decoded yet. It ignores an
   * embedded profile that is plain sRGB (srgb-profile.ts): the pixels are sRGB already.
   */
  readonly image: Sharp;
  readonly meta: Metadata;
  /** The photo carries a plain sRGB profile, which `image` ignores. */
  readonly ignoresProfile: boolean;
  /** Oriented size (after EXIF orientation). */
  readonly width: number;
  readonly height: number;
}

/**
 * Sniffs the input, refuses what is not a raster photo, and reads the header through sharp.
 * The returned instance has decoded nothing yet: the caller builds its one pipeline on it.
 */
export async function openPhoto(input: PhotoInput): Promise<Opened> {
  const head = await readHead(input);
  if (!head.ok) return head;
  if (head.bytes === 0) return fail('empty');
  const format = sniffPhoto(head.head);
  if (!isRaster(format)) return refuseFormat(format);
  return openSniffed(input, format, head.bytes);
}

type Opened = { readonly ok: true; readonly photo: OpenedPhoto } | Failure<PhotoInputReason>;

/**
 * `openPhoto` for a file whose first bytes were already sniffed as `format` (a stored
 * original, checked when it was imported): the header is not read again, which saves four
 * file operations a photo in the rendering queue. The decoder libvips picks must still be
 * the one for `format`, so a file that changed since is refused all the same. `bytes` is
 * the file's size when the caller knows it, else 0.
 */
export async function openSniffed(input: PhotoInput, format: RasterFormat, bytes = 0): Promise<Opened> {
  const image = sharp(input, UNTRUSTED_INPUT);
  let meta: Metadata;
  try {
    meta = await image.metadata();
  } catch (error) {
    const failure = failureFromSharp(error, format);
    return failure.reason === 'too_many_pixels' ? await measureOversize(input, failure) : failure;
  }
  // The decoder libvips chose must be the one we sniffed: anything else is a polyglot or a
  // file that changed under us, and is not decoded.
  if (SHARP_FORMAT[format] !== meta.format) return fail('unsupported', { format, decoder: String(meta.format) });
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  if (width * height > MAX_INPUT_PIXELS) return tooManyPixels(width, height);
  // An 8-bit photo tagged plain sRGB is already what the output is: no conversion.
  const plain = meta.depth === 'uchar' && meta.space === 'srgb' && isPlainSrgb(meta.icc);
  const decoder = plain ? sharp(input, { ...UNTRUSTED_INPUT, ignoreIcc: true }) : image;
  return { ok: true, photo: { format, bytes, image: decoder, meta, width, height, ignoresProfile: plain } };
}

const SHARP_FORMAT: Record<RasterFormat, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  avif: 'heif',
};

function refuseFormat(format: Exclude<PhotoFormat, RasterFormat>): Failure<PhotoInputReason> {
  switch (format) {
    case 'heic':
      return fail('heic');
    case 'svg':
      return fail('svg');
    case 'unknown':
      return fail('not_an_image');
  }
}

function tooManyPixels(width: number, height: number): Failure<PhotoInputReason> {
  return fail('too_many_pixels', {
    width,
    height,
    megapixels: Math.round((width * height) / 100_000) / 10,
    maxMegapixels: MAX_INPUT_PIXELS / 1_000_000,
  });
}

/**
 * sharp refuses an oversized header without saying the size; the UI wants it ("108 MP, the
 * limit is 70 MP": the camera is in its high-resolution mode). Reading the header again
 * without the limit decodes no pixels, and this instance is never used for anything else.
 */
async function measureOversize(
  input: PhotoInput,
  failure: Failure<PhotoInputReason>,
): Promise<Failure<PhotoInputReason>> {
  try {
    const meta = await sharp(input, { ...UNTRUSTED_INPUT, limitInputPixels: false }).metadata();
    return tooManyPixels(meta.autoOrient.width, meta.autoOrient.height);
  } catch {
    return failure;
  }
}

type Head = { readonly ok: true; readonly head: Uint8Array; readonly bytes: number } | Failure<PhotoInputReason>;

async function readHead(input: PhotoInput): Promise<Head> {
  if (typeof input !== 'string') return { ok: true, head: input.subarray(0, SNIFF_BYTES), bytes: input.length };
  try {
    const stat = await fs.stat(input);
    if (!stat.isFile()) return fail('not_a_file');
    const handle = await fs.open(input, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { ok: true, head: buffer.subarray(0, bytesRead), bytes: stat.size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failureFromFs(error);
  }
}

export function failureFromFs(error: unknown): Failure<PhotoInputReason> {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fail('file_not_found');
    case 'EISDIR':
      return fail('not_a_file');
    case 'EACCES':
    case 'EPERM':
      return fail('access_denied');
    default:
      return fail('read_failed', { code: typeof code === 'string' ? code : 'unknown' });
  }
}

/**
 * sharp reports problems as Error messages from libvips and its decoders; these patterns
 * were read off sharp 0.35.5 (libvips 8.18) for each kind of damage the tests produce.
 * A message about our own arguments ("Expected ...") is a bug and is rethrown.
 */
export function failureFromSharp(error: unknown, format: PhotoFormat): Failure<PhotoInputReason> {
  if (!(error instanceof Error)) throw error;
  const message = error.message;
  if (/^Expected |Invalid parameter|^Cannot use/i.test(message)) throw error;
  // Keep the last line: libvips repeats its seek attempts above the actual cause.
  const detail = message.trim().split('\n').pop()?.slice(0, 200) ?? '';
  if (/^Input file is missing/i.test(message)) return fail('file_not_found');
  if (/exceeds pixel limit/i.test(message)) return fail('too_many_pixels', { maxMegapixels: MAX_INPUT_PIXELS / 1e6 });
  if (/^timeout: \d+% complete/im.test(message)) return fail('timeout', { format });
  if (/heif: .*(unsupported codec|unsupported feature|no 'hvcC')/i.test(message)) return fail('heic');
  if (/premature end|unexpected end|end of file|truncated|out of data/i.test(message)) {
    return fail('truncated', { format, detail });
  }
  if (/channel limit|unsupported (?!image format)/i.test(message)) return fail('unsupported', { format, detail });
  return fail('corrupt', { format, detail });
}
