import sharp from 'sharp';
import { differenceHash, type Box } from './hash';

/**
 * What the photo QC checks read from a photo, from one small decode. sharp shrinks the photo
 * to a sample of at most SAMPLE_SIDE px on the long edge; everything else is plain
 * arithmetic over those RGB bytes, and the checks (./checks.ts) are pure functions of the
 * result. Metrics are plain JSON values: they can
 * be stored beside the photo and checked again when thresholds or the marketplace change,
 * without decoding anything.
 *
 * Why 600 px: the studio's output is 1200 px, and half of it is what libjpeg decodes directly
 * at 1/2 scale (shrink-on-load), so the sample costs less than a full decode and has no
 * resampling blur of its own. It also keeps the blur a marketplace reviewer sees (a Gaussian
 * of 3 px at 1200 px, 1.5 px here) clearly apart from crisp edges: at 512 px the gap between
 * sharp and blurred scenes was half as wide, and at 256 px, where that blur shrinks to 0.6 px
 * (less than the resampling itself), sharp and blurred photos overlap (see
 * tests/core/photos/qc-calibration.test.ts, which prints the distributions and the cost).
 * Cost, measured on the 2-core development machine: the arithmetic (`measurePixels`) takes
 * ~5 ms of CPU per 600 px sample at best (~6.5 ms before the V8-specific rewrite of
 * `scanPixels` below), more inside the studio's queue, where the sample is fresh from another
 * core's cache and two renders share the cores; the decode is ~10 ms more. In the queue QC is
 * the largest cost after the render itself (~100 ms from a 12 MP original), so the loops
 * below are written for speed: one fused pass over the pixels (`scanPixels`), scratch arrays
 * kept between photos, no callback per pixel, few typed-array accesses per pixel. They give
 * exactly the numbers of the plain loops, which qc-measure-reference.test.ts keeps as the
 * reference the thresholds were calibrated on.
 */
export const SAMPLE_SIDE = 600;

export interface PhotoMetrics {
  /** The image as given, after EXIF rotation (what a buyer sees). */
  readonly width: number;
  readonly height: number;
  /** The sample the other measures were read from. */
  readonly sampleWidth: number;
  readonly sampleHeight: number;
  readonly sharpness: {
    /**
     * How wide the photo's strongest edges are, in sample pixels (median over edge points):
     * the step across an edge divided by its steepest slope. About 1-2 for a focused photo,
     * 2.5 x the blur radius for an out-of-focus one, whatever the brightness or contrast.
     */
    readonly edgeWidth: number;
    /** How many edge points `edgeWidth` was measured on; few means a featureless photo. */
    readonly edgePoints: number;
    /**
     * The textbook blur measure: variance of the 3x3 Laplacian of the grey sample. The
     * checks do not use it (it follows the amount of texture and contrast as much as focus:
     * the calibration prints why); it is kept so that comparison stays visible.
     */
    readonly laplacianVariance: number;
  };
  readonly exposure: {
    /** Mean luminance, 0-255. */
    readonly mean: number;
    /** Luminance of the darkest 0.5 % of pixels: light grey when the photo is washed out. */
    readonly blackLevel: number;
    /** Luminance of the brightest 2 %: still grey when the photo is too dark. */
    readonly whiteLevel: number;
    /** Share of pixels at luminance 24 or below (crushed to black). */
    readonly darkShare: number;
    /** Share of pixels at 250 or above (burnt to white; a white background counts too). */
    readonly clippedShare: number;
  };
  /** The outer ring of the photo (BORDER_SHARE of the short side), where the background shows. */
  readonly background: {
    readonly luminance: number;
    /** Mean of max(R,G,B) - min(R,G,B): 0 for greys, large for coloured cloth. */
    readonly chroma: number;
    /** Standard deviation of the ring's luminance. */
    readonly spread: number;
    /** Share of ring pixels that are white or nearly (luminance >= 210, chroma <= 30). */
    readonly whiteShare: number;
    /** Share of ring pixels close to the ring's median colour: low for a busy background. */
    readonly plainShare: number;
  };
  /**
   * How much of the frame the product takes: the bounding box of pixels that differ clearly
   * from the background colour, as its longest side over the frame's side (`side`, what the
   * "fills 80 %" guideline means) and as a share of the frame's area. Measured on the photo
   * as uploaded, so white bars that pad a landscape photo to a square count as background.
   * On a busy background everything "differs", so this is near 1 and means nothing: the
   * checks look at `background.plainShare` first.
   */
  readonly fill: { readonly side: number; readonly area: number };
  /** 64-bit difference hash (9x8 grey, 16 hex digits), for near-duplicate photos. */
  readonly hash: string;
}

