import { z } from 'zod';
import type { PhotoIssue } from '../../shared/photos';
import type { PhotoRow } from './library';
import {
  measurePhoto,
  measurePixels,
  photoCountIssues,
  SAMPLE_SIDE,
  productPhotoIssues,
  type PhotoMetrics,
} from './qc';
import type { PhotoQc } from './studio';

const n = z.number().finite();
/**
 * The metrics as stored on a photo row (JSON written by `measure` below). Read back through
 * this schema: a row written by another version, or edited by hand, counts as "not
 * measured" rather than feeding the checks nonsense.
 */
const storedMetrics = z.object({
  width: n,
  height: n,
  sampleWidth: n,
  sampleHeight: n,
  sharpness: z.object({ edgeWidth: n, edgePoints: n, laplacianVariance: n }),
  exposure: z.object({ mean: n, blackLevel: n, whiteLevel: n, darkShare: n, clippedShare: n }),
  background: z.object({ luminance: n, chroma: n, spread: n, whiteShare: n, plainShare: n }),
  fill: z.object({ side: n, area: n }),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
}) satisfies z.ZodType<PhotoMetrics>;

function metricsOf(row: PhotoRow): PhotoMetrics | null {
  if (row.state !== 'ready' || row.qc === null) return null;
  try {
    const parsed = storedMetrics.safeParse(JSON.parse(row.qc));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The QC predictor (electron/core/photos/qc) applied to stored photos: measured once when a
 * photo is rendered, checked whenever its product's photos are shown, since whether it is
 * the main photo, and what it is a near-copy of, change as the seller reorders.
 */
export const photoQc: PhotoQc = {
  sampleSide: SAMPLE_SIDE,
  // The render's own sample when it made one (the queue always asks): the same pixels
  // measurePhoto would decode from the JPEG, without decoding it again.
  measure: async ({ main, width, height, sample }) =>
    sample
      ? measurePixels(sample.data, sample.width, sample.height, sample.channels, width, height)
      : measurePhoto(main),
  review(photos) {
    // Only rendered photos have measures; the main one is the first photo, measured or not
    // (with the first still being processed, QC takes the first measured photo as main).
    const measured = photos.flatMap((row, index) => {
      const metrics = metricsOf(row);
      return metrics ? [{ id: row.id, metrics, isMain: index === 0 }] : [];
    });
    const report = productPhotoIssues(measured);
    return {
      photos: new Map(measured.map((photo, at) => [photo.id, (report.photos[at] ?? []).map(toIssue)])),
      // How many photos there are counts every photo, measured yet or not: one still being
      // processed is there all the same.
      product: photoCountIssues(photos.length).map(toIssue),
    };
  },
};

function toIssue(issue: { code: string; severity: 'reject' | 'warn'; params?: object }): PhotoIssue {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return { code: issue.code, severity: issue.severity, params };
}
