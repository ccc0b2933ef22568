/**
 * Child process for the two-process lease test: one Akar (as the desktop app's automatic
 * sender or `akar upload` would be) draining a shop's outbox on a shared data dir. Waits
 * for the wall clock's next `startAt` ms so its sibling starts at the same moment, drains
 * through the real core, and prints `done {"outcome","creates","images"}`: what this
 * process itself sent, counted at its fetch.
 */
import { createCore } from '../../../electron/core';

const [dataDir, sellerArg, startArg] = process.argv.slice(2);
if (!dataDir || !sellerArg || !startArg) throw new Error('usage: lease-drainer.ts DATA_DIR SELLER_ID START_AT_MS');
const sellerId = Number(sellerArg);
const startAt = Number(startArg);

const sent = { creates: 0, images: 0 };
const counting: typeof fetch = (input, init) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  if (path.endsWith('/product/create')) sent.creates += 1;
  if (path.endsWith('/image/upload')) sent.images += 1;
  return fetch(input, init);
};

const core = createCore({
  dataDir,
  fetch: counting,
  uploadEngine: {
    // Paced so the drain lasts long enough for both processes to take part.
    limits: {
      image: { perSecond: 40, burst: 4 },
      create: { perSecond: 10, burst: 2 },
      update: { perSecond: 10, burst: 2 },
      lookup: { perSecond: 20, burst: 4 },
    },
    concurrency: 3,
  },
  marketplaceTimeoutMs: 5_000,
});
process.stdout.write('ready\n');
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const report = await core.uploads.drain({ sellerId, marketplace: 'practice', waitForOthers: true });
if (!report.ok) throw new Error(report.error.message);
process.stdout.write(`done ${JSON.stringify({ outcome: report.value.outcome, ...sent })}\n`);
await core.close();
