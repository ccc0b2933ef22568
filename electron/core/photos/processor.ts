import type { JobControl } from '../jobs/jobs';
import type { PhotoLibrary, PhotoRow } from './library';
import type { OriginalsFolder } from './originals';
import type { PhotoPreset } from './presets';
import { renderPhoto } from './render';
import { RenderedFolder } from './rendered';
import { isRaster, PHOTO_FORMATS, type PhotoFormat, type RasterFormat } from './sniff';
import type { RenderedForQc } from './studio';

export interface ProcessorDeps {
  readonly library: PhotoLibrary;
  readonly originals: OriginalsFolder;
  readonly rendered: RenderedFolder;
  readonly preset: PhotoPreset;
  /** Cores to keep busy: one photo's sharp work per core (sharp.concurrency(1) per image), plus EXTRA_RENDERS. */
  readonly concurrency: number;
  /** Runs `fn` in one write transaction. */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction (no write lock: the CLI may be writing meanwhile). */
  readonly read: <T>(fn: () => T) => T;
  /**
   * The raw sample `measure` reads, at most this many px on a side: the render decodes its
   * JPEG at that size once, for the thumbnail and for QC. Without it QC decodes the JPEG.
   */
  readonly qcSampleSide?: number;
  /** What QC needs to know about a rendered main image (stored as the row's `qc`). */
  readonly measure: (photo: RenderedForQc) => Promise<unknown>;
  /** A job control for one run: progress events and the seller's "Hentikan". */
  readonly control: () => JobControl;
  readonly log?: (message: string) => void;
}

export interface ProcessorRun {
  readonly rendered: number;
  readonly failed: number;
  /** Stopped by the seller (or by closing), with photos still waiting. */
  readonly stopped: boolean;
}

/** Photos read from the queue at a time: enough to keep every core busy, few enough to see new work soon. */
const BATCH = 16;

/**
 * Photos rendering beyond one per core. A render is four sharp calls in a row (the header,
 * the main image, the QC sample, the thumbnail), and between two of them its core waits
 * until the JavaScript thread (busy with a QC measure or a commit's WAL sync) has started the
 * next, and until libuv has woken a thread for it. bench/photos.ts on 2 cores, 120 photos,
 * quiet machine: with one render per core the cores sat idle 9 % of the queue's time, with
 * one more 3 %, for the same CPU time per photo; throughput went from 0.96x to 1.01x raw
 * sharp (2 in flight) without QC, 0.86x to 0.92x with it. Each photo still decodes on one
 * libvips thread; the extra photo in flight costs some memory (the bench's peak RSS).
 */
const EXTRA_RENDERS = 1;

/**
 * Photos per core that may be rendered but not yet done with their files and QC: that work
 * overlaps the next render, and this bound keeps a slow disk from piling rendered images
 * up in memory (or filling libuv's 4 threads, which sharp needs too, with file syncs).
 */
const FINISHING_PER_CORE = 1;

/**
 * Finished photos' rows share one commit: at most this many, waiting at most COMMIT_WAIT_MS.
 * Each commit syncs the WAL (synchronous=FULL) on the JavaScript thread, which then starts
 * no sharp work: measured 2-15 ms a commit on the shared development machine, up to 115 ms
 * while the disk was still writing out an import, with both cores idle meanwhile. A crash
 * before a commit loses nothing but time: those photos are still 'pending', and rendering
 * them again writes the same bytes under the same names.
 */
const COMMIT_BATCH = 8;
const COMMIT_WAIT_MS = 250;

/**
 * Renders waiting photos, one per core (and EXTRA_RENDERS), until none are left. The queue is the photos table
 * itself (state 'pending'), so a run that is stopped or cut off by closing the app simply
 * leaves the rest waiting, and the next run (at the next start) picks them up. A photo whose
 * recipe changed while it was being rendered is rendered again with the new one.
 *
 * Throughput (bench/photos.ts, "studio queue"): every core keeps a render in flight, and one
 * more waits its turn (EXTRA_RENDERS). A photo's next render starts as soon as the previous
 * one's sharp work is done, not after that photo's files, QC and row (file syncs and
 * main-thread work during which the core sat idle), the pool refills as it goes rather than
 * waiting for the slowest photo of a batch, and rows are committed a few at a time
 * (RowWrites).
 */
export class PhotoProcessor {
  private current: Promise<ProcessorRun> | null = null;
  private abort: AbortController | null = null;
  /** Set by `close`: no run starts after it (the database is about to close). */
  private closed = false;

