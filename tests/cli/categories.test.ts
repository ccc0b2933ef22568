import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/run';
import { createCore } from '../../electron/core';
import { startPracticeServer, type PracticeServer } from '../../electron/core/practice/server';
import { addProduct, addSeller, readySku } from '../support/catalogue';
import { runAkar } from '../support/cli';
import { tempDir } from '../support/temp';
import { connectPractice } from '../support/uploads';

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A data folder with one participant connected to a practice shop (the core closed again). */
async function connected(): Promise<{ dataDir: string; server: PracticeServer; sellerId: number }> {
  const server = await startPracticeServer({ qcDelayMs: 60_000 });
  servers.push(server);
  const dataDir = tempDir();
  const core = createCore({ dataDir });
  const seller = await addSeller(core, 'Ibu Sari');
  await addProduct(core, seller.id, 'Keripik Singkong', [readySku()], { status: 'ready' });
  await connectPractice(core, server, seller.id);
  await core.close();
  return { dataDir, server, sellerId: seller.id };
}

describe('akar categories', () => {
  it('refreshes the category data with a progress line, then finds brands in the new list', async () => {
    const { dataDir, sellerId } = await connected();
    const before = await runAkar(dataDir, 'categories', 'brands', '--marketplace', 'practice');
    expect(before.code).toBe(EXIT.ok);
    expect(before.stdout).toContain('belum pernah diunduh');
    expect(before.stdout).toContain('akar categories refresh --seller ID --marketplace practice');

    const refresh = await runAkar(
      dataDir,
      'categories',
      'refresh',
      '--seller',
      String(sellerId),
      '--marketplace',
      'practice',
    );
    expect(refresh.code, refresh.stderr).toBe(EXIT.ok);
    expect(refresh.stdout).toContain('Data kategori sudah diperbarui dari toko latihan');
    expect(refresh.stdout).toContain('Info kategori diunduh untuk 1 kategori');
    expect(refresh.stdout).toContain('5 merek tersimpan.');
    expect(refresh.progress.length).toBeGreaterThan(0);
    expect(refresh.progress.every((line) => line.startsWith('Mengunduh data kategori'))).toBe(true);

    const brands = await runAkar(dataDir, 'categories', 'brands', '--marketplace', 'practice', '--query', 'BUATAN');
    expect(brands.code).toBe(EXIT.ok);
    expect(brands.stdout).toContain('Merek di toko latihan');
    expect(brands.stdout).toContain('  Buatan Sendiri');
    const none = await runAkar(dataDir, 'categories', 'brands', '--marketplace', 'practice', '--query', 'zzz');
    expect(none.stdout).toContain('Tidak ada merek yang namanya diawali “zzz”');

    const english = await runAkar(
      dataDir,
      '--lang',
      'en',
      'categories',
      'refresh',
      '--seller',
      String(sellerId),
      '--marketplace',
      'practice',
    );
    expect(english.code).toBe(EXIT.ok);
    expect(english.stdout).toContain('Category data refreshed from the practice shop');
    expect(english.stdout).toMatch(/version \d{4}-\d{2}-\d{2}\.2/);

    const json = await runAkar(dataDir, '--json', 'categories', 'brands', '--marketplace', 'practice');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, value: { listed: true } });
  }, 60_000);

  it('explains usage mistakes, a shop that is not connected and a marketplace that cannot be reached', async () => {
    const { dataDir, server, sellerId } = await connected();
    const noSeller = await runAkar(dataDir, 'categories', 'refresh');
    expect(noSeller.code).toBe(EXIT.usage);
    expect(noSeller.stderr).toContain('akar categories refresh --seller ID');
    const badMarket = await runAkar(dataDir, 'categories', 'refresh', '--seller', '1', '--marketplace', 'shopee');
    expect(badMarket.code).toBe(EXIT.usage);
    expect(badMarket.stderr).toContain('lazada atau practice');
    const lazada = await runAkar(dataDir, 'categories', 'refresh', '--seller', String(sellerId));
    expect(lazada.code).toBe(EXIT.rejected);
    expect(lazada.stderr).toContain('belum tersambung');

    await server.close();
    servers = [];
    const down = await runAkar(
      dataDir,
      'categories',
      'refresh',
      '--seller',
      String(sellerId),
      '--marketplace',
      'practice',
    );
    expect(down.code).toBe(EXIT.rejected);
    expect(down.stderr).toContain('Marketplace tidak bisa dihubungi');
  }, 60_000);
});
