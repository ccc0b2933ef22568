import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/run';
import { runAkar } from '../support/cli';
import { heicLike, photoJpeg } from '../support/photo-corpus';
import { makeTempDir, removeDir } from '../support/temp';

let dataDir: string;
let photos: string;

beforeEach(() => {
  dataDir = makeTempDir();
  photos = makeTempDir();
});
afterEach(() => {
  removeDir(dataDir);
  removeDir(photos);
});

function akar(...args: string[]) {
  return runAkar(dataDir, ...args);
}

describe('akar photos', () => {
  it('imports a folder by SKU file names, says which files it could not use, then optimises with a progress line', async () => {
    await akar('seller', 'add', '--name', 'Ibu Sari');
    await akar('product', 'add', '--seller', '1', '--name', 'Dodol Garut', '--price', '25000', '--sku', 'DD-1');
    const camera = path.join(photos, 'DCIM', 'Camera');
    fs.mkdirSync(camera, { recursive: true });
    fs.writeFileSync(path.join(camera, 'DD-1.jpg'), await photoJpeg({ width: 1000, height: 800, seed: 1 }));
    fs.writeFileSync(path.join(camera, 'DD-1_2.jpg'), await photoJpeg({ width: 1000, height: 800, seed: 2 }));
    fs.writeFileSync(path.join(camera, 'IMG_0001.HEIC'), await heicLike());

    const imported = await akar('photos', 'import', photos, '--seller', '1');
    // A file it could not use is a failure a script must see.
    expect(imported.code).toBe(EXIT.rejected);
    expect(imported.stdout).toContain('3 file dibaca: 2 foto masuk ke produknya, 0 menunggu dipasangkan, 0 sudah ada');
    expect(imported.stdout).toContain('IMG_0001.HEIC: Ini foto iPhone berformat HEIC, yang belum bisa dibaca Akar.');
    expect(imported.stdout).toContain('pilih “Paling Kompatibel”');

    const optimised = await akar('photos', 'optimise', '--seller', '1');
    expect(optimised.code).toBe(EXIT.ok);
    expect(optimised.stdout).toBe('Foto siap: 2. Gagal: 0. Masih menunggu: 0.');
    expect(optimised.progress.at(-1)).toBe('Memproses foto 2 dari 2 (100%)');

    const json = await akar('--json', 'photos', 'optimise');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, value: { ready: 2, pending: 0 } });
  });

  it('refuses an unknown participant and a missing path argument', async () => {
    expect((await akar('photos', 'import', '--seller', '1')).code).toBe(EXIT.usage);
    const unknown = await akar('photos', 'import', photos, '--seller', '99');
    expect(unknown.code).toBe(EXIT.rejected);
    expect(unknown.stderr).toContain('--seller');
  });
});
