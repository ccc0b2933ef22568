/**
 * Near-duplicate photos: the same photo turns up twice in a seller's folder (sent again over
 * WhatsApp, resized, saved again), and a product's photo slots are few (Lazada takes 8).
 */

/** A rectangle of the grey sample, in sample pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A left cell must be this much brighter (grey levels) for its bit to be 1. Without it, the
 * bits of a plain background or a softly shaded product are coin flips of sensor noise and
 * JPEG: a resized, re-saved copy differed from its original in up to 23 of 64 bits. With 6
 * it differs in at most 4 and different scenes in at least 7 (2 and 4 gave overlaps, 10 and
 * more dropped too much real structure; calibration).
 */
const HASH_DEAD_ZONE = 6;

/**
 * dHash: `box` of the grey sample averaged into 9x8 cells, one bit per horizontal neighbour
 * pair (left brighter than right), as 16 hex digits. It survives resizing, re-encoding and
 * small brightness changes. The box is the product's bounding box, not the whole frame:
 * otherwise every small product on white is the same mostly-white picture to the hash.
 */
export function differenceHash(grey: Uint8Array, width: number, box: Box): string {
  const cells = new Float64Array(72);
  for (let cy = 0; cy < 8; cy++) {
    const y0 = box.top + Math.floor((cy * box.height) / 8);
    const y1 = Math.max(y0 + 1, box.top + Math.floor(((cy + 1) * box.height) / 8));
    for (let cx = 0; cx < 9; cx++) {
      const x0 = box.left + Math.floor((cx * box.width) / 9);
      const x1 = Math.max(x0 + 1, box.left + Math.floor(((cx + 1) * box.width) / 9));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        for (let q = y * width + x0, end = y * width + x1; q < end; q++) sum += grey[q]!;
      }
      cells[cy * 9 + cx] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) {
      const k = nibble * 4 + bit;
      const cell = Math.floor(k / 8) * 9 + (k % 8);
      value = (value << 1) | (cells[cell]! > cells[cell + 1]! + HASH_DEAD_ZONE ? 1 : 0);
    }
    hex += value.toString(16);
  }
  return hex;
}

/** Bits that differ between two hashes from `measurePhoto` (0-64). */
export function hashDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}
