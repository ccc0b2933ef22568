import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PhotoPreset } from './presets';

/**
 * Bumped whenever the render pipeline changes what it makes from the same original and
 * recipe, so every photo is made again rather than kept from the old pipeline.
 */
export const RENDER_VERSION = 1;

export type RenderedKind = 'main' | 'thumb';

/**
 * The optimised photos (`main`: what is uploaded) and their thumbnails, named by a key of
 * original + recipe + preset + pipeline version: the same inputs always land on the same
 * name, so rendering again after a crash simply overwrites identical bytes, and a changed
 * recipe never shows a stale file under the new key.
 */
export class RenderedFolder {
  constructor(readonly dir: string) {}

  static key(original: string, recipe: string, preset: PhotoPreset): string {
    return createHash('sha256')
      .update(JSON.stringify([RENDER_VERSION, original, recipe, preset.id, preset.targetSide, preset.maxBytes]))
      .digest('hex');
  }

  pathOf(key: string, kind: RenderedKind): string {
    return path.join(this.dir, kind, `${key}.jpg`);
  }

  /** Writes both files, each to a temporary name first and synced, so neither is ever half there. */
  async write(key: string, main: Buffer, thumb: Buffer): Promise<void> {
    await writeAtomic(this.pathOf(key, 'main'), main);
    await writeAtomic(this.pathOf(key, 'thumb'), thumb);
  }
}

async function writeAtomic(file: string, data: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await fs.promises.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}
