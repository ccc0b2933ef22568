import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qcIssues, type QcCode } from '../../../electron/core/photos/qc/checks';
import { hashDistance } from '../../../electron/core/photos/qc/hash';
import { measurePhoto, measurePixels, type PhotoMetrics } from '../../../electron/core/photos/qc/measure';
import { productPhotoIssues } from '../../../electron/core/photos/qc/product';
import { QC_THRESHOLDS, type QcThresholds } from '../../../electron/core/photos/qc/thresholds';
import { renderScene } from '../../support/photo-scenes';
import { tempDir } from '../../support/temp';

/**
 * The QC checks as pure functions of metrics (each rule at its boundary), the product-level
 * roll-up, and measurePhoto on the inputs a seller's folder really holds (rotated, grey,
 * transparent, broken). The thresholds themselves are calibrated in qc-calibration.test.ts.
 */

/** Metrics of a good main photo: 1200 px, sharp, well exposed, white background, filled. */
function good(overrides: Partial<{ [K in keyof PhotoMetrics]: Partial<PhotoMetrics[K]> }> = {}): PhotoMetrics {
  const base: PhotoMetrics = {
    width: 1200,
    height: 1200,
    sampleWidth: 600,
    sampleHeight: 600,
    sharpness: { edgeWidth: 1.5, edgePoints: 5000, laplacianVariance: 200 },
    exposure: { mean: 200, blackLevel: 30, whiteLevel: 255, darkShare: 0.01, clippedShare: 0.4 },
    background: { luminance: 252, chroma: 1, spread: 3, whiteShare: 1, plainShare: 1 },
    fill: { side: 0.9, area: 0.6 },
    hash: '0123456789abcdef',
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key as keyof PhotoMetrics];
    merged[key] = typeof current === 'object' ? { ...current, ...(value as object) } : value;
  }
  return merged as unknown as PhotoMetrics;
}

const codes = (metrics: PhotoMetrics, isMain = true, limits: QcThresholds = QC_THRESHOLDS): QcCode[] =>
  qcIssues(metrics, { isMain }, limits).map((issue) => issue.code);

describe('qcIssues', () => {
  it('finds nothing wrong with a good photo', () => {
    expect(qcIssues(good(), { isMain: true })).toEqual([]);
  });

  it('refuses a photo under the API minimum and warns under the guideline, by the short side', () => {
    expect(qcIssues(good({ width: 1200, height: 329 }), { isMain: false })).toEqual([
      { code: 'too_small', severity: 'reject', params: { width: 1200, height: 329, minimum: 330 } },
    ]);
    expect(qcIssues(good({ width: 330, height: 800 }), { isMain: false })).toEqual([
      { code: 'too_small', severity: 'warn', params: { width: 330, height: 800, minimum: 500 } },
    ]);
    expect(codes(good({ width: 499, height: 499 }))).toEqual(['too_small']);
    expect(codes(good({ width: 500, height: 500 }))).toEqual([]);
  });

  it('calls a photo blurry from the calibrated edge width, unless it has too few edges to judge', () => {
    const limit = QC_THRESHOLDS.blurryEdgeWidth;
    expect(qcIssues(good({ sharpness: { edgeWidth: limit } }), { isMain: true })).toEqual([
      { code: 'blurry', severity: 'reject', params: {} },
    ]);
    expect(codes(good({ sharpness: { edgeWidth: limit - 0.01 } }))).toEqual([]);
    expect(codes(good({ sharpness: { edgeWidth: 5, edgePoints: QC_THRESHOLDS.minEdgePoints - 1 } }))).toEqual([]);
    // A threshold moved the wrong way shows at once.
    expect(codes(good(), true, { ...QC_THRESHOLDS, blurryEdgeWidth: 1.4 })).toEqual(['blurry']);
  });

  it('tells too dark from washed out, and does not blame a dark photo for its grey background', () => {
    const dark = good({
      exposure: { whiteLevel: QC_THRESHOLDS.darkWhiteLevel - 1, blackLevel: 5 },
      background: { whiteShare: 0, luminance: 60 },
      fill: { side: 0.3 },
    });
    expect(qcIssues(dark, { isMain: true })).toEqual([{ code: 'too_dark', severity: 'reject', params: {} }]);
    expect(codes(good({ exposure: { whiteLevel: QC_THRESHOLDS.darkWhiteLevel } }))).toEqual([]);
    expect(qcIssues(good({ exposure: { blackLevel: QC_THRESHOLDS.washedBlackLevel } }), { isMain: true })).toEqual([
      { code: 'washed_out', severity: 'warn', params: {} },
    ]);
    expect(codes(good({ exposure: { blackLevel: QC_THRESHOLDS.washedBlackLevel - 1 } }))).toEqual([]);
  });

  it('wants a white background on the main photo only', () => {
    const grey = good({ background: { whiteShare: QC_THRESHOLDS.whiteBackgroundShare - 0.01 } });
    expect(qcIssues(grey, { isMain: true })).toEqual([
      { code: 'background_not_white', severity: 'reject', params: {} },
    ]);
    expect(codes(grey, false)).toEqual([]);
    expect(codes(good({ background: { whiteShare: QC_THRESHOLDS.whiteBackgroundShare } }))).toEqual([]);
  });

  it('judges the product size only where the background is plain enough to find the product', () => {
    const small = good({ fill: { side: 0.42 } });
    expect(qcIssues(small, { isMain: false })).toEqual([
      { code: 'product_too_small', severity: 'warn', params: { percent: 42, minimum: 75 } },
    ]);
    expect(codes(good({ fill: { side: QC_THRESHOLDS.productFill } }))).toEqual([]);
    expect(codes(good({ fill: { side: 0.42 }, background: { plainShare: 0.6 } }), false)).toEqual([]);
    // Nothing found at all (a blank white photo) is the smallest product there is.
    expect(qcIssues(good({ fill: { side: 0, area: 0 } }), { isMain: false })[0]?.params).toEqual({
      percent: 0,
      minimum: 75,
    });
  });

  it('names the closest earlier photo within the duplicate distance', () => {
    const hash = '00000000000000ff';
    const photo = good({ hash });
    const others = [
      { photo: 1, hash: '0000000000000000' }, // 8 bits away: a different photo
      { photo: 2, hash: '000000000000003f' }, // 2 bits
      { photo: 3, hash: '000000000000007f' }, // 1 bit: the closest
    ];
    expect(hashDistance(hash, others[0]!.hash)).toBe(8);
    expect(qcIssues(photo, { isMain: false, otherPhotos: others })).toEqual([
      { code: 'near_duplicate', severity: 'warn', params: { photo: 3 } },
    ]);
    expect(codes(photo, false)).toEqual([]);
    expect(qcIssues(photo, { isMain: false, otherPhotos: [others[0]!] })).toEqual([]);
  });
});

