import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from '../../../electron/core';
import { createHandlers, dispatch, type Handlers, type Shell } from '../../../electron/main/handlers';
import type { EventMap, EventName } from '../../../electron/shared/contract';
import { startTestCoreWorker } from '../../support/core-worker';
import { bridgeScript } from './bridge';
import { serveRenderer, type RendererServer } from './server';

/**
 * The desktop app minus Electron: the built renderer in Debian's Chromium, its
 * `window.api` bound through a Playwright binding to main's own handler table, on a real
 * core with a fresh data folder per test. One browser per test file, one context per test.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const CHROMIUM = process.env['AKAR_CHROMIUM'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
export const VIEWPORT = { width: 1366, height: 768 } as const;

export interface Suite {
  readonly browser: Browser;
  readonly server: RendererServer;
  close(): Promise<void>;
}

export async function startSuite(): Promise<Suite> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` (npm run test:e2e does it).');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const [browser, server] = await Promise.all([
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }),
    serveRenderer(RENDERER_DIR),
  ]);
  return {
    browser,
    server,
    close: async () => {
      await Promise.all([browser.close(), server.close()]);
    },
  };
}

export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The live core: tests seed data and check what was really written through it. */
  readonly core: Core;
  readonly dataDir: string;
  /** Sends a main -> renderer event, as main's `webContents.send` would. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): Promise<void>;
  /**
   * What the "system dialogs" answer next: the file the user picks in an open dialog, and
   * where they save (null = they press Cancel). Each answer is used once.
   */
  readonly dialogs: {
    nextOpen: (string | null)[];
    nextSave: (string | null)[];
    /** Photo files picked in the next "Pilih foto" dialog (null = Cancel). */
    nextPhotos: (string[] | null)[];
    /** The folder picked in the next "Ambil dari folder" dialog (null = Cancel). */
    nextFolder: (string | null)[];
  };
  /** Addresses main asked the system browser to open ("Lihat toko"), in order. */
  readonly opened: string[];
  /** Closes the core and opens the same data folder again, then reloads: an app restart. */
  restart(): Promise<void>;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** How long the practice marketplace keeps a listing in review (0: decided at the next look). */
  readonly practiceQcDelayMs?: number;
  /** A practice marketplace standing in for Lazada (its sign-in page, tokens and API). */
  readonly lazadaEndpoint?: string;
}

export async function openApp(suite: Suite, options: AppOptions = {}): Promise<AppSession> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-e2e-'));
  const dialogs: AppSession['dialogs'] = { nextOpen: [], nextSave: [], nextPhotos: [], nextFolder: [] };
  const opened: string[] = [];
  // The core runs in the worker thread the app ships (out/main/core-worker.js). Its
  // progress goes to the page exactly as main's webContents.send would deliver it.
  const pageRef: { current?: Page } = {};
  const startCore = () =>
    startTestCoreWorker(
      {
        dataDir,
        version: '0.0.0-e2e',
        ...(options.practiceQcDelayMs !== undefined ? { practiceQcDelayMs: options.practiceQcDelayMs } : {}),
        ...(options.lazadaEndpoint !== undefined ? { lazadaEndpoint: options.lazadaEndpoint } : {}),
        // Any free port: tests run side by side, and nothing here is registered with Lazada.
        lazadaRedirectPort: 0,
        // The tests press "Unggah" themselves; the automatic sender is tested in tests/core/outbox.
        autoUpload: false,
        onProgress: (event) => {
          void pageRef.current
            ?.evaluate(
              (data) => (window as unknown as { __akarEmit(e: string, p: unknown): void }).__akarEmit('progress', data),
              event,
            )
            .catch(() => undefined);
        },
      },
      'built',
    );
  let core = await startCore();
  const photosDir = path.join(dataDir, 'photos');
  suite.server.photos = { core, photosDir };
  // Electron's dialogs cannot open here; the test says what the user picks.
  const shell: Shell = {
    pickSpreadsheet: async () => dialogs.nextOpen.shift() ?? null,
    pickSaveTarget: async () => dialogs.nextSave.shift() ?? null,
    pickPhotoFiles: async () => dialogs.nextPhotos.shift() ?? null,
    pickPhotoFolder: async () => dialogs.nextFolder.shift() ?? null,
    // No browser opens here: the address is recorded, and the test opens it in a page of its own.
    openStorefront: async (url) => {
      opened.push(url);
    },
    openSignIn: async (url) => {
      opened.push(url);
    },
  };
  let handlers: Handlers = createHandlers(core, shell);
  const context = await suite.browser.newContext({ viewport: VIEWPORT, locale: 'id-ID' });
  await context.exposeBinding('__akarInvoke', (_source, channel: unknown, input: unknown) =>
    dispatch(handlers, channel, input),
  );
  await context.addInitScript({ content: await bridgeScript() });
  const page = await context.newPage();
  pageRef.current = page;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(suite.server.url);
  await page.getByRole('banner').waitFor();

  return {
    page,
    context,
    get core() {
      return core;
    },
    dataDir,
    dialogs,
    opened,
    problems,
    async emit(event, payload) {
      await page.evaluate(
        ([name, data]) => (window as unknown as { __akarEmit(e: string, p: unknown): void }).__akarEmit(name, data),
        [event, payload] as const,
      );
    },
    async restart() {
      await core.close();
      core = await startCore();
      suite.server.photos = { core, photosDir };
      handlers = createHandlers(core, shell);
      await page.reload();
      await page.getByRole('banner').waitFor();
    },
    async screenshot(name, options = {}) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Keep the text cursor and the last hover out of the picture.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(0, VIEWPORT.height - 1);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
      return file;
    },
    async close() {
      await context.close();
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
