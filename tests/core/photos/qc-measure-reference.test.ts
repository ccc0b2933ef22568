import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { differenceHash, type Box } from '../../../electron/core/photos/qc/hash';
import { measurePixels, SAMPLE_SIDE, type PhotoMetrics } from '../../../electron/core/photos/qc/measure';
import { blurred, renderScene, type SceneSpec } from '../../support/photo-scenes';
import { seededRandom } from '../../support/random';

/**
 * measurePixels is the studio's hot loop, written for speed (one fused pass over the pixels,
 * scratch arrays kept from one photo to the next). QC's thresholds were calibrated on what
 * the plain loops below measure, so the fast version must give exactly their numbers, not
 * nearly: this file keeps the plain version as the reference and compares every field.
 */

const BORDER_SHARE = 0.03;
const FOREGROUND_DIFFERENCE = 40;
const EDGE_RELATIVE = 0.2;
const EDGE_FLOOR = 8;

function luma(r: number, g: number, b: number): number {
  return (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
}

function percentile(histogram: ArrayLike<number>, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v]!;
    if (seen > 0 && seen >= share * total) return v;
  }
  return histogram.length - 1;
}

/** The measures as first written: one plain loop per measure, a callback per ring pixel. */
function reference(rgb: Uint8Array, width: number, height: number): PhotoMetrics {
  const n = width * height;
  const at = (p: number, c: number) => rgb[p * 3 + c]!;

  // Background ring.
  const band = Math.max(2, Math.round(Math.min(width, height) * BORDER_SHARE));
  const ring: number[] = [];
  for (let y = 0; y < height; y++) {
    const start = y * width;
    if (y < band || y >= height - band) for (let p = start; p < start + width; p++) ring.push(p);
    else {
      for (let p = start; p < start + band; p++) ring.push(p);
      for (let p = start + width - band; p < start + width; p++) ring.push(p);
    }
  }
  const channels = [new Array<number>(256).fill(0), new Array<number>(256).fill(0), new Array<number>(256).fill(0)];
  let sum = 0;
  let squares = 0;
  let chromaSum = 0;
  let white = 0;
  for (const p of ring) {
    const [r, g, b] = [at(p, 0), at(p, 1), at(p, 2)];
    channels.forEach((histogram, c) => histogram[at(p, c)]!++);
    const v = luma(r, g, b);
    const chroma = Math.max(r, g, b) - Math.min(r, g, b);
    sum += v;
    squares += v * v;
    chromaSum += chroma;
    if (v >= 210 && chroma <= 30) white++;
  }
  const count = ring.length;
  const colour = channels.map((histogram) => percentile(histogram, count, 0.5));
  const differs = (p: number) => Math.max(...colour.map((c, k) => Math.abs(at(p, k) - c)));
  const plain = ring.filter((p) => differs(p) <= FOREGROUND_DIFFERENCE).length;
  const mean = sum / count;

  // Luma, its histogram, product pixels per row and column.
  const grey = new Uint8Array(n);
  const greyHistogram = new Array<number>(256).fill(0);
  const rows = new Array<number>(height).fill(0);
  const columns = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      grey[p] = luma(at(p, 0), at(p, 1), at(p, 2));
      greyHistogram[grey[p]!]!++;
      const product = colour.some((c, k) => Math.abs(at(p, k) - c) > FOREGROUND_DIFFERENCE) ? 1 : 0;
      rows[y]! += product;
      columns[x]! += product;
    }
  }

  // Fill.
  const extent = (counts: number[], min: number): [number, number] => {
    const hits = counts.flatMap((value, i) => (value >= min ? [i] : []));
    return hits.length ? [hits[0]!, hits[hits.length - 1]! + 1] : [0, 0];
  };
  const [left, right] = extent(columns, Math.max(2, height * 0.01));
  const [top, bottom] = extent(rows, Math.max(2, width * 0.01));
  const box: Box = { left, top, width: right - left, height: bottom - top };

  // Sharpness.
  const slope2 = new Int32Array(n);
  const slopes = new Array<number>(6144).fill(0);
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0; x < width - 1; x++) {
      const p = y * width + x;
      let s2 = 0;
      for (let c = 0; c < 3; c++) s2 += (at(p + 1, c) - at(p, c)) ** 2 + (at(p + width, c) - at(p, c)) ** 2;
      slope2[p] = s2;
      if (s2 >= 64) slopes[s2 >> 6]!++;
    }
  }
  let strongest2 = 0;
  for (let bin = slopes.length - 1, seen = 0; bin > 0; bin--) {
    seen += slopes[bin]!;
    if (seen >= n * 0.001) {
      strongest2 = bin << 6;
      break;
    }
  }
  const min2 = Math.max(EDGE_FLOOR ** 2, EDGE_RELATIVE ** 2 * strongest2);
  const widths = new Array<number>(1001).fill(0);
  let points = 0;
  for (let y = 3; y < height - 3; y++) {
    for (let x = 3; x < width - 3; x++) {
      const p = y * width + x;
      const s2 = slope2[p]!;
      if (s2 < min2) continue;
      const across = Math.abs(grey[p + 1]! - grey[p - 1]!) >= Math.abs(grey[p + width]! - grey[p - width]!) ? 1 : width;
      if (s2 < slope2[p - across]! || s2 < slope2[p + across]!) continue;
      let step2 = 0;
      for (let c = 0; c < 3; c++) {
        const ahead = at(p + 2 * across, c) + at(p + 3 * across, c);
        const behind = at(p - 2 * across, c) + at(p - 3 * across, c);
        step2 += ((ahead - behind) / 2) ** 2;
      }
      widths[Math.min(1000, Math.round(Math.sqrt(step2 / s2) * 100))]!++;
      points++;
    }
  }
  let lapSum = 0;
  let lapSquares = 0;
  let lapCount = 0;
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1; x < width - 1; x += 2) {
      const p = y * width + x;
      const lap = grey[p - 1]! + grey[p + 1]! + grey[p - width]! + grey[p + width]! - 4 * grey[p]!;
      lapSum += lap;
      lapSquares += lap * lap;
      lapCount++;
    }
  }
  const lapMean = lapCount ? lapSum / lapCount : 0;

  let lumaSum = 0;
  for (let v = 0; v < 256; v++) lumaSum += v * greyHistogram[v]!;
  const dark = greyHistogram.slice(0, 25).reduce((a, b) => a + b, 0);
  const clipped = greyHistogram.slice(250).reduce((a, b) => a + b, 0);
  return {
    width,
    height,
    sampleWidth: width,
    sampleHeight: height,
    sharpness: {
      edgeWidth: points ? percentile(widths, points, 0.5) / 100 : 0,
      edgePoints: points,
      laplacianVariance: lapCount ? lapSquares / lapCount - lapMean * lapMean : 0,
    },
    exposure: {
      mean: n ? lumaSum / n : 0,
      blackLevel: percentile(greyHistogram, n, 0.005),
      whiteLevel: percentile(greyHistogram, n, 0.98),
      darkShare: n ? dark / n : 0,
      clippedShare: n ? clipped / n : 0,
    },
    background: {
      luminance: mean,
      chroma: chromaSum / count,
      spread: Math.sqrt(Math.max(0, squares / count - mean * mean)),
      whiteShare: white / count,
      plainShare: plain / count,
    },
    fill: {
      side: Math.max(box.width / width, box.height / height),
      area: (box.width * box.height) / (width * height),
    },
    hash: differenceHash(grey, width, box.width >= 9 && box.height >= 8 ? box : { left: 0, top: 0, width, height }),
  };
}

