/**
 * Every number the photo QC checks compare against, in one place. Size and count limits are
 * Lazada's (marketplaces.md 1.4); the others were set from measurement, not taste:
 * tests/core/photos/qc-calibration.test.ts draws 40 photo-like scenes (5 backgrounds x 4
 * product textures x 2 sizes in frame, with dark, pale and ordinary products) plus blurred,
 * dark, washed-out and re-saved versions of each, measures them all with measurePhoto, prints
 * the distributions and fails if a threshold stops separating the classes. The ranges quoted
 * below are from that run; change a threshold only together with the calibration.
 *
 * Sharpness numbers are in pixels of the 600 px measuring sample (measure.ts SAMPLE_SIDE),
 * so they are relative to the frame: the same photo at 1200 or 3000 px measures the same.
 */
export interface QcThresholds {
  /** Short side below which the marketplace API refuses the image (reject). */
  readonly minSidePx: number;
  /** Short side below the seller guideline (warn). */
  readonly guidelineSidePx: number;
  /** Edge width (sample px) from which a photo is blurry (reject). */
  readonly blurryEdgeWidth: number;
  /** Fewer edge points than this and sharpness is not judged (a featureless photo). */
  readonly minEdgePoints: number;
  /** White level (brightest 2 %) below which the photo is too dark (reject). */
  readonly darkWhiteLevel: number;
  /** Black level (darkest 0.5 %) from which the photo is washed out (warn). */
  readonly washedBlackLevel: number;
  /** Share of the border that must be white for a white background (main photo, reject). */
  readonly whiteBackgroundShare: number;
  /** Share of the border near its median colour for the background to be plain enough to find the product in. */
  readonly plainBackgroundShare: number;
  /** The product's longest side over the frame's side, below which it is too small (warn). */
  readonly productFill: number;
  /** Hash distance (bits of 64) up to which two photos are near duplicates (warn). */
  readonly duplicateDistance: number;
  /** Photos per product: fewer than this is a warning, none is a reject. */
  readonly minPhotos: number;
  /** Photos per product the marketplace takes (reject above). */
  readonly maxPhotos: number;
}

export const QC_THRESHOLDS: QcThresholds = {
  // Lazada API: 330-5000 px per side; seller guideline: at least 500 (850 recommended).
  minSidePx: 330,
  guidelineSidePx: 500,
  // Edge width, sample px. Unblurred scenes 1.12-2.08 (re-saved copies up to 2.12, dark ones
  // up to 2.24); blurred with sigma 3 at 1200 px 2.60-3.44, sigma 4 2.65-3.94, sigma 8
  // 3.29-4.51. 2.4 sits between (margins 0.16 to the darkest sharp photo, 0.2 to the least
  // blurred). Sigma 2 (1.85-2.76) straddles it: slightly soft photos may go either way.
  blurryEdgeWidth: 2.4,
  // Every drawn scene, darkened ones included, gave several hundred edge points or more; a
  // blank frame gives none. Below 100 the median width would be a handful of noisy points.
  minEdgePoints: 100,
  // White level: darkened scenes (brightness x0.25) 29-60, every other scene 119-255.
  darkWhiteLevel: 90,
  // Black level: ordinary and blurred scenes 4-134 (the highest: a pale product on a light
  // cloth), washed-out ones (blacks lifted to light grey, contrast halved) 152-216. A copy of
  // that pale scene brightened by 8 % reaches 146: pale-on-pale photos that are also a little
  // bright get this warning, which is why it is a warning.
  washedBlackLevel: 142,
  // White share of the border ring: white and off-white paper 0.87-1.00 (blurred and
  // re-saved included); grey, coloured and busy backgrounds 0.00; a busy landscape photo padded to a square with white bars
  // 0.61 (4:3) and 0.71 (16:9).
  whiteBackgroundShare: 0.8,
  // Plain share of the border ring: plain backgrounds (white, paper, grey, coloured cloth)
  // 0.95-1.00; busy rooms 0.50-0.82. Below this the product cannot be told from the
  // background and its size is not judged.
  plainBackgroundShare: 0.9,
  // Guideline: the product fills 80 % of the longest side. The measured fill is within 0.01
  // of the drawn one (0.40 -> 0.40, 0.90 -> 0.90); 0.75 leaves room for a shadow-free bbox
  // and the odd phone framing before nagging.
  productFill: 0.75,
  // dHash distance: a resized, brightened, re-saved copy 0-4 bits; different scenes 7 and up
  // (two plain, similarly shaded products come closest).
  duplicateDistance: 5,
  // Lazada guideline: 2-8 images; the API takes at most 8 per product.
  minPhotos: 2,
  maxPhotos: 8,
};
