import { hashDistance } from './hash';
import type { PhotoMetrics } from './measure';
import { QC_THRESHOLDS, type QcThresholds } from './thresholds';

/**
 * Why a marketplace's quality control would likely turn a photo (or a product's set of
 * photos) down. Codes, not words: the screens word them from resources/locales/<lang>/
 * photos.json (`qc.<code>.title` and `qc.<code>.tip`, with `params` filled in).
 */
export const QC_CODES = [
  'too_small',
  'blurry',
  'too_dark',
  'washed_out',
  'background_not_white',
  'product_too_small',
  'near_duplicate',
  'too_few_photos',
  'too_many_photos',
] as const;
export type QcCode = (typeof QC_CODES)[number];

/** 'reject': the marketplace refuses it or its QC turns it down; 'warn': it may, or it sells worse. */
export type QcSeverity = 'reject' | 'warn';

export interface QcIssue {
  readonly code: QcCode;
  readonly severity: QcSeverity;
  /** Numbers for the message ("{{width}} x {{height}}"); the same names in every language. */
  readonly params: Readonly<Record<string, number>>;
}

export interface QcContext {
  /** The product's main (first) photo: the one that must have a white background. */
  readonly isMain: boolean;
  /** Photos of the same product to compare with, by their number as the seller sees it (1-based). */
  readonly otherPhotos?: readonly { readonly photo: number; readonly hash: string }[];
}

/**
 * The issues of one photo, from its metrics. Measure the photo as it will be uploaded (the
 * studio's square output), so "product too small" sees the white bars a landscape photo was
 * padded with, the way a buyer will.
 */
export function qcIssues(metrics: PhotoMetrics, context: QcContext, limits: QcThresholds = QC_THRESHOLDS): QcIssue[] {
  const issues: QcIssue[] = [];
  const shortSide = Math.min(metrics.width, metrics.height);
  if (shortSide < limits.guidelineSidePx) {
    const refused = shortSide < limits.minSidePx;
    issues.push({
      code: 'too_small',
      severity: refused ? 'reject' : 'warn',
      params: {
        width: metrics.width,
        height: metrics.height,
        minimum: refused ? limits.minSidePx : limits.guidelineSidePx,
      },
    });
  }

  const { sharpness, exposure, background } = metrics;
  if (sharpness.edgePoints >= limits.minEdgePoints && sharpness.edgeWidth >= limits.blurryEdgeWidth) {
    issues.push({ code: 'blurry', severity: 'reject', params: {} });
  }

  // In a dark photo a white sheet looks grey and the product melts into it: the background
  // and the product's size are not judged until the photo is taken again in good light.
  const dark = exposure.whiteLevel < limits.darkWhiteLevel;
  if (dark) issues.push({ code: 'too_dark', severity: 'reject', params: {} });
  else if (exposure.blackLevel >= limits.washedBlackLevel)
    issues.push({ code: 'washed_out', severity: 'warn', params: {} });

  if (!dark && context.isMain && background.whiteShare < limits.whiteBackgroundShare) {
    issues.push({ code: 'background_not_white', severity: 'reject', params: {} });
  }

  // On a busy background everything differs from "the background": the size cannot be told.
  if (!dark && background.plainShare >= limits.plainBackgroundShare && metrics.fill.side < limits.productFill) {
    issues.push({
      code: 'product_too_small',
      severity: 'warn',
      params: { percent: Math.round(metrics.fill.side * 100), minimum: Math.round(limits.productFill * 100) },
    });
  }

  let closest: { photo: number; distance: number } | null = null;
  for (const other of context.otherPhotos ?? []) {
    const distance = hashDistance(metrics.hash, other.hash);
    if (distance <= limits.duplicateDistance && (!closest || distance < closest.distance)) {
      closest = { photo: other.photo, distance };
    }
  }
  if (closest) issues.push({ code: 'near_duplicate', severity: 'warn', params: { photo: closest.photo } });
  return issues;
}
