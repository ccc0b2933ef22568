/** Child process: creates products as fast as it can; prints how many succeeded and failed. */
import { createCore } from '../../electron/core';

const [dataDir, sellerId, count] = process.argv.slice(2);
if (!dataDir || !sellerId || !count) throw new Error('usage: write-products.ts DATA_DIR SELLER_ID COUNT');
const core = createCore({ dataDir });
let ok = 0;
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const result = await core.products.create({
    sellerId: Number(sellerId),
    name: `Produk ${process.pid}-${i}`,
    skus: [{ price: 1000 + i }],
  });
  if (result.ok) ok++;
  else failures.push(result.error.code);
}
core.close();
process.stdout.write(JSON.stringify({ ok, failures }));
