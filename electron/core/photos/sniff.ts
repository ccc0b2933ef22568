/**
 * What a photo really is, judged by its first bytes: file names lie (WhatsApp saves WebP as
 * .jpg, iPhones share HEIC as .jpg, people rename files). This is also the gate in front of
 * sharp: only formats sniffed here as raster photos are ever handed to a decoder.
 */
export const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heic', 'avif', 'svg', 'unknown'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** Formats we let sharp decode. HEIC (no decoder in prebuilt sharp) and SVG are refused. */
export type RasterFormat = Extract<PhotoFormat, 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif'>;

export function isRaster(format: PhotoFormat): format is RasterFormat {
  return format !== 'heic' && format !== 'svg' && format !== 'unknown';
}

/** Enough for every signature below, and for an SVG's XML prolog and comments. */
export const SNIFF_BYTES = 4096;

/** HEIF brands of HEVC-coded images (stills and sequences), as written by iPhones and Samsungs. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF brands: the codec is told by the compatible brands next to them. */
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Uint8Array, at: number, length: number): string {
  if (head.length < at + length) return '';
  return String.fromCharCode(...head.subarray(at, at + length));
}

/** `head` is the first `SNIFF_BYTES` of the file (fewer if the file is shorter). */
export function sniffPhoto(head: Uint8Array): PhotoFormat {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  // Classic TIFF (42) and BigTIFF (43), in both byte orders.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (ascii(head, 4, 4) === 'ftyp') return heifKind(head);
  if (isSvg(head)) return 'svg';
  return 'unknown';
}

/**
 * An ISO-BMFF file (HEIF, AVIF, but also MP4 video) names its brands in the leading `ftyp`
 * box: the major brand, then the compatible ones. The major brand decides; a generic
 * `mif1`/`msf1` major brand defers to the compatible list. Anything else (an MP4 from the
 * camera roll) is not a photo.
 */
function heifKind(head: Uint8Array): PhotoFormat {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const boxSize = head.length >= 4 ? view.getUint32(0) : 0;
  const end = Math.min(boxSize, head.length);
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(head, at, 4));

  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (HEIF_BRANDS.has(major) || compatible.some((brand) => HEIF_BRANDS.has(brand))) {
    if (compatible.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
    // A HEIF that is not AVIF is HEVC in practice (iPhone, Samsung), even without a heic brand.
    return 'heic';
  }
  return 'unknown';
}

/**
 * SVG is text: `<svg`, possibly after a BOM, an XML declaration, comments or a doctype. It is
 * recognised only to be refused with its own reason (a vector drawing that can reference
 * external files is not a photo).
 */
function isSvg(head: Uint8Array): boolean {
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else text = new TextDecoder('utf-8').decode(startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head);
  const start = text.trimStart().slice(0, SNIFF_BYTES).toLowerCase();
  if (start.startsWith('<svg')) return true;
  const prolog = start.startsWith('<?xml') || start.startsWith('<!--') || start.startsWith('<!doctype');
  return prolog && /<svg[\s>:/]/.test(start);
}
