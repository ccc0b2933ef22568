/**
 * The photo editor's arithmetic, free of React and the DOM so it can be tested under Node.
 *
 * Coordinates follow the core's recipe (electron/core/photos/recipe.ts): "the oriented image"
 * is the photo as the seller sees it in the editor, upright (EXIF applied) and then turned by
 * `rotate`. A crop frame is a square: `x`, `y` are its top-left corner as fractions of the
 * oriented width and height, `size` its side as a fraction of the oriented SHORTER side.
 * The editor shows the `original` picture (upright, not turned), so the turn is drawn with CSS.
 */

export type Rotation = 0 | 90 | 180 | 270;
export type Fit = 'pad' | 'crop';

export interface CropFrame {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface EditorRecipe {
  readonly rotate: Rotation;
  readonly fit: Fit;
  readonly crop?: CropFrame;
  readonly brightness: number;
}

/** The same range the core accepts (recipe.ts): enough for a dim kitchen, not enough to burn a white product. */
export const BRIGHTNESS_MIN = 0.5;
export const BRIGHTNESS_MAX = 1.8;
export const BRIGHTNESS_STEP = 0.05;
/** The smallest frame the slider allows: a fifth of the short side still makes a usable photo. */
export const MIN_CROP_SIZE = 0.2;
/** Fractions are stored to four places: finer than a pixel of any phone photo. */
const PLACES = 10_000;

export const DEFAULT_RECIPE: EditorRecipe = Object.freeze({ rotate: 0, fit: 'pad', brightness: 1 });

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds down to four places, so a frame at the edge never rounds out of the image. */
function floor4(value: number): number {
  return Math.floor(value * PLACES + 1e-6) / PLACES;
}

/**
 * A stored recipe (the photo's `recipe`, typed `unknown` across IPC) as the editor's state:
 * anything missing or out of range takes its default, so an old or odd recipe still opens.
 */
export function readRecipe(value: unknown): EditorRecipe {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const rotate = ROTATIONS.includes(source['rotate'] as Rotation) ? (source['rotate'] as Rotation) : 0;
  const fit: Fit = source['fit'] === 'crop' ? 'crop' : 'pad';
  const brightness = isNumber(source['brightness'])
    ? clamp(source['brightness'], BRIGHTNESS_MIN, BRIGHTNESS_MAX)
    : DEFAULT_RECIPE.brightness;
  const raw = source['crop'] as Record<string, unknown> | undefined;
  const crop =
    raw && isNumber(raw['x']) && isNumber(raw['y']) && isNumber(raw['size']) && raw['size'] > 0
      ? { x: clamp(raw['x'], 0, 1), y: clamp(raw['y'], 0, 1), size: clamp(raw['size'], 0, 1) }
      : undefined;
  // A frame wins over `fit` in the core; the editor shows it as "Potong kotak".
  return crop ? { rotate, fit: 'crop', crop, brightness } : { rotate, fit, brightness };
}

/** The size of the oriented image: a quarter turn swaps width and height. */
export function orientedSize(width: number, height: number, rotate: Rotation): { width: number; height: number } {
  return rotate === 90 || rotate === 270 ? { width: height, height: width } : { width, height };
}

/** A quarter turn to the right (1) or left (-1). */
export function turn(rotate: Rotation, direction: 1 | -1): Rotation {
  return ((rotate + direction * 90 + 360) % 360) as Rotation;
}

/** How far the frame's corner may go: the frame's side as fractions of the width and height. */
function sideFractions(size: number, width: number, height: number): { across: number; down: number } {
  const short = Math.min(width, height);
  return { across: (size * short) / width, down: (size * short) / height };
}

/** The frame pulled inside the image, its size between MIN_CROP_SIZE and 1. */
export function clampCrop(crop: CropFrame, width: number, height: number): CropFrame {
  const size = floor4(clamp(crop.size, MIN_CROP_SIZE, 1));
  const { across, down } = sideFractions(size, width, height);
  return {
    x: floor4(clamp(crop.x, 0, Math.max(0, 1 - across))),
    y: floor4(clamp(crop.y, 0, Math.max(0, 1 - down))),
    size,
  };
}

/** A frame of `size` in the middle of the image (size 1: the same square as "Potong kotak" without a frame). */
export function centredCrop(size: number, width: number, height: number): CropFrame {
  const { across, down } = sideFractions(clamp(size, MIN_CROP_SIZE, 1), width, height);
  return clampCrop({ x: (1 - across) / 2, y: (1 - down) / 2, size }, width, height);
}

/** The frame at a new size, around the same centre (pushed back inside near an edge). */
export function resizeCrop(crop: CropFrame, size: number, width: number, height: number): CropFrame {
  const before = sideFractions(crop.size, width, height);
  const after = sideFractions(clamp(size, MIN_CROP_SIZE, 1), width, height);
  const centreX = crop.x + before.across / 2;
  const centreY = crop.y + before.down / 2;
  return clampCrop({ x: centreX - after.across / 2, y: centreY - after.down / 2, size }, width, height);
}

/** The frame moved by `dx`, `dy` (fractions of the image's width and height), kept inside. */
export function moveCrop(crop: CropFrame, dx: number, dy: number, width: number, height: number): CropFrame {
  return clampCrop({ x: crop.x + dx, y: crop.y + dy, size: crop.size }, width, height);
}

/** Where to draw the frame over the oriented image, in percent of its width and height. */
export function frameBox(
  crop: CropFrame,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } {
  const { across, down } = sideFractions(crop.size, width, height);
  return { left: crop.x * 100, top: crop.y * 100, width: across * 100, height: down * 100 };
}

/** True when the frame is the centre square at full size: the same picture as "Potong kotak" alone. */
export function isCentredFull(crop: CropFrame, width: number, height: number): boolean {
  const centred = centredCrop(1, width, height);
  const near = (a: number, b: number) => Math.abs(a - b) < 0.002;
  return near(crop.size, 1) && near(crop.x, centred.x) && near(crop.y, centred.y);
}

/**
 * The recipe to save: "Kotak putih" keeps no frame; a frame that is just the centre square
 * is left out (the core's `fit: 'crop'` makes the same picture); numbers are tidied.
 */
export function recipeToSave(
  recipe: EditorRecipe,
  width: number,
  height: number,
): { rotate: Rotation; fit: Fit; brightness: number; crop?: CropFrame } {
  const brightness = Math.round(clamp(recipe.brightness, BRIGHTNESS_MIN, BRIGHTNESS_MAX) * 100) / 100;
  const base = { rotate: recipe.rotate, fit: recipe.fit, brightness };
  if (recipe.fit === 'pad' || !recipe.crop) return base;
  const oriented = orientedSize(width, height, recipe.rotate);
  const crop = clampCrop(recipe.crop, oriented.width, oriented.height);
  return isCentredFull(crop, oriented.width, oriented.height) ? base : { ...base, crop };
}

/** Whether two recipes make the same picture (to tell "nothing changed" from an edit). */
export function sameRecipe(a: EditorRecipe, b: EditorRecipe, width: number, height: number): boolean {
  return JSON.stringify(recipeToSave(a, width, height)) === JSON.stringify(recipeToSave(b, width, height));
}

/**
 * The oriented image fitted inside a square stage, in percent of the stage's side: the long
 * side fills it, the short side is centred.
 */
export function fitInSquare(width: number, height: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 100, height: 100 };
  return width >= height
    ? { width: 100, height: (height / width) * 100 }
    : { width: (width / height) * 100, height: 100 };
}

/**
 * How to draw the upright picture (`width` x `height`) turned by `rotate` so that it exactly
 * covers a box the shape of the oriented image: its size in percent of the box's width and
 * height, and the CSS transform (with the image placed at the box's centre).
 */
export function turnedImage(
  width: number,
  height: number,
  rotate: Rotation,
): { width: number; height: number; transform: string } {
  const sideways = rotate === 90 || rotate === 270;
  // Before the turn, a sideways picture is as wide as the box is tall, and the reverse.
  const size = sideways
    ? { width: (width / height) * 100, height: (height / width) * 100 }
    : { width: 100, height: 100 };
  return { ...size, transform: `translate(-50%, -50%) rotate(${rotate}deg)` };
}
