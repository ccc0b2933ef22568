/**
 * What each marketplace wants from a photo, as data (sources: shared docs `marketplaces.md`
 * 1.4 and `landscape.md` L12). The render pipeline and the QC checks read the same numbers.
 */
export interface PhotoPreset {
  readonly id: PhotoPresetId;
  /** Per side, enforced by the upload API: outside this the image is rejected. */
  readonly acceptedSide: { readonly min: number; readonly max: number };
  /** Per side, from the seller guideline: what reviewers and QC expect. */
  readonly guidelineSide: { readonly min: number; readonly max: number; readonly recommended: number };
  /** Side of the square output; smaller photos keep their size (never upscaled). */
  readonly targetSide: number;
  /** The output JPEG must not be larger than this. */
  readonly maxBytes: number;
  /** JPEG quality to start at, how far to step down, and the floor below which we shrink instead. */
  readonly quality: { readonly start: number; readonly step: number; readonly min: number };
  /** When even `quality.min` is too big, the side shrinks, but never below this. */
  readonly minShrinkSide: number;
  readonly thumbSide: number;
  readonly thumbQuality: number;
}

export const PHOTO_PRESET_IDS = ['lazada', 'practice'] as const;
export type PhotoPresetId = (typeof PHOTO_PRESET_IDS)[number];

/**
 * Lazada. The API takes 330-5000 px per side; the seller guideline asks for 500-2000 px,
 * 1:1, with 850 px or more recommended (TikTok Shop wants at least 600).
 *
 * Target 1200 px square, because:
 * - it clears the 850 px recommendation with room for the seller's crop, and stays well
 *   inside the 2000 px guideline maximum;
 * - from a 12 MP phone photo (4000x3000) it is a 3.3x reduction, so JPEG shrink-on-load
 *   decodes at half size (about 2x cheaper than a full decode); a 2000 px target would lose
 *   that (see architecture.md, "Photo pipeline facts");
 * - a typical photo encodes to 150-350 KB at quality 85, far below the 1 MB limit, so the
 *   quality stepping below is rare and costs nothing for most photos.
 *
 * Byte limit: the docs conflict (3 MB in one page, 1 MB in the upload API reference); 1 MB
 * (decimal, to be safe) satisfies both. Quality 85 is visually clean for product photos;
 * below 60 JPEG blocks show on fabric and text, so from there we shrink the side instead.
 */
export const LAZADA_PRESET: PhotoPreset = Object.freeze({
  id: 'lazada',
  acceptedSide: Object.freeze({ min: 330, max: 5000 }),
  guidelineSide: Object.freeze({ min: 500, max: 2000, recommended: 850 }),
  targetSide: 1200,
  maxBytes: 1_000_000,
  quality: Object.freeze({ start: 85, step: 5, min: 60 }),
  minShrinkSide: 850,
  thumbSide: 300,
  thumbQuality: 80,
});

/** The practice marketplace (training without a real shop) mirrors Lazada on purpose. */
export const PRACTICE_PRESET: PhotoPreset = Object.freeze({ ...LAZADA_PRESET, id: 'practice' });

export const PHOTO_PRESETS: Readonly<Record<PhotoPresetId, PhotoPreset>> = Object.freeze({
  lazada: LAZADA_PRESET,
  practice: PRACTICE_PRESET,
});
