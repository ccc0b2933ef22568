import type { PhotoStanding } from '../../../../electron/shared/plain/photo-verdict';
import type { PhotoIssue, PhotoState, ProductPhotos, ProductPhotoSummary } from '../../../../electron/shared/photos';

/*
 * What the shared rule (electron/shared/plain/photo-verdict.ts) judges, from what the
 * renderer loaded.
 */

/** The overview's line for a product, as a standing. */
export function standingOf(summary: ProductPhotoSummary): PhotoStanding<PhotoIssue> {
  return { ...summary, mainState: summary.main?.state };
}

/** A product's loaded photos, as a standing. */
export function standingOfPhotos(set: ProductPhotos): PhotoStanding<PhotoIssue> {
  const count = (state: PhotoState) => set.photos.filter((photo) => photo.state === state).length;
  return {
    photoCount: set.photos.length,
    pending: count('pending'),
    failed: count('failed'),
    mainState: set.photos[0]?.state,
    issues: [...set.issues, ...set.photos.flatMap((photo) => photo.issues)],
  };
}
