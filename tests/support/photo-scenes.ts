import sharp from 'sharp';
import { seededRandom } from './random';

/**
 * Photo-like scenes for calibrating and testing the photo QC predictor, drawn at test time
 * (nothing binary is committed). A scene is a "product" (an ellipse or a rounded box with
 * shading, texture, a printed label or a batik-like pattern, a soft shadow and slightly soft
 * edges, as a phone lens gives) on a background (white, off-white paper, grey, a coloured
 * cloth, or a busy room), rendered as the 1200 px JPEG the photo studio makes. Variants
 * apply what goes wrong with real photos: out of focus (`blurred`), too dark (`darkened`),
 * overexposed or hazy (`washedOut`), and the same photo again (`sameAgain`).
 *
 * Everything is seeded: the same spec always gives the same pixels.
 */

export type SceneBackground = 'white' | 'near_white' | 'grey' | 'coloured' | 'busy';
export type SceneTexture = 'fine' | 'smooth' | 'label' | 'pattern';
export type SceneTone = 'normal' | 'dark' | 'pale';

export interface SceneSpec {
  readonly seed: number;
  readonly background: SceneBackground;
  /** The product's longest side as a share of the photo's short side (0.9 fills, 0.35 is small). */
  readonly fill: number;
  readonly texture: SceneTexture;
  /** Product colour: any ('normal'), nearly black ('dark', a leather bag), or light ('pale'). */
  readonly tone?: SceneTone;
  /** Side of the square JPEG (default 1200, the studio's output size). */
  readonly size?: number;
  /**
   * Width / height of the photo as taken (default 1: square). A landscape photo is drawn at
   * `size` wide and then padded to a square with white bars, as the studio does.
   */
  readonly aspect?: number;
}

export const SCENE_SIZE = 1200;
const JPEG_QUALITY = 85;

/** Smooth noise in [-1, 1]: random values on a grid of `cell` px, smoothly interpolated. */
function valueNoise(rand: () => number, width: number, height: number, cell: number): (x: number, y: number) => number {
  const cols = Math.ceil(width / cell) + 2;
  const rows = Math.ceil(height / cell) + 2;
  const grid = new Float32Array(cols * rows);
  for (let i = 0; i < grid.length; i++) grid[i] = rand() * 2 - 1;
  return (x, y) => {
    const gx = x / cell;
    const gy = y / cell;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const fx = gx - x0;
    const fy = gy - y0;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const i = y0 * cols + x0;
    const a = grid[i] ?? 0;
    const b = grid[i + 1] ?? 0;
    const c = grid[i + cols] ?? 0;
    const d = grid[i + cols + 1] ?? 0;
    return a + (b - a) * sx + (c - a + (a - b + d - c) * sx) * sy;
  };
}

type Rgb = [number, number, number];

function hsv(h: number, s: number, v: number): Rgb {
  const i = Math.floor(h * 6);
  const f = h * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const table: Rgb[] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ];
  const [r, g, b] = table[i % 6] ?? [v, v, v];
  return [r * 255, g * 255, b * 255];
}

const clamp = (value: number) => (value < 0 ? 0 : value > 255 ? 255 : value);

