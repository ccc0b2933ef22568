import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {
  photoRecipe,
  type Photo,
  type PhotoImportReport,
  type PhotoIssue,
  type PhotoKind,
  type PhotoQueueStatus,
  type ProductPhotos,
  type ProductPhotoSummary,
  type SellerPhotoOverview,
} from '../../shared/photos';
import type { SellerStore } from '../catalogue/sellers';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { CoreError } from '../errors';
import type { JobControl } from '../jobs/jobs';
import type { SettingsStore } from '../settings/settings';
import { importPhotos } from './import-photos';
import { UNTRUSTED_INPUT } from './inspect';
import { PhotoLibrary, type PhotoRow } from './library';
import { OriginalsFolder } from './originals';
import { defaultConcurrency } from './pool';
import { LAZADA_PRESET } from './presets';
import { PhotoProcessor, type ProcessorRun } from './processor';
import type { RawSample } from './render';
import { RenderedFolder } from './rendered';
import { findingsVerdict } from '../../shared/plain/photo-verdict';

/** A rendered main image as QC gets it: the JPEG, and the raw sample the render decoded for QC. */
export interface RenderedForQc {
  readonly main: Buffer;
  /** The main image's size. */
  readonly width: number;
  readonly height: number;
  /** The JPEG decoded at most `PhotoQc.sampleSide` px; without it QC decodes `main` itself. */
  readonly sample?: RawSample;
}

export interface PhotoQc {
  /**
   * The raw sample `measure` reads, at most this many px on a side: the render decodes it.
   * Without it the render makes no sample (a benchmark's QC that measures nothing).
   */
  readonly sampleSide?: number;
  /** What QC keeps about a rendered main image (stored as JSON on the photo). */
  measure(photo: RenderedForQc): Promise<unknown>;
  /**
   * The findings about one product's photos, in their order (the first is the main one):
   * each measured photo's own, by photo id, and the set's (how many there are).
   */
  review(photos: readonly PhotoRow[]): PhotoReview;
}

export interface PhotoReview {
  readonly photos: ReadonlyMap<number, readonly PhotoIssue[]>;
  readonly product: readonly PhotoIssue[];
}

export interface StudioDeps {
  readonly db: Db;
  readonly dataDir: string;
  readonly sellers: SellerStore;
  readonly settings: SettingsStore;
  readonly now: () => string;
  readonly qc: PhotoQc;
  /** Runs `fn` in one write transaction (for the async jobs, which span many). */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction: no write lock, so a CLI writing meanwhile never stalls it. */
  readonly read: <T>(fn: () => T) => T;
  readonly processControl: () => JobControl;
  readonly log?: (message: string) => void;
}

/**
 * The photo studio: importing originals, the per-product photo lists, the rendering queue,
 * and the files behind the page's photo URLs. Folders under the data dir:
 * photos/originals (content-addressed, never modified), photos/optimised/{main,thumb},
 * photos/previews (upright JPEG previews of originals for the editor and "before").
 */
export class PhotoStudio {
  readonly library: PhotoLibrary;
  private readonly originals: OriginalsFolder;
  private readonly rendered: RenderedFolder;
  private readonly previews: string;
  private readonly processor: PhotoProcessor;
  readonly photosDir: string;

  constructor(private readonly deps: StudioDeps) {
    // One libvips thread per image, images in parallel (one per core): measured faster than
    // several threads on one image, and the default on Windows is one thread per core.
    sharp.concurrency(1);
    this.photosDir = path.join(deps.dataDir, 'photos');
    this.library = new PhotoLibrary(deps.db, deps.sellers, deps.now);
    this.originals = new OriginalsFolder(path.join(this.photosDir, 'originals'));
    this.rendered = new RenderedFolder(path.join(this.photosDir, 'optimised'));
    this.previews = path.join(this.photosDir, 'previews');
    this.processor = new PhotoProcessor({
      library: this.library,
      originals: this.originals,
      rendered: this.rendered,
      preset: LAZADA_PRESET,
      concurrency: defaultConcurrency(),
      transaction: deps.transaction,
      read: deps.read,
      ...(deps.qc.sampleSide !== undefined ? { qcSampleSide: deps.qc.sampleSide } : {}),
      measure: (photo) => deps.qc.measure(photo),
      control: deps.processControl,
      ...(deps.log ? { log: deps.log } : {}),
    });
  }

