import { qcIssues, type QcIssue } from './checks';
import type { PhotoMetrics } from './measure';
import { QC_THRESHOLDS, type QcThresholds } from './thresholds';

export interface ProductPhoto {
  readonly metrics: PhotoMetrics;
  /** The seller's chosen main photo. With none chosen, the first photo is the main one. */
  readonly isMain: boolean;
}

export interface ProductPhotoReport {
  /** Each photo's issues, in the order the photos were given. */
  readonly photos: readonly (readonly QcIssue[])[];
  /** Issues of the set as a whole (how many photos there are). */
  readonly product: readonly QcIssue[];
  readonly rejects: number;
  readonly warnings: number;
  /** No issue anywhere is a 'reject': the photos can go to the marketplace. */
  readonly readyToUpload: boolean;
}

/**
 * The QC verdict on one product's photos: each photo's own issues, near duplicates among
 * them, and whether there are enough photos and not too many. A near duplicate is reported
 * on the later photo of a pair only ("same as photo 1"), so deleting the flagged photo is
 * always the fix.
 */
export function productPhotoIssues(
  photos: readonly ProductPhoto[],
  limits: QcThresholds = QC_THRESHOLDS,
): ProductPhotoReport {
  const chosen = photos.findIndex((photo) => photo.isMain);
  const main = chosen >= 0 ? chosen : 0;
  const perPhoto = photos.map((photo, index) =>
    qcIssues(
      photo.metrics,
      {
        isMain: index === main,
        otherPhotos: photos.slice(0, index).map((earlier, at) => ({ photo: at + 1, hash: earlier.metrics.hash })),
      },
      limits,
    ),
  );

  const product = photoCountIssues(photos.length, limits);

  const all = [...perPhoto.flat(), ...product];
  const rejects = all.filter((issue) => issue.severity === 'reject').length;
  return {
    photos: perPhoto,
    product,
    rejects,
    warnings: all.length - rejects,
    readyToUpload: rejects === 0,
  };
}

/** Too few photos (none at all is a refusal) or more than the marketplace takes. */
export function photoCountIssues(count: number, limits: QcThresholds = QC_THRESHOLDS): QcIssue[] {
  const issues: QcIssue[] = [];
  if (count < limits.minPhotos) {
    issues.push({
      code: 'too_few_photos',
      severity: count === 0 ? 'reject' : 'warn',
      params: { count, minimum: limits.minPhotos },
    });
  }
  if (count > limits.maxPhotos) {
    issues.push({ code: 'too_many_photos', severity: 'reject', params: { count, maximum: limits.maxPhotos } });
  }
  return issues;
}
