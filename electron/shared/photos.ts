import { z } from 'zod';
import { idSchema } from './catalogue';
import { jobIdSchema } from './jobs';
import { PHOTO_BRIGHTNESS_MAX, PHOTO_BRIGHTNESS_MIN } from './plain/limits';

/**
 * The photo studio across IPC. Photos reach the page only as opaque ids in URLs
 * (`akar://app/photo/<id>/<kind>?v=<version>`), never as paths.
 */

/** `thumb`: 300 px; `main`: the optimised marketplace image; `original`: a preview of the original, upright. */
export const PHOTO_KINDS = ['thumb', 'main', 'original'] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

export const photosImportInput = z.strictObject({
  sellerId: idSchema,
  /** All photos go to this product; without it each file is matched by its name. */
  productId: idSchema.optional(),
  jobId: jobIdSchema.optional(),
});
export type PhotosImportInput = z.infer<typeof photosImportInput>;

/** Photos dropped on the window: their paths, read by the preload from the dropped files. */
export const photosDroppedInput = photosImportInput.extend({
  paths: z.array(z.string().min(1).max(4096)).min(1).max(5000),
});

export const photosOfProductInput = z.strictObject({ productId: idSchema });
export const photosOfSellerInput = z.strictObject({ sellerId: idSchema });
export const photoAssignInput = z.strictObject({ id: idSchema, productId: idSchema.nullable() });
export const photoReorderInput = z.strictObject({
  productId: idSchema,
  photoIds: z.array(idSchema).min(1).max(200),
});
export const photoFileInput = z.strictObject({ id: idSchema, kind: z.enum(PHOTO_KINDS) });
export const photosProcessInput = z.strictObject({
  action: z.enum(['start', 'pause']),
  /** Only this participant's photos (the CLI's --seller). */
  sellerId: idSchema.optional(),
  /** Resolve only when the queue is empty (the CLI waits; the app does not). */
  wait: z.boolean().optional(),
});

export type PhotoState = 'pending' | 'ready' | 'failed';

/** One QC finding: `reject` is what marketplace QC would refuse, `warn` what it may. */
export interface PhotoIssue {
  readonly code: string;
  readonly severity: 'reject' | 'warn';
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Photo {
  readonly id: number;
  readonly sellerId: number;
  readonly productId: number | null;
  readonly fileName: string;
  readonly position: number;
  readonly isMain: boolean;
  readonly state: PhotoState;
  readonly recipe: unknown;
  readonly original: {
    readonly width: number;
    readonly height: number;
    readonly bytes: number;
    readonly format: string;
  };
  /** The optimised image, once rendered. */
  readonly output?: {
    readonly width: number;
    readonly height: number;
    readonly bytes: number;
    readonly quality: number;
  };
  /** Why it could not be rendered (a reason code), when failed. */
  readonly failure?: { readonly reason: string; readonly params: Readonly<Record<string, string | number>> };
  readonly issues: readonly PhotoIssue[];
  /** Changes whenever the image does: part of its URL, so the page never shows a stale picture. */
  readonly version: string;
}

export interface ProductPhotos {
  readonly photos: readonly Photo[];
  /** About the set: too few photos, near-duplicates... */
  readonly issues: readonly PhotoIssue[];
}

export interface RejectedPhoto {
  readonly fileName: string;
  readonly reason: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface PhotoImportReport {
  readonly files: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly duplicates: number;
  readonly rejected: readonly RejectedPhoto[];
  readonly truncated: boolean;
}

export interface PhotoQueueStatus {
  readonly pending: number;
  readonly ready: number;
  readonly failed: number;
  readonly running: boolean;
  readonly paused: boolean;
}

/** One product on the participant's photo overview. */
export interface ProductPhotoSummary {
  readonly productId: number;
  readonly name: string;
  readonly photoCount: number;
  /** Of those, still waiting to be rendered, and failed to render. */
  readonly pending: number;
  readonly failed: number;
  /** The main photo; `state` says whether its picture is rendered yet (or failed). */
  readonly main: { readonly id: number; readonly version: string; readonly state: PhotoState } | null;
  /** The worst finding over its photos (a failed main photo counts as one to fix): what to look at first. */
  readonly verdict: 'good' | 'warn' | 'reject';
  readonly issues: readonly PhotoIssue[];
}

export interface SellerPhotoOverview {
  readonly products: readonly ProductPhotoSummary[];
  /** Photos no file name matched, waiting to be assigned. */
  readonly unmatched: number;
}

export const photoCrop = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  size: z.number().gt(0).max(1),
});

/** The seller's edits of a photo, applied to the original when it is rendered (see core/photos/recipe.ts). */
export const photoRecipe = z.strictObject({
  /** Clockwise, after the photo's own EXIF orientation. */
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
  /** `pad`: the whole photo on a white square; `crop`: the centre square. */
  fit: z.enum(['pad', 'crop']).default('pad'),
  /**
   * A square frame the seller dragged: x, y = its top-left corner as fractions of the width
   * and height of the photo as shown (upright, after `rotate`); size = its side as a
   * fraction of the shorter side. It wins over `fit`.
   */
  crop: photoCrop.optional(),
  /** Lightness multiplier, 1 = unchanged. */
  brightness: z.number().min(PHOTO_BRIGHTNESS_MIN).max(PHOTO_BRIGHTNESS_MAX).default(1),
});
export type PhotoRecipe = z.output<typeof photoRecipe>;

export const photoRecipeInput = z.strictObject({ id: idSchema, recipe: photoRecipe });