interface Drawn {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The scene's pixels (RGB, no JPEG yet) at `width` x `height`. */
function draw(spec: SceneSpec, width: number, height: number): Drawn {
  const rand = seededRandom(spec.seed * 7919 + 17);
  const data = Buffer.alloc(width * height * 3);
  const short = Math.min(width, height);

  // The product: an ellipse or a rounded box, its longest side `fill` of the short side.
  const round = rand() < 0.5;
  const long = (spec.fill * short) / 2;
  const other = long * (0.6 + rand() * 0.35);
  const tall = rand() < 0.5;
  const halfW = tall ? other : long;
  const halfH = tall ? long : other;
  const corner = Math.min(halfW, halfH) * 0.25;
  // Off centre a little, as people frame photos, but never cut off.
  const cx = width / 2 + (rand() - 0.5) * Math.max(0, width - 2 * halfW - 4) * 0.6;
  const cy = height / 2 + (rand() - 0.5) * Math.max(0, height - 2 * halfH - 4) * 0.6;
  const tone = spec.tone ?? 'normal';
  const base =
    tone === 'dark'
      ? hsv(rand(), 0.3 + rand() * 0.4, 0.12 + rand() * 0.08)
      : tone === 'pale'
        ? hsv(rand(), 0.1 + rand() * 0.15, 0.8 + rand() * 0.08)
        : hsv(rand(), 0.35 + rand() * 0.55, 0.3 + rand() * 0.55);
  const accent = hsv(rand(), 0.5 + rand() * 0.5, 0.2 + rand() * 0.7);

  drawBackground(spec.background, rand, data, width, height);

  // A soft shadow below and right of the product, then the product itself (only its box is visited).
  const coarse = valueNoise(rand, width, height, 90);
  const medium = valueNoise(rand, width, height, 24);
  const fine = valueNoise(rand, width, height, 5);
  const stripeAngle = rand() * Math.PI;
  const stripePeriod = 18 + rand() * 30;
  const cos = Math.cos(stripeAngle);
  const sin = Math.sin(stripeAngle);
  // A printed label with lines of "text" across the middle of the product.
  const labelW = halfW * 0.6;
  const labelH = halfH * 0.35;
  const lineHeight = Math.max(6, labelH / 5);
  const lineEnds = Array.from({ length: 12 }, () => 0.4 + rand() * 0.6);
  const ink: Rgb = [accent[0] * 0.5, accent[1] * 0.5, accent[2] * 0.5];
  const paperLabel: Rgb = [238, 234, 222];
  const batikLight: Rgb = [235, 225, 200];

  const x0 = Math.max(0, Math.floor(cx - halfW * 1.6));
  const x1 = Math.min(width, Math.ceil(cx + halfW * 1.6));
  const y0 = Math.max(0, Math.floor(cy - halfH * 1.6));
  const y1 = Math.min(height, Math.ceil(cy + halfH * 1.6));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 3;
      const sx = (x - cx - halfW * 0.08) / (halfW * 1.05);
      const sy = (y - cy - halfH * 0.12) / (halfH * 1.05);
      const shadow = 1 - 0.12 * Math.exp(-Math.max(0, sx * sx + sy * sy - 0.8) * 6);
      let r = (data[i] ?? 0) * shadow;
      let g = (data[i + 1] ?? 0) * shadow;
      let b = (data[i + 2] ?? 0) * shadow;

      // Signed distance to the product's outline, in pixels (negative inside).
      const dx = x - cx;
      const dy = y - cy;
      let distance: number;
      if (round) {
        const k = Math.sqrt((dx / halfW) ** 2 + (dy / halfH) ** 2);
        distance = (k - 1) * Math.min(halfW, halfH);
      } else {
        const qx = Math.abs(dx) - halfW + corner;
        const qy = Math.abs(dy) - halfH + corner;
        distance = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - corner;
      }
      const cover = distance <= -0.5 ? 1 : distance >= 0.5 ? 0 : 0.5 - distance;
      if (cover > 0) {
        // Rounded shading: brighter at the top left, darker at the rim.
        const nx = dx / halfW;
        const ny = dy / halfH;
        const shade = 1.08 - 0.28 * (nx * nx + ny * ny) - 0.1 * (nx + ny);
        let colour = base;
        let detail = coarse(x, y) * 14;
        if (spec.texture === 'fine') detail += medium(x, y) * 22 + fine(x, y) * 18 + (rand() - 0.5) * 12;
        if (spec.texture === 'pattern') {
          const motif =
            Math.sin((dx * cos + dy * sin) / stripePeriod) * Math.sin((dy * cos - dx * sin) / (stripePeriod * 0.7));
          if (motif > 0.35) colour = accent;
          else if (motif < -0.6) colour = batikLight;
          detail += medium(x, y) * 8;
        }
        if (spec.texture === 'label' && Math.abs(dx) < labelW && Math.abs(dy) < labelH) {
          colour = paperLabel;
          const row = Math.floor((dy + labelH) / lineHeight);
          const inLine = (dy + labelH) % lineHeight < lineHeight * 0.55;
          const along = (dx + labelW) / (2 * labelW);
          if (row >= 1 && inLine && along > 0.08 && along < (lineEnds[row % lineEnds.length] ?? 1)) colour = ink;
        }
        r = r * (1 - cover) + (colour[0] * shade + detail) * cover;
        g = g * (1 - cover) + (colour[1] * shade + detail) * cover;
        b = b * (1 - cover) + (colour[2] * shade + detail) * cover;
      }
      data[i] = clamp(Math.round(r));
      data[i + 1] = clamp(Math.round(g));
      data[i + 2] = clamp(Math.round(b));
    }
  }
  return { data, width, height };
}

