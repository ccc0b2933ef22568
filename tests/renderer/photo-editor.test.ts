import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BRIGHTNESS_MAX,
  BRIGHTNESS_MIN,
  centredCrop,
  clampCrop,
  DEFAULT_RECIPE,
  fitInSquare,
  frameBox,
  isCentredFull,
  MIN_CROP_SIZE,
  moveCrop,
  orientedSize,
  readRecipe,
  recipeToSave,
  resizeCrop,
  sameRecipe,
  turn,
  turnedImage,
  type CropFrame,
} from '../../renderer/src/features/photos/crop';
import { changed, makeMain, moveBy, moveTo, sameSet } from '../../renderer/src/features/photos/order';

/**
 * The photo editor's arithmetic: square crop frames in the core's coordinates (fractions of
 * the oriented image, the side a fraction of its SHORTER side), quarter turns, the recipe that
 * is saved, and the photo order. Pure functions, run under Node.
 */

/** The frame in pixels, as the core's cropToPixels reads it (without its 1 px tolerance). */
function pixels(crop: CropFrame, width: number, height: number) {
  const side = crop.size * Math.min(width, height);
  return { left: crop.x * width, top: crop.y * height, side };
}

function inside(crop: CropFrame, width: number, height: number): boolean {
  const { left, top, side } = pixels(crop, width, height);
  return left >= 0 && top >= 0 && left + side <= width + 1e-6 && top + side <= height + 1e-6;
}

const sizes = fc.record({ width: fc.integer({ min: 50, max: 9000 }), height: fc.integer({ min: 50, max: 9000 }) });
const frames = fc.record({
  x: fc.double({ min: -1, max: 2, noNaN: true }),
  y: fc.double({ min: -1, max: 2, noNaN: true }),
  size: fc.double({ min: -0.5, max: 2, noNaN: true }),
});

