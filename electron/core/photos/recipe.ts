import type { z } from 'zod';
import { type photoCrop, photoRecipe } from '../../shared/photos';

/**
 * The non-destructive edit stored with each photo: the original is never touched, and the
 * marketplace image is rendered from original + recipe whenever it is needed, so an edit can
 * be undone and a new marketplace preset re-renders everything from full quality.
 *
 * Coordinates: "the oriented image" is the picture as the seller sees it in the editor,
 * that is after EXIF auto-orientation AND after `rotate`. The UI therefore maps (or resets)
 * a crop frame when the seller rotates after cropping.
 */

/**
 * A square frame the seller dragged: `x` and `y` are the top-left corner as fractions of the
 * oriented width and height; `size` is the side as a fraction of the oriented *shorter* side
 * (so `size: 1` is the largest square that fits). Whether the frame lies inside the image
 * depends on the aspect ratio, so `cropToPixels` makes that check once the size is known.
 */
// The schemas are part of the IPC contract (the editor sends recipes), so they live in
// electron/shared/photos.ts; the brightness range in electron/shared/plain/limits.ts.
export type CropFrame = z.infer<typeof photoCrop>;

export const RecipeSchema = photoRecipe;
export type Recipe = z.output<typeof RecipeSchema>;

export const DEFAULT_RECIPE: Recipe = Object.freeze({ rotate: 0, fit: 'pad', brightness: 1 });

export type RecipeResult =
  | { readonly ok: true; readonly recipe: Recipe }
  | {
      readonly ok: false;
      readonly reason: 'invalid_recipe';
      readonly params: { readonly field: string; readonly issue: string };
    };

/** Validates a recipe from outside (IPC, SQLite); missing fields take their defaults. */
export function parseRecipe(value: unknown): RecipeResult {
  const parsed = RecipeSchema.safeParse(value);
  if (parsed.success) return { ok: true, recipe: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: 'invalid_recipe',
    params: { field: issue?.path.join('.') || 'recipe', issue: issue?.code ?? 'invalid' },
  };
}

export interface CropPixels {
  readonly left: number;
  readonly top: number;
  readonly side: number;
}

/**
 * The crop frame in pixels of an oriented image of `width` x `height`, or null when it does
 * not lie inside. Rounding may push a frame dragged to the very edge one pixel out: that is
 * pulled back in rather than refused.
 */
export function cropToPixels(crop: CropFrame, width: number, height: number): CropPixels | null {
  const side = Math.round(crop.size * Math.min(width, height));
  if (side < 1) return null;
  const left = fitAxis(Math.round(crop.x * width), side, width);
  const top = fitAxis(Math.round(crop.y * height), side, height);
  if (left === null || top === null) return null;
  return { left, top, side };
}

/** The start along one axis, nudged back by up to 1 px (or 0.2 %), or null if further out. */
function fitAxis(start: number, side: number, length: number): number | null {
  const overflow = start + side - length;
  if (overflow <= 0) return start;
  if (overflow <= Math.max(1, length * 0.002)) return Math.max(0, length - side);
  return null;
}
