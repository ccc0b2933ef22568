/**
 * Child process for the upload crash test: sends a participant's outbox to the practice
 * marketplace through the real core and engine, printing `ready` once it starts sending
 * and `done <report>` if it is ever allowed to finish. The parent kills it at random.
 */
import { createCore } from '../../electron/core';

const [dataDir, sellerArg] = process.argv.slice(2);
if (!dataDir || !sellerArg) throw new Error('usage: uploader.ts DATA_DIR SELLER_ID');
const sellerId = Number(sellerArg);

const core = createCore({
  dataDir,
  uploadEngine: {
    // Paced so the whole upload lasts long enough to be killed many times.
    limits: {
      image: { perSecond: 50, burst: 5 },
      create: { perSecond: 25, burst: 3 },
      update: { perSecond: 25, burst: 3 },
      lookup: { perSecond: 50, burst: 5 },
    },
    concurrency: 4,
    circuit: { threshold: 6, cooldownMs: 200 },
    backoff: { baseMs: 50, capMs: 800 },
  },
  marketplaceTimeoutMs: 2_000,
});
const queued = await core.uploads.enqueue({ sellerId, marketplace: 'practice' });
if (!queued.ok) throw new Error(queued.error.message);
process.stdout.write('ready\n');
const report = await core.uploads.drain({ sellerId, marketplace: 'practice', keepTrying: true });
if (!report.ok) throw new Error(report.error.message);
process.stdout.write(`done ${JSON.stringify(report.value)}\n`);
await core.close();