interface Sample {
  readonly name: string;
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A scene as the queue hands it to QC: the 1200 px JPEG decoded at half size. */
async function sceneSample(spec: SceneSpec, blur = 0): Promise<Sample> {
  const jpeg = await renderScene(spec);
  const { data, info } = await sharp(blur ? await blurred(jpeg, blur) : jpeg)
    .resize(SAMPLE_SIDE, SAMPLE_SIDE, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { name: `${spec.background}/${spec.texture}${blur ? ` blur ${blur}` : ''}`, data, ...info };
}

function noise(width: number, height: number, seed: number): Sample {
  const random = seededRandom(seed);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
  return { name: `noise ${width}x${height}`, data, width, height };
}

describe('measurePixels against the plain reference loops', () => {
  it('gives exactly the same metrics, whatever was measured before it', async () => {
    const samples: Sample[] = [
      await sceneSample({ seed: 1, background: 'white', fill: 0.9, texture: 'fine' }),
      await sceneSample({ seed: 2, background: 'grey', fill: 0.35, texture: 'label', tone: 'dark' }),
      await sceneSample({ seed: 3, background: 'busy', fill: 0.6, texture: 'pattern' }, 3),
      await sceneSample({ seed: 4, background: 'coloured', fill: 0.8, texture: 'smooth', aspect: 1.5 }),
      noise(601, 347, 5),
      // Tiny frames: a ring wider than half the frame, nothing inside the edge margin.
      noise(3, 3, 6),
      noise(9, 8, 7),
      noise(1, 1, 8),
      // Larger than a QC sample: measured without the kept scratch arrays.
      noise(SAMPLE_SIDE + 1, SAMPLE_SIDE, 9),
    ];
    const expected = samples.map((sample) => reference(sample.data, sample.width, sample.height));
    // Twice over, forwards then backwards: every size follows a bigger and a smaller one.
    for (const order of [samples.keys(), [...samples.keys()].reverse()]) {
      for (const i of order) {
        const { name, data, width, height } = samples[i]!;
        expect(measurePixels(data, width, height, 3), name).toEqual(expected[i]);
      }
    }
  });
});
