/**
 * Child process for the kill -9 test: writes products through the real core as fast as it
 * can and prints `ack <productId> <skuCount>` only after each commit returned. Whatever
 * it acknowledged must survive being killed at any instant.
 */
import { createCore } from '../../electron/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writer.ts DATA_DIR');
const core = createCore({ dataDir });
const seller = await core.sellers.create({ name: `Peserta ${process.pid}` });
if (!seller.ok) throw new Error(seller.error.message);

for (let i = 0; ; i++) {
  const skuCount = 1 + (i % 3);
  // Several SKUs need a variation, each SKU its own option.
  const skus = Array.from({ length: skuCount }, (_, n) => ({
    option1: `Ukuran ${n}`,
    price: 1000 + n,
    stock: n,
    weightKg: 0.25,
  }));
  const created = await core.products.create({
    sellerId: seller.value.id,
    name: `Produk ${i}`,
    variation1: 'Ukuran',
    skus,
  });
  if (!created.ok) throw new Error(created.error.message);
  process.stdout.write(`ack ${created.value.id} ${skuCount}\n`);
  if (i % 5 === 0) {
    // Updates too, so a kill can land inside an UPDATE + SKU rewrite transaction.
    const updated = await core.products.update({
      id: created.value.id,
      changes: { skus: [...skus, { option1: 'Jumbo', price: 5000 }] },
    });
    // Only an update that committed may be acknowledged.
    if (!updated.ok) throw new Error(updated.error.message);
    process.stdout.write(`ack ${created.value.id} ${skuCount + 1}\n`);
  }
}
