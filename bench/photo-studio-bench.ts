/**
 * The photo studio as the app runs it, on the same corpus as bench/photos.ts: import
 * (copy, hash, decode check, SQLite rows), then the rendering queue (render, thumbnail,
 * files written and synced, QC measures, SQLite update) with one photo per core and one
 * more waiting for a core. Reports photos/s against raw sharp's, and resident memory at
 * photo 100 and at the end, to show it does not grow over a long batch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core';
import type { PhotoQc } from '../electron/core/photos/studio';

export interface StudioRun {
  readonly importSeconds: number;
  readonly processSeconds: number;
  readonly photosPerSecond: number;
  /** Process CPU time (all threads) per photo in the queue: unlike wall time, barely moved by neighbours. */
  readonly cpuMsPerPhoto: number;
  readonly rssAt100Mb: number | null;
  /** Resident memory as the 100th, 200th, ... photo was done: a long batch must not grow. */
  readonly rssEveryHundredMb: readonly number[];
  readonly rssEndMb: number;
  readonly peakRssMb: number;
  readonly meanBytes: number;
  readonly maxBytes: number;
}

/**
 * QC that measures nothing: the queue without QC predictions is the pipeline the
 * throughput target names (orient, square, resize, encode, thumbnail, DB bookkeeping).
 */
const NO_QC: PhotoQc = { measure: async () => null, review: () => ({ photos: new Map(), product: [] }) };

export async function benchStudio(files: readonly string[], options: { qc?: boolean } = {}): Promise<StudioRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-bench-studio-'));
  let rssAt100: number | null = null;
  const everyHundred: number[] = [];
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const core = createCore({
    dataDir,
    ...(options.qc === false ? { photoQc: NO_QC } : {}),
    onProgress: (event) => {
      if (event.kind !== 'photo-process') return;
      if (rssAt100 === null && event.done >= 100) rssAt100 = process.memoryUsage.rss();
      // Progress events are throttled: the first one at or past each hundred counts.
      if (event.done >= 100 * (everyHundred.length + 1)) everyHundred.push(process.memoryUsage.rss() / 1024 / 1024);
    },
  });
  try {
    const seller = await core.sellers.create({ name: 'Peserta Foto' });
    if (!seller.ok) throw new Error(JSON.stringify(seller.error));
    let started = performance.now();
    const imported = await core.photos.importFiles(files, { sellerId: seller.value.id });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const importSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const cpu = process.cpuUsage();
    const status = await core.photos.process({ action: 'start', wait: true });
    if (!status.ok || status.value.ready !== files.length) throw new Error(`render: ${JSON.stringify(status)}`);
    const processSeconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const rssEnd = process.memoryUsage.rss();
    const main = path.join(dataDir, 'photos', 'optimised', 'main');
    const sizes = fs.readdirSync(main).map((name) => fs.statSync(path.join(main, name)).size);
    return {
      importSeconds,
      processSeconds,
      photosPerSecond: files.length / processSeconds,
      cpuMsPerPhoto: (user + system) / 1000 / files.length,
      rssAt100Mb: rssAt100 === null ? null : rssAt100 / 1024 / 1024,
      rssEveryHundredMb: everyHundred,
      rssEndMb: rssEnd / 1024 / 1024,
      peakRssMb: Math.max(peak, rssEnd) / 1024 / 1024,
      meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length,
      maxBytes: Math.max(...sizes),
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