  constructor(private readonly deps: ProcessorDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /**
   * Starts a run unless one is going (the running one picks up new photos too). With a
   * participant, only their photos are rendered (`akar photos optimise --seller`).
   */
  start(sellerId?: number): Promise<ProcessorRun> {
    if (this.closed) return Promise.resolve({ rendered: 0, failed: 0, stopped: true });
    // A run that is stopping ("Jeda" then "Lanjutkan" at once): start again once it has.
    if (this.current && this.abort?.signal.aborted) return this.current.then(() => this.start(sellerId));
    this.current ??= this.run(sellerId).finally(() => {
      this.current = null;
      this.abort = null;
    });
    return this.current;
  }

  /** Lets photos being rendered finish, starts no more. Never rejects. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.current?.catch(() => undefined);
  }

  /** Stops for good (closing the app). */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async run(sellerId: number | undefined): Promise<ProcessorRun> {
    const abort = new AbortController();
    this.abort = abort;
    const job = this.deps.control();
    const { concurrency } = this.deps;
    const renders = concurrency + EXTRA_RENDERS;
    const rows = new RowWrites(this.deps.transaction);
    let rendered = 0;
    let failed = 0;
    /** Taken from the table and not recorded yet: not taken again meanwhile. */
    const inFlight = new Set<number>();
    /** Photos holding a core (rendering), and rendered but busy with files and QC. */
    const busy = { rendering: 0, finishing: 0 };
    // Photos whose outcome could not even be recorded (a full disk, a locked database):
    // left pending for the next run rather than tried again and again in this one.
    const unrecorded = new Set<number>();
    /** Read from the table, not started yet. */
    let queue: PhotoRow[] = [];
    const next = (): PhotoRow | undefined => {
      if (queue.length === 0) {
        queue = this.deps
          .read(() => this.deps.library.pending(BATCH + inFlight.size + unrecorded.size, sellerId))
          .filter((photo) => !inFlight.has(photo.id) && !unrecorded.has(photo.id))
          .slice(0, BATCH);
      }
      return queue.shift();
    };
    const record = (photo: PhotoRow, outcome: { ok: boolean } | { error: unknown }) => {
      if ('ok' in outcome && outcome.ok) rendered++;
      else failed++;
      if ('error' in outcome) {
        unrecorded.add(photo.id);
        this.deps.log?.(`photo ${photo.id}: its outcome could not be recorded: ${String(outcome.error)}`);
      }
      const done = rendered + failed;
      const waiting = this.deps.read(() => this.deps.library.pendingCount(sellerId)) - unrecorded.size;
      job.report(done, done + waiting);
    };

    await new Promise<void>((resolve, reject) => {
      /** Reading the queue or reporting failed (a locked database): start no more, then throw it. */
      let failure: { error: unknown } | null = null;
      // Starts photos while a core is free; the run ends when none is in flight and none is
      // waiting (or it was stopped: the photos in flight finish first).
      const fill = (): void => {
        try {
          if (job.cancelled()) abort.abort();
          while (
            !abort.signal.aborted &&
            !failure &&
            busy.rendering < renders &&
            busy.rendering + busy.finishing < renders + concurrency * FINISHING_PER_CORE
          ) {
            const photo = next();
            if (!photo) break;
            start(photo);
          }
        } catch (error) {
          failure ??= { error };
        }
        if (inFlight.size === 0) {
          if (failure) reject(failure.error);
          else resolve();
        }
      };
      const start = (photo: PhotoRow): void => {
        inFlight.add(photo.id);
        busy.rendering++;
        let stage: 'rendering' | 'finishing' | 'recording' = 'rendering';
        const to = (step: 'finishing' | 'recording') => {
          if (stage === 'recording' || stage === step) return;
          busy[stage]--;
          if (step === 'finishing') busy.finishing++;
          stage = step;
          fill();
        };
        void this.renderOne(photo, {
          rendered: () => to('finishing'),
          finished: () => to('recording'),
          commit: (write) => {
            const committed = rows.add(write);
            // Nothing else is rendering or finishing: no reason to wait for company.
            if (busy.rendering + busy.finishing === 0) rows.flush();
            return committed;
          },
        })
          .then(
            (ok) => ({ ok }),
            (error: unknown) => ({ error }),
          )
          .then((outcome) => {
            inFlight.delete(photo.id);
            if (stage !== 'recording') busy[stage]--;
            stage = 'recording';
            try {
              record(photo, outcome);
            } catch (error) {
              failure ??= { error };
            }
            fill();
          });
      };
      fill();
    });
    const stopped = abort.signal.aborted && this.deps.read(() => this.deps.library.pendingCount(sellerId)) > 0;
    return { rendered, failed, stopped };
  }

  /**
   * True when rendered; false when the photo failed (its row says why, so it is not tried
   * again and again). Tells `steps` when its sharp work is over (rendered or not: its core
   * takes the next photo) and when its files and QC are done (it only waits for a commit).
   */
  private async renderOne(photo: PhotoRow, steps: PhotoSteps): Promise<boolean> {
    const fail = async (reason: string, params: object): Promise<false> => {
      steps.finished();
      await steps.commit(() => this.deps.library.failRender(photo.id, photo.recipe, { reason, params }));
      return false;
    };
    try {
      return await this.renderAndStore(photo, fail, steps);
    } catch (error) {
      // A full disk, a missing original...: recorded on the photo, which "Coba lagi" retries.
      this.deps.log?.(`photo ${photo.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail('render_error', { detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    }
  }

  private async renderAndStore(
    photo: PhotoRow,
    fail: (reason: string, params: object) => Promise<false>,
    steps: PhotoSteps,
  ): Promise<boolean> {
    let recipe: unknown;
    try {
      recipe = JSON.parse(photo.recipe);
    } catch {
      return fail('invalid_recipe', {});
    }
    const { qcSampleSide } = this.deps;
    const format = rasterFormat(photo.original_format);
    const result = await renderPhoto(this.deps.originals.pathOf(photo.original), recipe, this.deps.preset, {
      ...(qcSampleSide === undefined ? {} : { sampleSide: qcSampleSide }),
      // Sniffed when the original was imported: its header is not read again.
      ...(format ? { format } : {}),
    });
    if (!result.ok) return fail(result.reason, result.params);
    steps.rendered();
    const key = RenderedFolder.key(photo.original, photo.recipe, this.deps.preset);
    // The files are written and synced on libuv's threads while QC does its arithmetic here.
    const written = this.deps.rendered.write(key, result.main, result.thumb);
    const measured = this.deps.measure({
      main: result.main,
      width: result.mainInfo.width,
      height: result.mainInfo.height,
      ...(result.sample ? { sample: result.sample } : {}),
    });
    const [qc] = await Promise.all([measured, written]);
    steps.finished();
    await steps.commit(() =>
      this.deps.library.finishRender(photo.id, photo.recipe, {
        rendered: key,
        width: result.mainInfo.width,
        height: result.mainInfo.height,
        bytes: result.mainInfo.bytes,
        quality: result.mainInfo.quality,
        qc,
      }),
    );
    return true;
  }
}

/** The stored original's format, when it is one sharp decodes (it always is, unless the row was edited). */
function rasterFormat(format: string): RasterFormat | null {
  const known = (PHOTO_FORMATS as readonly string[]).includes(format) ? (format as PhotoFormat) : 'unknown';
  return isRaster(known) ? known : null;
}

/** How one photo's work tells the pool where it stands. */
interface PhotoSteps {
  /** Its sharp work is over: the core is free. */
  rendered(): void;
  /** Files and QC done: only its row is left to commit. */
  finished(): void;
  /** Resolves once `write` is committed. */
  commit(write: () => void): Promise<void>;
}

/**
 * Row writes committed together: COMMIT_BATCH of them, or whatever waits COMMIT_WAIT_MS
 * after the first, or at once on `flush`. Each write runs in its own savepoint, so one that
 * throws rejects only its own promise; a commit that fails rejects all of them.
 */
class RowWrites {
  private waiting: { write: () => void; settle: (failure?: { error: unknown }) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly transaction: <T>(fn: () => T) => T) {}

  add(write: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ write, settle: (failure) => (failure ? reject(failure.error) : resolve()) });
      if (this.waiting.length >= COMMIT_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), COMMIT_WAIT_MS);
    });
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const failures = new Map<number, unknown>();
    try {
      this.transaction(() => {
        batch.forEach((entry, index) => {
          try {
            this.transaction(entry.write);
          } catch (error) {
            failures.set(index, error);
          }
        });
      });
    } catch (error) {
      for (const entry of batch) entry.settle({ error });
      return;
    }
    batch.forEach((entry, index) => entry.settle(failures.has(index) ? { error: failures.get(index) } : undefined));
  }
}