describe('productPhotoIssues', () => {
  it('says a product with two or more good photos is ready to upload', () => {
    const report = productPhotoIssues([
      { metrics: good(), isMain: true },
      { metrics: good({ hash: 'fedcba9876543210', background: { whiteShare: 0 } }), isMain: false },
    ]);
    expect(report).toEqual({ photos: [[], []], product: [], rejects: 0, warnings: 0, readyToUpload: true });
  });

  it('refuses a product without photos and warns with only one', () => {
    expect(productPhotoIssues([])).toMatchObject({
      product: [{ code: 'too_few_photos', severity: 'reject', params: { count: 0, minimum: 2 } }],
      readyToUpload: false,
    });
    expect(productPhotoIssues([{ metrics: good(), isMain: true }])).toMatchObject({
      product: [{ code: 'too_few_photos', severity: 'warn', params: { count: 1, minimum: 2 } }],
      rejects: 0,
      warnings: 1,
      readyToUpload: true,
    });
  });

  it('refuses more photos than the marketplace takes', () => {
    const photos = Array.from({ length: 9 }, (_, i) => ({
      metrics: good({ hash: (BigInt(i + 1) * 0x0f0f0f0f0f0f0f0fn).toString(16).padStart(16, '0').slice(-16) }),
      isMain: i === 0,
    }));
    const report = productPhotoIssues(photos);
    expect(report.product).toEqual([{ code: 'too_many_photos', severity: 'reject', params: { count: 9, maximum: 8 } }]);
    expect(report.readyToUpload).toBe(false);
  });

  it('checks the background of the main photo, the first one when none is chosen', () => {
    const coloured = good({ background: { whiteShare: 0 }, hash: 'ffff000000000000' });
    const white = good({ hash: '0000ffffffff0000' });
    const chosen = productPhotoIssues([
      { metrics: white, isMain: false },
      { metrics: coloured, isMain: true },
    ]);
    expect(chosen.photos).toEqual([[], [{ code: 'background_not_white', severity: 'reject', params: {} }]]);
    const first = productPhotoIssues([
      { metrics: coloured, isMain: false },
      { metrics: white, isMain: false },
    ]);
    expect(first.photos).toEqual([[{ code: 'background_not_white', severity: 'reject', params: {} }], []]);
    expect(first.readyToUpload).toBe(false);
  });

  it('reports a near duplicate on the later photo only, naming the earlier one', () => {
    const report = productPhotoIssues([
      { metrics: good({ hash: '0f0f0f0f0f0f0f0f' }), isMain: true },
      { metrics: good({ hash: 'f0f0f0f0f0f0f0f0' }), isMain: false },
      { metrics: good({ hash: '0f0f0f0f0f0f0f0e' }), isMain: false },
    ]);
    expect(report.photos).toEqual([[], [], [{ code: 'near_duplicate', severity: 'warn', params: { photo: 1 } }]]);
    expect(report).toMatchObject({ rejects: 0, warnings: 1, readyToUpload: true });
  });
});

