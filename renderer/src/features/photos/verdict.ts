import type { PhotoIssue, PhotoState, ProductPhotos, ProductPhotoSummary } from '../../../../electron/shared/photos';

/** How a product's photos stand, at a glance. */
export type PhotoVerdict = 'none' | 'processing' | 'reject' | 'warn' | 'good';

/** What the verdict is worked out from: the photo overview's line, or a product's loaded photos. */
export interface PhotoStanding {
  readonly photoCount: number;
  /** Photos still waiting to be rendered, and photos that failed to render. */
  readonly pending: number;
  readonly failed: number;
  readonly mainState: PhotoState | undefined;
  /** Every QC finding: the set's and each rendered photo's. */
  readonly issues: readonly PhotoIssue[];
}

/**
 * The verdict, worst first. A main photo that failed to render leaves the product without a
 * picture to show: "Perlu diperbaiki". QC judges rendered photos only, so while any photo
 * waits, "Foto siap" would be a guess: "Sedang diproses". Another photo that failed is worth
 * a look ("Bisa lebih bagus"): it will not be uploaded.
 */
export function photoVerdict(standing: PhotoStanding): PhotoVerdict {
  const { photoCount, pending, failed, mainState, issues } = standing;
  if (photoCount === 0) return 'none';
  if (mainState === 'failed') return 'reject';
  if (pending > 0) return 'processing';
  if (issues.some((issue) => issue.severity === 'reject')) return 'reject';
  return issues.length > 0 || failed > 0 ? 'warn' : 'good';
}

/** The overview's line for a product, as a standing. */
export function standingOf(summary: ProductPhotoSummary): PhotoStanding {
  return { ...summary, mainState: summary.main?.state };
}

/** A product's loaded photos, as a standing. */
export function standingOfPhotos(set: ProductPhotos): PhotoStanding {
  const count = (state: PhotoState) => set.photos.filter((photo) => photo.state === state).length;
  return {
    photoCount: set.photos.length,
    pending: count('pending'),
    failed: count('failed'),
    mainState: set.photos[0]?.state,
    issues: [...set.issues, ...set.photos.flatMap((photo) => photo.issues)],
  };
}
