import fs from 'node:fs';
import path from 'node:path';
import type { JobControl } from '../jobs/jobs';
import type { Params } from './inspect';
import type { PhotoLibrary } from './library';
import { matchFileName } from './match-names';
import type { OriginalsFolder, StoredOriginal } from './originals';

/** What a phone's DCIM folder or a USB stick holds that may be a photo (HEIC to say why not). */
const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.tif', '.tiff', '.heic', '.heif']);
/** A whole phone is a few thousand photos; a folder with more is probably the wrong folder. */
export const MAX_FILES_PER_IMPORT = 5000;
/** Android keeps its own previews here; they are not the seller's photos. */
const SKIPPED_FOLDERS = new Set(['.thumbnails', '.trash', '.trashed', '$recycle.bin', 'system volume information']);

export interface PhotoImportTarget {
  readonly originals: OriginalsFolder;
  readonly library: PhotoLibrary;
  /** Runs `fn` in one write transaction. */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction. */
  readonly read: <T>(fn: () => T) => T;
}

export interface PhotoImportRequest {
  readonly sellerId: number;
  /** All photos go to this product (the product's own "Tambah foto"); otherwise matched by name. */
  readonly productId?: number;
  /** Files and folders the seller picked or dropped; folders are read with their subfolders. */
  readonly paths: readonly string[];
}

export interface RejectedPhoto {
  readonly fileName: string;
  readonly reason: string;
  readonly params: Params;
}

export interface PhotoImportReport {
  readonly files: number;
  /** New photos on products. */
  readonly matched: number;
  /** New photos waiting on the review list (no file name matched). */
  readonly unmatched: number;
  /** Pictures that were already there (same content on the same product or list). */
  readonly duplicates: number;
  readonly rejected: readonly RejectedPhoto[];
  /** More files than MAX_FILES_PER_IMPORT: the rest were not looked at. */
  readonly truncated: boolean;
}

/**
 * Imports photos: every file is copied into the originals folder and checked (a bad file is
 * reported and the rest go on); then all the new photos are recorded in one transaction,
 * each product's photos in their file-name order ("_2" after the plain one). So a stop, a
 * crash or a pulled USB stick half-way leaves no photo rows at all, and importing again
 * finds the copies already stored.
 */
export async function importPhotos(
  target: PhotoImportTarget,
  request: PhotoImportRequest,
  job: JobControl,
): Promise<PhotoImportReport> {
  const { productId: chosen, sellerId } = request;
  // Checked before anything is copied: a wrong product should not cost minutes of copying.
  const targets = target.read(() => {
    if (chosen !== undefined) target.library.assertProductOf(chosen, sellerId);
    return target.library.matchTargets(sellerId);
  });
  const { files, truncated } = await collectFiles(request.paths);
  const stored: { file: string; original: StoredOriginal; productId: number | null; number: number }[] = [];
  const rejected: RejectedPhoto[] = [];
  for (const [index, file] of files.entries()) {
    job.step(index, files.length);
    const result = await target.originals.store(file);
    if (!result.ok) {
      rejected.push({ fileName: path.basename(file), reason: result.reason, params: result.params });
      continue;
    }
    const match = request.productId === undefined ? matchFileName(file, targets) : null;
    stored.push({
      file,
      original: result,
      productId: request.productId ?? match?.productId ?? null,
      number: match?.number ?? 1,
    });
  }
  job.step(files.length, files.length);

  stored.sort((a, b) => (a.productId ?? 0) - (b.productId ?? 0) || a.number - b.number);
  let matched = 0;
  let unmatched = 0;
  let duplicates = 0;
  target.transaction(() => {
    // Checked again: the copying took a while, and products may have gone meanwhile.
    if (chosen !== undefined) target.library.assertProductOf(chosen, sellerId);
    const live = new Map<number, boolean>();
    const stillThere = (id: number) => {
      if (!live.has(id)) live.set(id, target.library.isLiveProductOf(id, sellerId));
      return live.get(id) === true;
    };
    for (const { file, original, productId: wanted } of stored) {
      // A product deleted while the photos were copied: its photos wait on the review list.
      const productId = wanted !== null && stillThere(wanted) ? wanted : null;
      const added = target.library.add({
        sellerId: request.sellerId,
        productId,
        hash: original.hash,
        fileName: path.basename(file),
        info: original.info,
      });
      if (added === 'duplicate') duplicates++;
      else if (productId === null) unmatched++;
      else matched++;
    }
  });
  return { files: files.length, matched, unmatched, duplicates, rejected, truncated };
}

/**
 * The files to import, in name order: picked files as they are, folders walked with their
 * subfolders for photo-like names. Unreadable folders are passed over (a phone may refuse
 * some of its own); an unreadable picked file is reported by the import.
 */
async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let truncated = false;
  const walk = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const entry of entries) {
      if (files.length >= MAX_FILES_PER_IMPORT) {
        truncated = true;
        return;
      }
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed: a link loop on a USB stick would never end.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name.toLowerCase())) await walk(full);
      else if (entry.isFile() && PHOTO_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const picked of paths) {
    const stat = await fs.promises.stat(picked).catch(() => null);
    if (stat?.isDirectory()) await walk(picked);
    else if (files.length < MAX_FILES_PER_IMPORT) files.push(picked);
    else truncated = true;
  }
  return { files, truncated };
}
