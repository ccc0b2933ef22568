import type { JobControl } from '../jobs/jobs';
import type { PhotoLibrary, PhotoRow } from './library';
import type { OriginalsFolder } from './originals';
import { runPool } from './pool';
import type { PhotoPreset } from './presets';
import { renderPhoto } from './render';
import { RenderedFolder } from './rendered';

export interface ProcessorDeps {
  readonly library: PhotoLibrary;
  readonly originals: OriginalsFolder;
  readonly rendered: RenderedFolder;
  readonly preset: PhotoPreset;
  /** Photos in flight at once: one per core (sharp.concurrency(1) per image). */
  readonly concurrency: number;
  /** Runs `fn` in one write transaction. */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction (no write lock: the CLI may be writing meanwhile). */
  readonly read: <T>(fn: () => T) => T;
  /** What QC needs to know about a rendered main image (stored as the row's `qc`). */
  readonly measure: (main: Buffer) => Promise<unknown>;
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

/** Photos taken from the queue at a time: enough to keep every core busy, few enough to see new work soon. */
const BATCH = 16;

/**
 * Renders waiting photos, one per core, until none are left. The queue is the photos table
 * itself (state 'pending'), so a run that is stopped or cut off by closing the app simply
 * leaves the rest waiting, and the next run (at the next start) picks them up. A photo whose
 * recipe changed while it was being rendered is rendered again with the new one.
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
    let rendered = 0;
    let failed = 0;
    const inFlight = new Set<number>();
    // Photos whose outcome could not even be recorded (a full disk, a locked database):
    // left pending for the next run rather than tried again and again in this one.
    const unrecorded = new Set<number>();
    for (;;) {
      if (job.cancelled()) abort.abort();
      if (abort.signal.aborted) break;
      const batch = this.deps
        .read(() => this.deps.library.pending(BATCH + inFlight.size + unrecorded.size, sellerId))
        .filter((photo) => !inFlight.has(photo.id) && !unrecorded.has(photo.id))
        .slice(0, BATCH);
      if (batch.length === 0) break;
      const waiting = () => this.deps.read(() => this.deps.library.pendingCount(sellerId)) - unrecorded.size;
      await runPool(
        batch,
        this.deps.concurrency,
        async (photo) => {
          inFlight.add(photo.id);
          try {
            return await this.renderOne(photo);
          } finally {
            inFlight.delete(photo.id);
          }
        },
        {
          signal: abort.signal,
          onDone: (outcome, _index, photo) => {
            if (outcome.status === 'done' && outcome.value) rendered++;
            else failed++;
            if (outcome.status === 'failed') {
              unrecorded.add(photo.id);
              this.deps.log?.(`photo ${photo.id}: its outcome could not be recorded: ${String(outcome.error)}`);
            }
            const done = rendered + failed;
            job.report(done, done + waiting());
            if (job.cancelled()) abort.abort();
          },
        },
      );
    }
    const stopped = abort.signal.aborted && this.deps.read(() => this.deps.library.pendingCount(sellerId)) > 0;
    return { rendered, failed, stopped };
  }

  /** True when rendered; false when the photo failed (its row says why, so it is not tried again and again). */
  private async renderOne(photo: PhotoRow): Promise<boolean> {
    const fail = (reason: string, params: object): false => {
      this.deps.transaction(() => this.deps.library.failRender(photo.id, photo.recipe, { reason, params }));
      return false;
    };
    try {
      return await this.renderAndStore(photo, fail);
    } catch (error) {
      // A full disk, a missing original...: recorded on the photo, which "Coba lagi" retries.
      this.deps.log?.(`photo ${photo.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail('render_error', { detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    }
  }

  private async renderAndStore(photo: PhotoRow, fail: (reason: string, params: object) => false): Promise<boolean> {
    let recipe: unknown;
    try {
      recipe = JSON.parse(photo.recipe);
    } catch {
      return fail('invalid_recipe', {});
    }
    const result = await renderPhoto(this.deps.originals.pathOf(photo.original), recipe, this.deps.preset);
    if (!result.ok) return fail(result.reason, result.params);
    const key = RenderedFolder.key(photo.original, photo.recipe, this.deps.preset);
    await this.deps.rendered.write(key, result.main, result.thumb);
    const qc = await this.deps.measure(result.main);
    this.deps.transaction(() =>
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
