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

  /** Folders this instance made or found: made once, not once per file. */
  private readonly folders = new Set<string>();

  /**
   * Writes both files, each to a temporary name first and synced, so neither is ever half
   * there. Five file operations a file (open, write, sync, close, rename), each a trip
   * through libuv's thread pool that the JavaScript thread pays for too: the folder is made
   * once per instance, and the temporary name is only removed when something failed.
   */
  async write(key: string, main: Buffer, thumb: Buffer): Promise<void> {
    await this.writeAtomic(this.pathOf(key, 'main'), main);
    await this.writeAtomic(this.pathOf(key, 'thumb'), thumb);
  }

  private async writeAtomic(file: string, data: Buffer): Promise<void> {
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      await fs.promises.mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    try {
      await writeSynced(file, data);
    } catch (error) {
      // The folder went away under us (deleted by hand, a data dir restored): made again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.promises.mkdir(folder, { recursive: true });
      await writeSynced(file, data);
    }
  }
}

async function writeSynced(file: string, data: Buffer): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.promises.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}