/** Outer ring read as background: thinner than the margin a product filling 90 % leaves. */
const BORDER_SHARE = 0.03;
/** A pixel this different (max channel difference) from the background colour is product. */
const FOREGROUND_DIFFERENCE = 40;
/** Only edges at least this strong, relative to the photo's strongest, are measured. */
const EDGE_RELATIVE = 0.2;
/** ... and never weaker than this (vector gradient, grey levels per px): below is noise. */
const EDGE_FLOOR = 8;

/**
 * Measures a photo for the QC checks. Untrusted input: sharp's `failOn: 'warning'` and
 * default pixel limit stay on (reliability.md section 2); a file sharp cannot read rejects
 * the promise with sharp's error, for the caller to report as an unreadable photo.
 */
export async function measurePhoto(input: Buffer | string): Promise<PhotoMetrics> {
  const image = sharp(input, { failOn: 'warning' });
  const meta = await image.metadata();
  const { data, info } = await image
    .autoOrient()
    .resize(SAMPLE_SIDE, SAMPLE_SIDE, { fit: 'inside', withoutEnlargement: true })
    // A transparent PNG is shown on white by the marketplaces.
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const size = meta.autoOrient;
  return measurePixels(data, info.width, info.height, info.channels, size.width, size.height);
}

/** The measures over raw pixels (RGB, or grey when `channels` is 1); exported for tests. */
export function measurePixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  fullWidth = width,
  fullHeight = height,
): PhotoMetrics {
  const rgb = toRgb(data, width * height, channels);
  const background = measureBackground(rgb, width, height);
  const scan = scanPixels(rgb, width, height, background.colour);
  const { grey, greyHistogram, rows, columns } = scan;
  const fill = measureFill(rows, columns, width, height);
  const whole: Box = { left: 0, top: 0, width, height };
  return {
    width: fullWidth,
    height: fullHeight,
    sampleWidth: width,
    sampleHeight: height,
    sharpness: measureSharpness(rgb, scan, width, height),
    exposure: measureExposure(greyHistogram, width * height),
    background: background.metrics,
    fill: { side: fill.side, area: fill.area },
    hash: differenceHash(grey, width, fill.box.width >= 9 && fill.box.height >= 8 ? fill.box : whole),
  };
}

/**
 * The two per-pixel arrays (1.8 MB for a 600 px sample), kept from one photo to the next:
 * a fresh 1.4 MB Int32Array costs ~0.8 ms of page faults and zeroing, a tenth of the
 * measuring. Safe to share because measuring is synchronous (each worker thread has its own
 * module); callers overwrite what they read. Frames larger than a QC sample get their own,
 * so an odd big one does not keep its memory.
 */
let kept = { grey: new Uint8Array(0), slope2: new Int32Array(0) };
function scratch(n: number): { grey: Uint8Array; slope2: Int32Array } {
  if (n > SAMPLE_SIDE * SAMPLE_SIDE) return { grey: new Uint8Array(n), slope2: new Int32Array(n) };
  if (kept.grey.length < n) kept = { grey: new Uint8Array(n), slope2: new Int32Array(n) };
  return kept;
}

function toRgb(data: Uint8Array, n: number, channels: number): Uint8Array {
  if (channels === 3) return data;
  const rgb = new Uint8Array(n * 3);
  for (let p = 0; p < n; p++) {
    const i = p * channels;
    const r = data[i]!;
    rgb[p * 3] = r;
    rgb[p * 3 + 1] = channels >= 3 ? data[i + 1]! : r;
    rgb[p * 3 + 2] = channels >= 3 ? data[i + 2]! : r;
  }
  return rgb;
}

/**
 * Rec. 601 luma, what JPEG stores, in whole levels. A const, not a function declaration: V8
 * inlines both, but re-checks a declared function's binding at every call (measured ~0.3 ms
 * in `scanPixels`).
 */