describe('measurePhoto', () => {
  it('reports the size a buyer sees, after EXIF rotation', async () => {
    const scene = await renderScene({ seed: 3, background: 'white', texture: 'label', fill: 0.9, size: 600 });
    const landscape = await sharp(scene).resize(800, 600, { fit: 'fill' }).jpeg().toBuffer();
    const rotated = await sharp(landscape).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const metrics = await measurePhoto(rotated);
    expect([metrics.width, metrics.height]).toEqual([600, 800]);
    expect([metrics.sampleWidth, metrics.sampleHeight]).toEqual([450, 600]);
  });

  it('reads a file path as well as a buffer, the same way', async () => {
    const scene = await renderScene({ seed: 4, background: 'near_white', texture: 'fine', fill: 0.6, size: 400 });
    const file = path.join(tempDir(), 'photo.jpg');
    fs.writeFileSync(file, scene);
    expect(await measurePhoto(file)).toEqual(await measurePhoto(scene));
  });

  it('measures a transparent PNG as if on white, and a greyscale photo', async () => {
    // A red square on a transparent canvas: the transparency is white background.
    const transparent = await sharp({
      create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: await sharp({ create: { width: 360, height: 360, channels: 3, background: '#c02020' } })
            .png()
            .toBuffer(),
          left: 20,
          top: 20,
        },
      ])
      .png()
      .toBuffer();
    const metrics = await measurePhoto(transparent);
    expect(metrics.background.whiteShare).toBe(1);
    expect(metrics.fill.side).toBeCloseTo(0.9, 2);
    expect(qcIssues(metrics, { isMain: true }).map((issue) => issue.code)).toEqual(['too_small']);

    const grey = await sharp(
      await renderScene({ seed: 5, background: 'white', texture: 'label', fill: 0.9, size: 600 }),
    )
      .greyscale()
      .jpeg()
      .toBuffer();
    const greyMetrics = await measurePhoto(grey);
    expect(greyMetrics.background.chroma).toBe(0);
    expect(greyMetrics.fill.side).toBeGreaterThan(0.85);
  });

  it('rejects files that are not photos or are cut short', async () => {
    const scene = await renderScene({ seed: 6, background: 'white', texture: 'fine', fill: 0.9, size: 400 });
    await expect(measurePhoto(Buffer.from('not a photo at all'))).rejects.toThrow();
    await expect(measurePhoto(scene.subarray(0, Math.floor(scene.length * 0.6)))).rejects.toThrow();
  });
});

describe('measurePixels', () => {
  it('sees nothing in a blank white frame: no product, no edges, white background', () => {
    const blank = new Uint8Array(100 * 80 * 3).fill(255);
    const metrics = measurePixels(blank, 100, 80, 3);
    expect(metrics.fill).toEqual({ side: 0, area: 0 });
    expect(metrics.sharpness.edgePoints).toBe(0);
    expect(metrics.background).toMatchObject({ whiteShare: 1, plainShare: 1, chroma: 0, spread: 0 });
    expect(metrics.exposure).toMatchObject({ blackLevel: 255, whiteLevel: 255, clippedShare: 1, darkShare: 0 });
    expect(metrics.hash).toBe('0000000000000000');
  });

  it('finds a dark square in the middle of a white frame and measures its crisp edges', () => {
    const width = 200;
    const data = new Uint8Array(width * width).fill(255);
    for (let y = 50; y < 150; y++) for (let x = 40; x < 160; x++) data[y * width + x] = 20;
    const metrics = measurePixels(data, width, width, 1);
    expect(metrics.fill.side).toBeCloseTo(0.6, 5);
    expect(metrics.fill.area).toBeCloseTo(0.3, 5);
    expect(metrics.sharpness.edgeWidth).toBeLessThan(1.5);
    expect(metrics.sharpness.edgePoints).toBeGreaterThan(300);
  });
});
