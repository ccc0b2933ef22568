import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * Launches the real desktop app where an Electron binary exists. On machines that install
 * with ELECTRON_SKIP_BINARY_DOWNLOAD (CI here), it is skipped and says why; the rest of
 * the e2e suite drives the same renderer and handler table in Chromium instead.
 */
const root = path.resolve(import.meta.dirname, '../..');

const binary = findElectronBinary();
if ('missing' in binary) {
  console.warn(
    `[electron-smoke] SKIPPED: no Electron binary on this machine (${binary.missing}). ` +
      'Install it with `node node_modules/electron/install.js` and run `npm run test:e2e` to include this test.',
  );
}

describe.skipIf('missing' in binary)('desktop app (real Electron)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-electron-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts one hardened window on akar://app with a working window.api', async () => {
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [root, '--data', dataDir],
      // Without ELECTRON_RENDERER_URL main loads the built app from akar://app, as installed.
      env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'ELECTRON_RENDERER_URL')) as Record<
        string,
        string
      >,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('Akar');
      expect(page.url()).toBe('akar://app/index.html');
      const probe = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown> & {
          api: { invoke: (c: string, i: unknown) => Promise<unknown> };
        };
        return {
          apiKeys: Object.keys(w.api).sort(),
          require: typeof w['require'],
          process: typeof w['process'],
          opened: window.open('https://example.com') === null,
          created: await w.api.invoke('sellers:create', { name: 'Ibu Siti' }),
          rejected: await w.api.invoke('sellers:create', { name: '' }),
        };
      });
      expect(probe).toMatchObject({
        apiKeys: ['invoke', 'on'],
        require: 'undefined',
        process: 'undefined',
        opened: true,
        created: { ok: true, value: { name: 'Ibu Siti' } },
        rejected: { ok: false, error: { code: 'invalid_input', field: 'name' } },
      });
      expect(fs.existsSync(path.join(dataDir, 'akar.db'))).toBe(true);
      const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
      expect(windows).toBe(1);
    } finally {
      await app.close();
    }
  });
});