function drawBackground(kind: SceneBackground, rand: () => number, data: Buffer, width: number, height: number): void {
  const put = (i: number, r: number, g: number, b: number) => {
    data[i] = clamp(Math.round(r));
    data[i + 1] = clamp(Math.round(g));
    data[i + 2] = clamp(Math.round(b));
  };
  switch (kind) {
    case 'white':
      // Rendered white, with the odd level of sensor noise.
      for (let i = 0; i < data.length; i += 3) put(i, 255, 255, 255 - (rand() < 0.3 ? 1 : 0));
      return;
    case 'near_white':
      // A sheet of paper, lit from one side.
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i += 3) {
          const light = -14 * (y / height) - 6 * (x / width) + (rand() - 0.5) * 4;
          put(i, 244 + light, 240 + light, 231 + light);
        }
      }
      return;
    case 'grey': {
      const level = 150 + rand() * 40;
      const noise = valueNoise(rand, width, height, 90);
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i += 3) {
          const v = level + noise(x, y) * 6 + (rand() - 0.5) * 4;
          put(i, v, v, v);
        }
      }
      return;
    }
    case 'coloured': {
      // A plain cloth with soft folds.
      const cloth = hsv(rand(), 0.45 + rand() * 0.4, 0.35 + rand() * 0.45);
      const folds = valueNoise(rand, width, height, 60);
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i += 3) {
          const k = 1 + folds(x, y) * 0.12 + (rand() - 0.5) * 0.04;
          put(i, cloth[0] * k, cloth[1] * k, cloth[2] * k);
        }
      }
      return;
    }
    case 'busy': {
      // A room: a wooden table in changing light, with things lying about.
      const light = valueNoise(rand, width, height, 60);
      const warp = valueNoise(rand, width, height, 14);
      const hue = valueNoise(rand, width, height, 200);
      const wood = hsv(rand(), 0.5, 0.6);
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i += 3) {
          const k = 0.75 + light(x, y) * 0.3;
          const grain = Math.sin((x + warp(x, y) * 20) / 7) * 18 + (rand() - 0.5) * 12;
          const tint = hue(x, y) * 40;
          put(i, wood[0] * k + grain + tint, wood[1] * k + grain, wood[2] * k + grain - tint);
        }
      }
      for (let n = 0; n < 14; n++) {
        const bx = Math.floor(rand() * width);
        const by = Math.floor(rand() * height);
        const bw = Math.floor(40 + rand() * width * 0.3);
        const bh = Math.floor(40 + rand() * height * 0.3);
        const colour = hsv(rand(), 0.3 + rand() * 0.7, 0.2 + rand() * 0.8);
        for (let y = by; y < Math.min(height, by + bh); y++) {
          for (let x = bx; x < Math.min(width, bx + bw); x++) {
            const v = (rand() - 0.5) * 16;
            put((y * width + x) * 3, colour[0] + v, colour[1] + v, colour[2] + v);
          }
        }
      }
      return;
    }
  }
}

/**
 * The scene as the studio's JPEG: a square of `size` px (default 1200). A landscape scene
 * (`aspect` > 1) is drawn `size` wide and padded to the square with white bars.
 */
export async function renderScene(spec: SceneSpec): Promise<Buffer> {
  const size = spec.size ?? SCENE_SIZE;
  const aspect = spec.aspect ?? 1;
  const height = Math.round(size / aspect);
  const { data, width } = draw(spec, size, height);
  const top = Math.floor((size - height) / 2);
  return (
    sharp(data, { raw: { width, height, channels: 3 } })
      // A phone lens is never perfectly sharp: real edges spread over a pixel or so.
      .blur(0.6)
      .extend({ top, bottom: size - height - top, background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer()
  );
}

/** Out of focus: a Gaussian blur of `sigma` px at the photo's own size. */
export function blurred(jpeg: Buffer, sigma: number): Promise<Buffer> {
  return sharp(jpeg).blur(sigma).jpeg({ quality: JPEG_QUALITY }).toBuffer();
}

/** Too dark: brightness scaled by `factor` (0.25 is a photo taken in a dim room). */
export function darkened(jpeg: Buffer, factor = 0.25): Promise<Buffer> {
  return sharp(jpeg).modulate({ brightness: factor }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
}

/**
 * Washed out. 'overexposed': a tone curve that lifts every tone and burns the lighter half
 * to white, as a phone exposing for a dark product against a bright window does; 'hazy':
 * blacks lifted to light grey and contrast halved, as shooting through a dirty window or
 * into the light gives.
 */
export async function washedOut(jpeg: Buffer, kind: 'overexposed' | 'hazy'): Promise<Buffer> {
  if (kind === 'hazy') return sharp(jpeg).linear(0.5, 150).jpeg({ quality: JPEG_QUALITY }).toBuffer();
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const curve = Uint8Array.from({ length: 256 }, (_, v) => clamp(Math.round(255 * (v / 255) ** 0.45 * 1.25)));
  for (let i = 0; i < data.length; i++) data[i] = curve[data[i] ?? 0] ?? 255;
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
}

/**
 * The same photo again, as it turns up twice in a seller's folder: resized to `size`,
 * a little brighter, and saved again at a lower JPEG quality.
 */
export function sameAgain(jpeg: Buffer, size = 800): Promise<Buffer> {
  return sharp(jpeg)
    .resize(size, size, { fit: 'inside' })
    .modulate({ brightness: 1.08 })
    .jpeg({ quality: 60 })
    .toBuffer();
}
