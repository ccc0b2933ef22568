import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { failureFromFs, fail, inspectPhoto, type Failure, type PhotoInfo, type PhotoInputReason } from './inspect';

/** A phone photo is 2-8 MB, a 50 MP one ~25 MB; anything far bigger is not a product photo. */
export const MAX_PHOTO_BYTES = 80 * 1024 * 1024;

export type StoreReason = PhotoInputReason | 'too_large';

export interface StoredOriginal {
  readonly ok: true;
  readonly hash: string;
  readonly info: PhotoInfo;
  /** False when the same picture was already stored (from this import or an earlier one). */
  readonly isNew: boolean;
}

/**
 * The folder of original photos: each stored once, named by the sha256 of its bytes, and
 * never modified afterwards (GPS and all stay here, on the laptop; only optimised copies
 * leave). A copy is made to a temporary name while hashing, checked by decoding it, then
 * renamed into place, so a USB stick pulled mid-copy leaves no half file under a real name.
 */
export class OriginalsFolder {
  constructor(readonly dir: string) {}

  pathOf(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  async store(source: string): Promise<StoredOriginal | Failure<StoreReason>> {
    let size: number;
    try {
      const stat = await fs.promises.stat(source);
      if (!stat.isFile()) return fail('not_a_file');
      size = stat.size;
    } catch (error) {
      return failureFromFs(error);
    }
    if (size === 0) return fail('empty');
    if (size > MAX_PHOTO_BYTES) return fail('too_large', { bytes: size, maxBytes: MAX_PHOTO_BYTES });

    await fs.promises.mkdir(this.dir, { recursive: true });
    const temp = path.join(this.dir, `.incoming-${randomUUID()}`);
    try {
      const hash = await copyHashing(source, temp);
      if (hash === null) return fail('too_large', { maxBytes: MAX_PHOTO_BYTES });
      const target = this.pathOf(hash);
      const known = fs.existsSync(target);
      // Checked on our own copy, which cannot change or vanish under the decoder.
      const inspected = await inspectPhoto(known ? target : temp, { decode: true });
      if (!inspected.ok) return inspected;
      if (!known) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.rename(temp, target);
      }
      return { ok: true, hash, info: inspected.info, isNew: !known };
    } catch (error) {
      return failureFromFs(error);
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }
}

/** Copies `source` to `target` and returns the sha256 of what was copied (null past the size limit). */
async function copyHashing(source: string, target: string): Promise<string | null> {
  const hash = createHash('sha256');
  let copied = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      copied += chunk.length;
      // A file that grows while it is read (or lies about its size) is stopped at the limit.
      if (copied > MAX_PHOTO_BYTES) {
        tooLarge = true;
        done(new Error('too large'));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(source), counter, fs.createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    if (tooLarge) return null;
    throw error;
  }
  // The copy must be on disk before the database says it exists (power cuts).
  const handle = await fs.promises.open(target, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
