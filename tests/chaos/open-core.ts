/** Child process: opens (and so creates and migrates) the data dir, reports, closes. */
import { createCore } from '../../electron/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: open-core.ts DATA_DIR');
// Start together: wait for the wall clock's next 500 ms boundary, as the siblings do.
await new Promise((resolve) => setTimeout(resolve, 500 - (Date.now() % 500)));
const core = createCore({ dataDir });
const created = await core.sellers.create({ name: `Peserta ${process.pid}` });
core.close();
process.stdout.write(created.ok ? 'ok\n' : `failed ${created.error.code}\n`);