const luma = (r: number, g: number, b: number): number => (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;

/** max(R,G,B) - min(R,G,B). */
function chromaOf(r: number, g: number, b: number): number {
  const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
  const lo = r < g ? (r < b ? r : b) : g < b ? g : b;
  return hi - lo;
}

/**
 * One pass over every pixel for everything that needs all of them: the luma of each and its
 * histogram; per row and column how many pixels are product (differ clearly from the
 * background colour: some channel more than FOREGROUND_DIFFERENCE away); and the squared
 * slope of the RGB vector (forward differences to the right and down, at most 6 x 255^2, an
 * exact integer) with its histogram in bins of 64, and per row the OR of the slopes (at least
 * the row's steepest, so `measureSharpness` can skip rows with no edge). One pass reads each
 * pixel once instead of once per measure: measured ~20 % less time than separate passes. The
 * results are exactly those of the plain loops.
 *
 * Written for V8: every typed-array access in the loop costs a bounds check and reloads of
 * the array's fields, so the loop makes few of them. Each pixel's values are read once as
 * the right-hand neighbour and carried over; the product test is arithmetic, not a lookup
 * table; and the slope sum is truncated with `| 0` (exact: it is below 2^19) so that V8
 * drops its overflow and minus-zero checks. Together ~1 ms less than the first version.
 * Plain single histograms: the interleaved counters that kept runs of one value (a white
 * background) from waiting on their own increments measured no faster once the loop was
 * this short.
 */
function scanPixels(rgb: Uint8Array, width: number, height: number, colour: Rgb) {
  // Every pixel's luma is written below. A slope is written for every pixel but those of the
  // last row and column, which have no forward neighbour and which nothing reads.
  const { grey, slope2 } = scratch(width * height);
  const greyHistogram = new Uint32Array(256);
  // Bins of 64: 6 x 255^2 >> 6 = 6096.
  const slopes = new Uint32Array(6144);
  const rows = new Uint32Array(height);
  const columns = new Uint32Array(width);
  const rowSlopes = new Int32Array(height);
  // A value is product when outside [low, high]: then value - low or high - value is
  // negative, and the OR of the six differences has its sign bit set.
  const [low0, low1, low2] = colour.map((c) => c - FOREGROUND_DIFFERENCE) as [number, number, number];
  const [high0, high1, high2] = colour.map((c) => c + FOREGROUND_DIFFERENCE) as [number, number, number];
  const row = width * 3;
  for (let y = 0, p = 0, i = 0; y < height; y++) {
    let inRow = 0;
    let rowSlope = 0;
    let x = 0;
    if (y < height - 1) {
      let r = rgb[i]!;
      let g = rgb[i + 1]!;
      let b = rgb[i + 2]!;
      for (const sloped = width - 1; x < sloped; x++, p++, i += 3) {
        const v = luma(r, g, b);
        grey[p] = v;
        greyHistogram[v]!++;
        const product = ((r - low0) | (high0 - r) | (g - low1) | (high1 - g) | (b - low2) | (high2 - b)) >>> 31;
        inRow += product;
        columns[x]! += product;
        const rNext = rgb[i + 3]!;
        const gNext = rgb[i + 4]!;
        const bNext = rgb[i + 5]!;
        const rx = rNext - r;
        const gx = gNext - g;
        const bx = bNext - b;
        const ry = rgb[i + row]! - r;
        const gy = rgb[i + row + 1]! - g;
        const by = rgb[i + row + 2]! - b;
        const s2 = (rx * rx + gx * gx + bx * bx + ry * ry + gy * gy + by * by) | 0;
        slope2[p] = s2;
        slopes[s2 >> 6]!++;
        rowSlope |= s2;
        r = rNext;
        g = gNext;
        b = bNext;
      }
    }
    // The last pixel of each row, and the whole last row, have no slope.
    for (; x < width; x++, p++, i += 3) {
      const r = rgb[i]!;
      const g = rgb[i + 1]!;
      const b = rgb[i + 2]!;
      const v = luma(r, g, b);
      grey[p] = v;
      greyHistogram[v]!++;
      const product = ((r - low0) | (high0 - r) | (g - low1) | (high1 - g) | (b - low2) | (high2 - b)) >>> 31;
      inRow += product;
      columns[x]! += product;
    }
    rows[y] = inRow;
    rowSlopes[y] = rowSlope;
  }
  return { grey, greyHistogram, rows, columns, slope2, slopes, rowSlopes };
}

/**
 * Edge width instead of the Laplacian's variance: the variance grows with how much texture
 * and contrast a photo has, so a sharp photo of a plain product on white can score below a
 * blurred photo of batik. The width of an edge does not depend on its contrast. Steps:
 * - gradient of the RGB vector (forward differences, `scanPixels`), so a red product on a
 *   green cloth of the same brightness still has edges;
 * - keep points that are the steepest across their edge (non-maximum suppression) and at
 *   least EDGE_RELATIVE of the photo's strongest gradients: noise and soft shading drop out;
 * - width = step across the edge (mean of 2 and 3 px out on each side) / slope there;
 * - the median over all such points, so one soft background or one crisp label does not
 *   decide alone.
 */
function measureSharpness(
  rgb: Uint8Array,
  scan: { grey: Uint8Array; slope2: Int32Array; slopes: Uint32Array; rowSlopes: Int32Array },
  width: number,
  height: number,
) {
  const { grey, slope2, slopes: histogram, rowSlopes } = scan;
  const n = width * height;
  // The photo's strongest slopes: the 99.9th percentile, robust to a few hot pixels.
  let strongest2 = 0;
  // Bin 0 (flat areas, most of a plain background) is never read.
  for (let bin = 6143, seen = 0; bin > 0; bin--) {
    seen += histogram[bin]!;
    if (seen >= n * 0.001) {
      strongest2 = bin << 6;
      break;
    }
  }
  // Rounded up to a whole number: the same test for the whole-number slopes (s2 < x exactly
  // when s2 < ceil(x)), compared as integers below.
  const min2 = Math.ceil(Math.max(EDGE_FLOOR ** 2, EDGE_RELATIVE ** 2 * strongest2));

  // Widths to 0.01 px up to 10 px (wider is "very blurred" whatever the exact value).
  const widths = new Uint32Array(1001);
  let points = 0;
  const R = 3;
  for (let y = R; y < height - R; y++) {
    // The OR of a row's slopes is at least each of them: below min2, no point of it is.
    // Skips the plain rows above and below the product (~0.1 ms on white backgrounds).
    if (rowSlopes[y]! < min2) continue;
    for (let p = y * width + R, end = (y + 1) * width - R; p < end; p++) {
      const s2 = slope2[p]!;
      if (s2 < min2) continue;
      // Across the edge: horizontally or vertically, whichever the grey gradient favours.
      const across = Math.abs(grey[p + 1]! - grey[p - 1]!) >= Math.abs(grey[p + width]! - grey[p - width]!) ? 1 : width;
      if (s2 < slope2[p - across]! || s2 < slope2[p + across]!) continue;
      const i = p * 3;
      const near = 2 * across * 3;
      const far = 3 * across * 3;
      // Per channel: (ahead - behind) / 2, squared and summed. In whole numbers, divided by
      // 4 at the end: the same doubles, as every step is exact.
      const d0 = rgb[i + near]! + rgb[i + far]! - rgb[i - near]! - rgb[i - far]!;
      const d1 = rgb[i + 1 + near]! + rgb[i + 1 + far]! - rgb[i + 1 - near]! - rgb[i + 1 - far]!;
      const d2 = rgb[i + 2 + near]! + rgb[i + 2 + far]! - rgb[i + 2 - near]! - rgb[i + 2 - far]!;
      const step2 = (d0 * d0 + d1 * d1 + d2 * d2) / 4;
      widths[Math.min(1000, Math.round(Math.sqrt(step2 / s2) * 100))]!++;
      points++;
    }
  }
  const edgeWidth = points ? percentile(widths, points, 0.5) / 100 : 0;
  return { edgeWidth, edgePoints: points, laplacianVariance: laplacianVariance(grey, width, height) };
}

/** Over every other row and column: the same estimate of the variance at a quarter of the cost. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y += 2) {
    for (let p = y * width + 1, end = p + width - 2; p < end; p += 2) {
      const lap = grey[p - 1]! + grey[p + 1]! + grey[p - width]! + grey[p + width]! - 4 * grey[p]!;
      sum += lap;
      squares += lap * lap;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return squares / count - mean * mean;
}

function measureExposure(histogram: Uint32Array, n: number) {
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v]!;
  let dark = 0;
  let clipped = 0;
  for (let v = 0; v <= 24; v++) dark += histogram[v]!;
  for (let v = 250; v < 256; v++) clipped += histogram[v]!;
  return {
    mean: n ? sum / n : 0,
    blackLevel: percentile(histogram, n, 0.005),
    whiteLevel: percentile(histogram, n, 0.98),
    darkShare: n ? dark / n : 0,
    clippedShare: n ? clipped / n : 0,
  };
}

function measureBackground(rgb: Uint8Array, width: number, height: number) {
  const band = Math.max(2, Math.round(Math.min(width, height) * BORDER_SHARE));
  const runs = ringRuns(width, height, band);
  const reds = new Uint32Array(256);
  const greens = new Uint32Array(256);
  const blues = new Uint32Array(256);
  let count = 0;
  let sum = 0;
  let squares = 0;
  let chromaSum = 0;
  let white = 0;
  for (let k = 0; k < runs.length; k += 2) {
    for (let i = runs[k]! * 3, end = runs[k + 1]! * 3; i < end; i += 3) {
      const r = rgb[i]!;
      const g = rgb[i + 1]!;
      const b = rgb[i + 2]!;
      reds[r]!++;
      greens[g]!++;
      blues[b]!++;
      const v = luma(r, g, b);
      const c = chromaOf(r, g, b);
      sum += v;
      squares += v * v;
      chromaSum += c;
      if (v >= 210 && c <= 30) white++;
    }
    count += runs[k + 1]! - runs[k]!;
  }
  // The median colour: the background even where the product or its shadow reaches the edge.
  const colour: Rgb = [percentile(reds, count, 0.5), percentile(greens, count, 0.5), percentile(blues, count, 0.5)];
  // Plain: no channel more than FOREGROUND_DIFFERENCE from it, the same test as `scanPixels`.
  const [low0, low1, low2] = colour.map((c) => c - FOREGROUND_DIFFERENCE) as [number, number, number];
  const [high0, high1, high2] = colour.map((c) => c + FOREGROUND_DIFFERENCE) as [number, number, number];
  let product = 0;
  for (let k = 0; k < runs.length; k += 2) {
    for (let i = runs[k]! * 3, end = runs[k + 1]! * 3; i < end; i += 3) {
      const r = rgb[i]!;
      const g = rgb[i + 1]!;
      const b = rgb[i + 2]!;
      product += ((r - low0) | (high0 - r) | (g - low1) | (high1 - g) | (b - low2) | (high2 - b)) >>> 31;
    }
  }
  const plain = count - product;
  const mean = sum / count;
  return {
    colour,
    metrics: {
      luminance: mean,
      chroma: chromaSum / count,
      spread: Math.sqrt(Math.max(0, squares / count - mean * mean)),
      whiteShare: white / count,
      plainShare: plain / count,
    },
  };
}

/**
 * The ring's pixels as runs of pixel indices, [start, end) pairs: full rows at the top and
 * bottom, `band` px at each side in between. Plain loops over runs, not a callback per
 * pixel: the callback was a tenth of the measuring time.
 */
function ringRuns(width: number, height: number, band: number): number[] {
  const runs: number[] = [];
  for (let y = 0; y < height; y++) {
    const start = y * width;
    if (y < band || y >= height - band) runs.push(start, start + width);
    else runs.push(start, start + band, start + width - band, start + width);
  }
  return runs;
}

type Rgb = readonly [number, number, number];

/** The product's bounding box from the per-row and per-column counts of product pixels. */
function measureFill(rows: Uint32Array, columns: Uint32Array, width: number, height: number) {
  // A row or column counts only with 1 % of its length in product: JPEG specks and dust don't.
  const [left, right] = extent(columns, Math.max(2, height * 0.01));
  const [top, bottom] = extent(rows, Math.max(2, width * 0.01));
  const box: Box = { left, top, width: right - left, height: bottom - top };
  return {
    side: Math.max(box.width / width, box.height / height),
    area: (box.width * box.height) / (width * height),
    box,
  };
}

function percentile(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v]!;
    if (seen > 0 && seen >= share * total) return v;
  }
  return histogram.length - 1;
}

/** First and one past the last index with at least `min`; [0, 0] when none has. */
function extent(counts: Uint32Array, min: number): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! >= min) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? [0, 0] : [first, last + 1];
}