  importFiles(paths: readonly string[], sellerId: number, productId: number | undefined, job: JobControl) {
    return importPhotos(
      { originals: this.originals, library: this.library, transaction: this.deps.transaction, read: this.deps.read },
      { sellerId, paths, ...(productId !== undefined ? { productId } : {}) },
      job,
    ) satisfies Promise<PhotoImportReport>;
  }

  forProduct(productId: number): ProductPhotos {
    const rows = this.library.forProduct(productId);
    const review = this.deps.qc.review(rows);
    return { photos: rows.map((row) => this.toPhoto(row, rows, review)), issues: review.product };
  }

  unmatched(sellerId: number): Photo[] {
    this.deps.sellers.assertExists(sellerId, 'sellerId');
    return this.library.unmatched(sellerId).map((row) => this.photoOf(row));
  }

  /**
   * One photo as the page shows it. A live photo on a product is judged among that
   * product's photos (which is the main one, what it nearly copies); a photo on the review
   * list, or in the trash, on its own.
   */
  photoOf(row: PhotoRow): Photo {
    const siblings = row.product_id === null || row.deleted_at ? [] : this.library.forProduct(row.product_id);
    const judgedWith = siblings.some((sibling) => sibling.id === row.id) ? siblings : [row];
    return this.toPhoto(row, siblings, this.deps.qc.review(judgedWith));
  }

  private toPhoto(row: PhotoRow, siblings: readonly PhotoRow[], review: PhotoReview): Photo {
    const ready = row.state === 'ready' && row.width !== null && row.height !== null;
    return {
      id: row.id,
      sellerId: row.seller_id,
      productId: row.product_id,
      fileName: row.file_name,
      position: row.position,
      isMain: row.product_id !== null && siblings[0]?.id === row.id,
      state: row.state,
      recipe: photoRecipe.safeParse(parseJson(row.recipe)).data ?? photoRecipe.parse({}),
      original: {
        width: row.original_width,
        height: row.original_height,
        bytes: row.original_bytes,
        format: row.original_format,
      },
      ...(ready
        ? {
            output: {
              width: row.width ?? 0,
              height: row.height ?? 0,
              bytes: row.bytes ?? 0,
              quality: row.quality ?? 0,
            },
          }
        : {}),
      ...(row.state === 'failed' && row.failure ? { failure: failureOf(row.failure) } : {}),
      issues: row.state === 'ready' ? [...(review.photos.get(row.id) ?? [])] : [],
      version: versionOf(row),
    };
  }

  /** Every product of a participant with how its photos stand, the ones needing work first. */
  overview(sellerId: number): SellerPhotoOverview {
    this.deps.sellers.assertExists(sellerId, 'sellerId');
    const products = cached<[number], { id: number; name: string }>(
      this.deps.db,
      'SELECT id, name FROM products WHERE seller_id = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
    ).all(sellerId);
    const rank = { reject: 0, warn: 1, good: 2 } as const;
    const summaries = products.map((product): ProductPhotoSummary => {
      const rows = this.library.forProduct(product.id);
      const review = this.deps.qc.review(rows);
      const issues = [
        ...review.product,
        ...rows.flatMap((row) => (row.state === 'ready' ? (review.photos.get(row.id) ?? []) : [])),
      ];
      const main = rows[0];
      const failed = rows.filter((row) => row.state === 'failed').length;
      return {
        productId: product.id,
        name: product.name,
        photoCount: rows.length,
        pending: rows.filter((row) => row.state === 'pending').length,
        failed,
        main: main ? { id: main.id, version: versionOf(main), state: main.state } : null,
        verdict: findingsVerdict({ failed, mainState: main?.state, issues }),
        issues,
      };
    });
    summaries.sort((a, b) => rank[a.verdict] - rank[b.verdict]);
    return { products: summaries, unmatched: this.library.unmatched(sellerId).length };
  }