describe('crop frames', () => {
  it('a centred frame sits in the middle: x and y are fractions of width and height, size of the short side', () => {
    // Landscape 1200 x 900: a full frame is 900 px, 150 px from each side.
    expect(centredCrop(1, 1200, 900)).toEqual({ x: 0.125, y: 0, size: 1 });
    // Portrait 900 x 1200: the same square, top and bottom margins instead.
    expect(centredCrop(1, 900, 1200)).toEqual({ x: 0, y: 0.125, size: 1 });
    // Half the short side (450 px) in the middle of 1200 x 900.
    expect(centredCrop(0.5, 1200, 900)).toEqual({ x: 0.3125, y: 0.25, size: 0.5 });
  });

  it('is drawn as a square on screen: percentages of the width and height that make equal sides', () => {
    const box = frameBox({ x: 0.125, y: 0, size: 1 }, 1200, 900);
    expect(box).toEqual({ left: 12.5, top: 0, width: 75, height: 100 });
    // 75 % of 1200 = 100 % of 900.
    expect((box.width / 100) * 1200).toBe((box.height / 100) * 900);
  });

  it('never leaves the image, whatever is asked, and keeps a usable size', () => {
    fc.assert(
      fc.property(frames, sizes, (frame, { width, height }) => {
        const clamped = clampCrop(frame, width, height);
        expect(inside(clamped, width, height)).toBe(true);
        expect(clamped.size).toBeGreaterThanOrEqual(MIN_CROP_SIZE);
        expect(clamped.size).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('moves by fractions of the image and stops at the edges', () => {
    const start = centredCrop(0.5, 1200, 900);
    expect(moveCrop(start, 0.1, -0.1, 1200, 900)).toEqual({ x: 0.4125, y: 0.15, size: 0.5 });
    // Dragged far to the right: the frame's right side lies on the image's right edge.
    const right = moveCrop(start, 5, 0, 1200, 900);
    expect(right.x).toBeCloseTo(1 - 450 / 1200, 4);
    expect(moveCrop(start, -5, -5, 1200, 900)).toEqual({ x: 0, y: 0, size: 0.5 });
    fc.assert(
      fc.property(frames, sizes, fc.double({ min: -3, max: 3, noNaN: true }), (frame, size, dx) => {
        const moved = moveCrop(clampCrop(frame, size.width, size.height), dx, -dx, size.width, size.height);
        expect(inside(moved, size.width, size.height)).toBe(true);
      }),
    );
  });

  it('resizes around its centre, pushed back inside near an edge', () => {
    const start = centredCrop(0.5, 1200, 900);
    const bigger = resizeCrop(start, 0.8, 1200, 900);
    expect(bigger.size).toBe(0.8);
    // Same centre: 600 px across, 450 px down.
    const { left, top, side } = pixels(bigger, 1200, 900);
    expect(left + side / 2).toBeCloseTo(600, 0);
    expect(top + side / 2).toBeCloseTo(450, 0);
    // In a corner, growing cannot push it out.
    const corner = resizeCrop({ x: 0, y: 0, size: 0.3 }, 1, 1200, 900);
    expect(corner).toEqual({ x: 0, y: 0, size: 1 });
    expect(resizeCrop(start, 0.01, 1200, 900).size).toBe(MIN_CROP_SIZE);
  });

  it('knows the centre square at full size, which needs no frame at all', () => {
    expect(isCentredFull(centredCrop(1, 1200, 900), 1200, 900)).toBe(true);
    expect(isCentredFull({ x: 0, y: 0, size: 1 }, 1200, 900)).toBe(false);
    expect(isCentredFull(centredCrop(0.9, 1200, 900), 1200, 900)).toBe(false);
  });
});

describe('turning', () => {
  it('turns a quarter at a time, round and round', () => {
    expect(turn(0, 1)).toBe(90);
    expect(turn(270, 1)).toBe(0);
    expect(turn(0, -1)).toBe(270);
    expect(turn(90, -1)).toBe(0);
  });

  it('swaps width and height for a quarter turn', () => {
    expect(orientedSize(900, 1200, 0)).toEqual({ width: 900, height: 1200 });
    expect(orientedSize(900, 1200, 90)).toEqual({ width: 1200, height: 900 });
    expect(orientedSize(900, 1200, 180)).toEqual({ width: 900, height: 1200 });
    expect(orientedSize(900, 1200, 270)).toEqual({ width: 1200, height: 900 });
  });

  it('draws the upright picture turned so that it exactly covers the turned box', () => {
    // Upright 900 x 1200 turned: the box is 1200 x 900. Before the turn the picture must be
    // as wide as the box is tall (900 = 75 % of 1200) and as tall as the box is wide.
    const turned = turnedImage(900, 1200, 90);
    expect(turned.width).toBeCloseTo(75, 6);
    expect(turned.height).toBeCloseTo((1200 / 900) * 100, 6);
    expect(turned.transform).toBe('translate(-50%, -50%) rotate(90deg)');
    expect(turnedImage(900, 1200, 180)).toEqual({
      width: 100,
      height: 100,
      transform: 'translate(-50%, -50%) rotate(180deg)',
    });
  });

  it('fits the turned picture in the square stage, long side filling it', () => {
    expect(fitInSquare(1200, 900)).toEqual({ width: 100, height: 75 });
    expect(fitInSquare(900, 1200)).toEqual({ width: 75, height: 100 });
    expect(fitInSquare(1000, 1000)).toEqual({ width: 100, height: 100 });
  });
});

describe('recipes', () => {
  it('reads what the core stored, and anything odd as the defaults', () => {
    expect(readRecipe({})).toEqual(DEFAULT_RECIPE);
    expect(readRecipe(null)).toEqual(DEFAULT_RECIPE);
    expect(readRecipe({ rotate: 45, fit: 'stretch', brightness: 'bright' })).toEqual(DEFAULT_RECIPE);
    expect(readRecipe({ rotate: 270, fit: 'crop', brightness: 9 })).toEqual({
      rotate: 270,
      fit: 'crop',
      brightness: BRIGHTNESS_MAX,
    });
    expect(readRecipe({ brightness: 0.1 }).brightness).toBe(BRIGHTNESS_MIN);
    // A frame is a cut, whatever `fit` says: the core lets the frame win.
    expect(readRecipe({ fit: 'pad', crop: { x: 0.1, y: 0.2, size: 0.5 } })).toEqual({
      rotate: 0,
      fit: 'crop',
      crop: { x: 0.1, y: 0.2, size: 0.5 },
      brightness: 1,
    });
  });

  it('saves "Kotak putih" without a frame, and a centred full frame as a plain "Potong kotak"', () => {
    const framed = { rotate: 0 as const, fit: 'pad' as const, crop: { x: 0.2, y: 0, size: 0.5 }, brightness: 1 };
    expect(recipeToSave(framed, 1200, 900)).toEqual({ rotate: 0, fit: 'pad', brightness: 1 });
    expect(recipeToSave({ ...framed, fit: 'crop', crop: centredCrop(1, 1200, 900) }, 1200, 900)).toEqual({
      rotate: 0,
      fit: 'crop',
      brightness: 1,
    });
    expect(recipeToSave({ ...framed, fit: 'crop' }, 1200, 900)).toEqual({
      rotate: 0,
      fit: 'crop',
      brightness: 1,
      crop: { x: 0.2, y: 0, size: 0.5 },
    });
  });

  it('saves the frame in the turned picture’s coordinates, inside it', () => {
    // Upright 900 x 1200, turned a quarter: 1200 x 900. A frame pushed past the right edge is pulled in.
    const saved = recipeToSave(
      { rotate: 90, fit: 'crop', crop: { x: 0.9, y: 0.5, size: 0.8 }, brightness: 1.3 },
      900,
      1200,
    );
    expect(saved.crop?.size).toBe(0.8);
    expect(saved.crop?.x).toBeCloseTo(1 - 720 / 1200, 4);
    expect(saved.crop?.y).toBeCloseTo(1 - 720 / 900, 4);
    expect(saved.brightness).toBe(1.3);
  });

  it('rounds brightness to what the slider shows', () => {
    expect(recipeToSave({ ...DEFAULT_RECIPE, brightness: 1.2999999 }, 100, 100).brightness).toBe(1.3);
  });

  it('tells an edit from nothing changed', () => {
    expect(sameRecipe(DEFAULT_RECIPE, readRecipe({}), 1200, 900)).toBe(true);
    expect(sameRecipe(DEFAULT_RECIPE, { ...DEFAULT_RECIPE, rotate: 90 }, 1200, 900)).toBe(false);
    expect(
      sameRecipe(
        { ...DEFAULT_RECIPE, fit: 'crop' },
        { ...DEFAULT_RECIPE, fit: 'crop', crop: centredCrop(1, 1200, 900) },
        1200,
        900,
      ),
    ).toBe(true);
  });
});

describe('photo order', () => {
  const ids = [11, 12, 13, 14];

  it('drops a photo in the place of the one it lands on', () => {
    expect(moveTo(ids, 13, 0)).toEqual([13, 11, 12, 14]);
    expect(moveTo(ids, 11, 2)).toEqual([12, 13, 11, 14]);
    expect(moveTo(ids, 11, 3)).toEqual([12, 13, 14, 11]);
    expect(moveTo(ids, 99, 0)).toEqual(ids);
  });

  it('moves one step, and not past either end', () => {
    expect(moveBy(ids, 12, -1)).toEqual([12, 11, 13, 14]);
    expect(moveBy(ids, 12, 1)).toEqual([11, 13, 12, 14]);
    expect(moveBy(ids, 11, -1)).toEqual(ids);
    expect(moveBy(ids, 14, 1)).toEqual(ids);
  });

  it('makes a photo the main one by putting it first', () => {
    expect(makeMain(ids, 14)).toEqual([14, 11, 12, 13]);
    expect(makeMain(ids, 11)).toEqual(ids);
  });

  it('keeps every photo exactly once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: -2, max: 14 }),
        (list, pick, index) => {
          const id = list[pick % list.length] ?? list[0] ?? 1;
          const next = moveTo(list, id, index);
          expect(sameSet(next, list)).toBe(true);
          expect(next).toHaveLength(list.length);
        },
      ),
    );
  });

  it('compares orders and sets', () => {
    expect(sameSet([1, 2, 3], [3, 1, 2])).toBe(true);
    expect(sameSet([1, 2], [1, 2, 3])).toBe(false);
    expect(changed([1, 2, 3], [1, 2, 3])).toBe(false);
    expect(changed([1, 2, 3], [2, 1, 3])).toBe(true);
  });
});
