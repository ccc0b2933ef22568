import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../electron/shared/channels';
import { registerAppProtocol } from '../../electron/main/app-protocol';
import { createHandlers } from '../../electron/main/handlers';
import { registerIpc } from '../../electron/main/ipc';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { dumpDatabase } from '../support/db';
import { cancellingShell } from '../support/shell';
import { tempCore, tempDir } from '../support/temp';

/**
 * Electron cannot start on these machines, so `electron` is replaced by a small double
 * that records what main registers; the registration code itself, the sender checks and
 * the core behind them are the real ones.
 */
const registered = vi.hoisted(() => ({
  ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (registered.ipc.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.ipc.set(channel, handler);
    },
  },
  protocol: {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      registered.protocols.set(scheme, handler);
    },
  },
}));

beforeEach(() => {
  registered.ipc.clear();
  registered.protocols.clear();
});

/** What Electron passes as `event.senderFrame` for a page at `url`. */
function frame(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } };
}

describe('registerIpc', () => {
  it('registers every contract channel, once, under the akar: prefix', () => {
    const { core } = tempCore();
    registerIpc(createHandlers(core, cancellingShell().shell), undefined, { onLanguageChanged: () => undefined });
    expect([...registered.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => `${IPC_PREFIX}${c}`).sort());
  });

  it("answers the app's own top-level page through the real core", async () => {
    const { core } = tempCore();
    const languages: string[] = [];
    registerIpc(createHandlers(core, cancellingShell().shell), undefined, {
      onLanguageChanged: (l) => languages.push(l),
    });
    const create = registered.ipc.get('akar:sellers:create')!;
    expect(await create(frame('akar://app/index.html'), { name: 'Ibu Siti' })).toMatchObject({
      ok: true,
      value: { id: 1, name: 'Ibu Siti' },
    });
    expect(await create(frame('akar://app/index.html'), { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    await registered.ipc.get('akar:settings:setLanguage')!(frame('akar://app/index.html'), { language: 'en' });
    expect(languages).toEqual(['en']);
  });

  it('refuses other origins, subframes and missing frames, and writes nothing', async () => {
    const { core, dbPath } = tempCore();
    const dialogs = cancellingShell();
    registerIpc(createHandlers(core, dialogs.shell), undefined, { onLanguageChanged: () => undefined });
    const before = dumpDatabase(dbPath);
    const create = registered.ipc.get('akar:sellers:create')!;
    const exportSave = registered.ipc.get('akar:export:save')!;
    const pickFile = registered.ipc.get('akar:import:pickFile')!;
    const senders = [
      frame('https://evil.example/index.html'),
      frame('file:///etc/passwd'),
      frame('akar://evil/index.html'),
      frame('akar://app/index.html', { url: 'akar://app/index.html' }),
      frame('http://localhost:5173/'),
      { senderFrame: null },
      {},
    ];
    for (const sender of senders) {
      expect(await create(sender, { name: 'Penyusup' }), JSON.stringify(sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      });
      // Nor can such a page make main show a file dialog.
      for (const call of [exportSave(sender, { format: 'csv' }), pickFile(sender, {})]) {
        expect(await call, JSON.stringify(sender)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      }
    }
    expect(dialogs.asked).toEqual([]);
    // The app's own page does reach the dialog (the control for the line above).
    expect(await exportSave(frame('akar://app/index.html'), { format: 'csv' })).toEqual({ ok: true, value: null });
    expect(dialogs.asked).toEqual([expect.stringMatching(/^save akar-produk-.*\.csv$/)]);
    expect(dumpDatabase(dbPath)).toEqual(before);
  });

  it('trusts the dev server origin only when one is given', async () => {
    const { core } = tempCore();
    registerIpc(createHandlers(core, cancellingShell().shell), 'http://localhost:5173', {
      onLanguageChanged: () => undefined,
    });
    const list = registered.ipc.get('akar:sellers:list')!;
    expect(await list(frame('http://localhost:5173/'), {})).toMatchObject({ ok: true });
    expect(await list(frame('http://localhost:5174/'), {})).toMatchObject({ ok: false });
  });
});

describe('registerAppProtocol', () => {
  function serve() {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Akar</title>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    // A file right beside the app folder: what a traversal would try to read.
    const secret = `${path.basename(root)}-secret.txt`;
    fs.writeFileSync(path.join(path.dirname(root), secret), 'secret');
    onTestFinished(() => fs.rmSync(path.join(path.dirname(root), secret), { force: true }));
    registerAppProtocol(root, { core: () => null, photosDir: path.join(root, 'photos') });
    const handler = registered.protocols.get('akar');
    if (!handler) throw new Error('akar: protocol not registered');
    return { secret, get: (url: string) => handler(new Request(url)) };
  }

  it('serves the built app with the CSP header and the right type', async () => {
    const { get } = serve();
    const page = await get('akar://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Akar</title>');
    const script = await get('akar://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for other hosts, escapes and missing files', async () => {
    const { secret, get } = serve();
    for (const url of [
      `akar://evil/index.html`,
      `akar://app/%2e%2e/${secret}`,
      `akar://app/..%2f${secret}`,
      `akar://app/%2e%2e%2f${secret}`,
      `akar://app/assets/..%2f..%2f${secret}`,
      `akar://app/..%5c${secret}`,
      'akar://app/assets/missing.js',
      'akar://app/assets',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
  });
});
