import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobControl } from '../../../electron/core/jobs/jobs';
import type { PhotoLibrary, PhotoRow } from '../../../electron/core/photos/library';
import { OriginalsFolder } from '../../../electron/core/photos/originals';
import { LAZADA_PRESET } from '../../../electron/core/photos/presets';
import { PhotoProcessor } from '../../../electron/core/photos/processor';
import { measurePhoto, SAMPLE_SIDE } from '../../../electron/core/photos/qc/measure';
import { photoQc } from '../../../electron/core/photos/qc-rules';
import { RenderedFolder } from '../../../electron/core/photos/rendered';
import { photoJpeg } from '../../support/photo-corpus';
import { tempDir } from '../../support/temp';

/**
 * The rendering queue on its own, over an in-memory photos table: every photo recorded once
 * however the work overlaps (renders, files and QC, rows committed a few at a time), and a
 * row that cannot be written costs only its own photo.
 */

interface Recorded {
  state: PhotoRow['state'];
  qc?: unknown;
  failure?: { reason: string; params: object };
}

async function setUp(count: number, options: { failWrite?: number } = {}) {
  const dir = tempDir();
  const originals = new OriginalsFolder(path.join(dir, 'originals'));
  const rendered = new RenderedFolder(path.join(dir, 'optimised'));
  const rows: PhotoRow[] = [];
  for (let i = 0; i < count; i++) {
    const hash = `${String(i).padStart(2, '0')}${'a'.repeat(62)}`;
    fs.mkdirSync(path.dirname(originals.pathOf(hash)), { recursive: true });
    fs.writeFileSync(originals.pathOf(hash), await photoJpeg({ width: 320 + 8 * i, height: 240, seed: i + 1 }));
    rows.push({ id: i + 1, original: hash, recipe: '{}', state: 'pending' } as PhotoRow);
  }
  const outcome = new Map<number, Recorded>();
  const pending = () => rows.filter((row) => !outcome.has(row.id));
  let depth = 0;
  let commits = 0;
  const library = {
    pending: (limit: number) => pending().slice(0, limit),
    pendingCount: () => pending().length,
    finishRender: (id: number, _recipe: string, result: { qc: unknown }) => {
      if (id === options.failWrite) throw new Error('disk I/O error');
      outcome.set(id, { state: 'ready', qc: result.qc });
      return true;
    },
    failRender: (id: number, _recipe: string, failure: { reason: string; params: object }) => {
      outcome.set(id, { state: 'failed', failure });
      return true;
    },
  } as unknown as PhotoLibrary;
  const reports: [number, number][] = [];
  const job: JobControl = {
    step: () => undefined,
    report: (done, total) => reports.push([done, total]),
    cancelled: () => false,
  };
  const processor = new PhotoProcessor({
    library,
    originals,
    rendered,
    preset: LAZADA_PRESET,
    concurrency: 2,
    transaction: (fn) => {
      // Nested calls are savepoints inside the commit.
      if (depth === 0) commits++;
      depth++;
      try {
        return fn();
      } finally {
        depth--;
      }
    },
    read: (fn) => fn(),
    qcSampleSide: photoQc.sampleSide,
    measure: (photo) => photoQc.measure(photo),
    control: () => job,
  });
  return { processor, outcome, commits: () => commits, reports, rendered, rows };
}

describe('photo queue', () => {
  it('records every photo once, more photos than a batch, with rows committed a few at a time', async () => {
    const count = 20;
    const { processor, outcome, commits, reports, rendered, rows } = await setUp(count);
    expect(await processor.start()).toEqual({ rendered: count, failed: 0, stopped: false });
    expect([...outcome.values()].every((row) => row.state === 'ready')).toBe(true);
    expect(outcome.size).toBe(count);
    // Fewer commits than photos: rows that finish close together share one.
    expect(commits()).toBeLessThan(count);
    expect(reports.at(-1)).toEqual([count, count]);
    expect(reports.map(([done]) => done)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // QC measured the render's own sample: the same metrics as decoding the written file.
    const row = rows[3]!;
    const key = RenderedFolder.key(row.original, row.recipe, LAZADA_PRESET);
    const main = fs.readFileSync(rendered.pathOf(key, 'main'));
    expect(outcome.get(row.id)?.qc).toEqual(await measurePhoto(main));
    expect(SAMPLE_SIDE).toBe(photoQc.sampleSide);
  });

  it('a row that cannot be written fails only its own photo', async () => {
    const { processor, outcome } = await setUp(6, { failWrite: 3 });
    expect(await processor.start()).toEqual({ rendered: 5, failed: 1, stopped: false });
    expect(outcome.get(3)).toEqual({
      state: 'failed',
      failure: { reason: 'render_error', params: { detail: 'disk I/O error' } },
    });
    expect([1, 2, 4, 5, 6].map((id) => outcome.get(id)?.state)).toEqual(Array(5).fill('ready'));
  });

  it('stopping lets the photos in flight finish and record, and starts no more', async () => {
    const { processor, outcome } = await setUp(10);
    const run = processor.start();
    await processor.stop();
    const result = await run;
    expect(result.stopped).toBe(true);
    // Two cores' worth in flight, and one more waiting for a core.
    expect(result.rendered).toBeLessThanOrEqual(3);
    expect(outcome.size).toBe(result.rendered);
  });
});

describe('RenderedFolder', () => {
  it('writes both files whole, makes the folders again if they vanish, and leaves no temporary file', async () => {
    const dir = tempDir();
    const folder = new RenderedFolder(path.join(dir, 'optimised'));
    const main = Buffer.from('main image');
    const thumb = Buffer.from('thumbnail');
    await folder.write('a', main, thumb);
    // Deleted by hand between two photos: the next write makes the folders again.
    fs.rmSync(folder.dir, { recursive: true });
    await folder.write('b', main, thumb);
    expect(fs.readFileSync(folder.pathOf('b', 'main'))).toEqual(main);
    expect(fs.readFileSync(folder.pathOf('b', 'thumb'))).toEqual(thumb);
    // A name taken by a folder cannot be written: the write fails and its temporary file goes.
    fs.mkdirSync(folder.pathOf('c', 'main'));
    await expect(folder.write('c', main, thumb)).rejects.toThrow();
    const left = ['main', 'thumb'].flatMap((kind) => fs.readdirSync(path.join(folder.dir, kind)));
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