  // ---------- the queue ----------

  status(): PhotoQueueStatus {
    return { ...this.library.counts(), running: this.processor.running, paused: this.deps.settings.photosPaused() };
  }

  /**
   * Starts rendering waiting photos unless the seller paused it, in the background: a run
   * that fails (a locked or full database) is logged, never an unhandled rejection that
   * would end the core's thread; the photos stay waiting for the next run.
   */
  resume(): void {
    if (this.deps.read(() => this.deps.settings.photosPaused())) return;
    this.processor.start().catch((error: unknown) => {
      this.deps.log?.(
        `photo queue stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    });
  }

  start(sellerId?: number): Promise<ProcessorRun> {
    this.deps.transaction(() => this.deps.settings.setPhotosPaused(false));
    return this.processor.start(sellerId);
  }

  async pause(): Promise<void> {
    this.deps.transaction(() => this.deps.settings.setPhotosPaused(true));
    await this.processor.stop();
  }

  /** Lets the photos being rendered finish and starts no more (closing the app); null when idle. */
  close(): Promise<void> | null {
    const running = this.processor.running;
    const closing = this.processor.close();
    return running ? closing : null;
  }

  // ---------- files behind the page's URLs ----------

  /**
   * The file behind a photo URL. Always a path this class made from a hash in the
   * database, under the photos folder; main still checks it lies there before serving.
   */
  async file(id: number, kind: PhotoKind): Promise<string> {
    const row = this.deps.read(() => this.library.get(id));
    if (kind === 'original') return this.preview(row.original);
    if (row.state !== 'ready' || !row.rendered) {
      throw new CoreError({ code: 'not_found', message: `Photo ${id} is not rendered yet`, field: 'id' });
    }
    const file = this.rendered.pathOf(row.rendered, kind);
    if (!fs.existsSync(file)) {
      // Lost (a disk error, a folder copied without it): it is made again.
      this.deps.transaction(() => this.library.setRecipe(id, parseJson(row.recipe) ?? {}));
      this.resume();
      throw new CoreError({ code: 'not_found', message: `Photo ${id} is being made again`, field: 'id' });
    }
    return file;
  }

  /**
   * A product's photos as an upload sends them, main first: each one's state and, once
   * rendered, its optimised file. Runs inside the caller's transaction.
   */
  uploadFiles(productId: number): { state: PhotoRow['state']; file: string | null }[] {
    return this.library.forProduct(productId).map((row) => ({
      state: row.state,
      file: row.state === 'ready' && row.rendered ? this.rendered.pathOf(row.rendered, 'main') : null,
    }));
  }

  /** An upright JPEG of the original at most 1200 px, made once; Chromium shows no TIFF or CMYK. */
  private async preview(hash: string): Promise<string> {
    const file = path.join(this.previews, `${hash}.jpg`);
    if (fs.existsSync(file)) return file;
    await fs.promises.mkdir(this.previews, { recursive: true });
    // Several requests for the same preview may race: each writes its own temporary file,
    // and whichever renames last wins with identical bytes.
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      const jpeg = await sharp(this.originals.pathOf(hash), UNTRUSTED_INPUT)
        .autoOrient()
        .resize(1200, 1200, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85 })
        .toBuffer();
      await fs.promises.writeFile(temp, jpeg, { flag: 'wx' });
      await fs.promises.rename(temp, file);
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
    return file;
  }
}

/** Changes whenever the photo's image does: its rendered file's key, or its state and time. */
function versionOf(row: PhotoRow): string {
  return row.rendered ?? `${row.state}-${row.updated_at}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function failureOf(text: string): { reason: string; params: Record<string, string | number> } {
  const value = parseJson(text) as { reason?: unknown; params?: unknown } | null;
  const params: Record<string, string | number> = {};
  if (value && typeof value.params === 'object' && value.params !== null) {
    for (const [key, item] of Object.entries(value.params)) {
      if (typeof item === 'string' || typeof item === 'number') params[key] = item;
    }
  }
  return { reason: typeof value?.reason === 'string' ? value.reason : 'render_error', params };
}
