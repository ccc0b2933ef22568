import path from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { Worker } from 'node:worker_threads';
import type { Core } from '../core';
import { resolveDataDir } from '../core/data-dir';
import { CoreError } from '../core/errors';
import { startCoreWorker } from '../core/worker/remote-core';
import { SAFE_SECRETS_FILE, SafeStorageSecrets } from './secrets';
import { EVENT_PREFIX } from '../shared/contract';
import { pickDataDirFlag } from './args';
import { createHandlers, type Shell } from './handlers';
import { registerIpc } from './ipc';
import { errorText, mainText } from './locale';
import { buildMenu } from './menu';
import { registerAppProtocol } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedNavigation } from './security';
import { isStorefrontUrl } from './storefront';
import { isSignInUrl } from './sign-in-url';
import { mainWindowOptions } from './window-options';

/**
 * Electron glue only: lifecycle, the one window, the app protocol, IPC registration.
 * Everything the app *does* lives in the core.
 */

// Must run before `ready`: lets akar:// behave like https (secure origin, fetch, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// `||`: an empty variable means no dev server, not "load an empty URL".
const devServerUrl = (!app.isPackaged && process.env['ELECTRON_RENDERER_URL']) || undefined;
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
/** The language the user chose, for main's own messages. */
let currentLanguage: 'id' | 'en' = 'id';

if (!app.requestSingleInstanceLock()) {
  // A second Akar on the same data would fight over the database; hand over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // Any failure before the window exists must end the process: an invisible Akar would
  // keep the single-instance lock and every later start would hand over to it.
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  // The same rule as the CLI, so both find the same akar.db.
  const dataDir = resolveDataDir(pickDataDirFlag(process.argv), process.env, app.getPath('userData'));
  core = await startCoreWorker({
    dataDir,
    version: app.getVersion(),
    spawn: (workerData, transferList) =>
      new Worker(path.join(import.meta.dirname, 'core-worker.js'), { workerData, transferList }),
    log: (message) => console.error(message),
    // Marketplace tokens stay in main, encrypted by the OS; the worker asks for them.
    secrets: new SafeStorageSecrets(path.join(dataDir, SAFE_SECRETS_FILE)),
    // Every call would fail from now on; all state is in the database, so start afresh.
    onUnexpectedExit: (exitCode) => {
      if (quitting) return;
      console.error(`core worker stopped unexpectedly (exit code ${exitCode})`);
      dialog.showErrorBox('Akar', mainText(currentLanguage, 'coreStopped'));
      app.relaunch();
      app.exit(1);
    },
    onProgress: (event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`${EVENT_PREFIX}progress`, event);
    },
  });
  const info = await core.appInfo();
  const language = info.ok ? info.value.language : 'id';
  currentLanguage = language;

  // No web permission (camera, notifications, geolocation...) is ever granted.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(path.join(import.meta.dirname, '../renderer'), {
    core: () => core,
    photosDir: path.join(dataDir, 'photos'),
  });

  const handlers = createHandlers(core, electronShell());
  registerIpc(handlers, devServerUrl, {
    onLanguageChanged: (lang) => {
      currentLanguage = lang;
      buildMenu(lang);
    },
  });
  buildMenu(language);
  createWindow(language);
  watchConnectivity();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(language);
  });
}

function createWindow(language: 'id' | 'en'): void {
  const preload = path.join(import.meta.dirname, '../preload/index.cjs');
  const window = new BrowserWindow(mainWindowOptions(preload, mainText(language, 'title')));
  mainWindow = window;
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // The page only hears about changes otherwise; give it the starting state after each load.
  window.webContents.on('did-finish-load', () => sendConnectivity(window, net.isOnline()));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

/** An open dialog attached to the main window (modal to it), when there is one. */
function openDialog(options: Electron.OpenDialogOptions): Promise<Electron.OpenDialogReturnValue> {
  return mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
}

/** The system dialogs, attached to the main window. */
function electronShell(): Shell {
  return {
    async pickSpreadsheet() {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile'],
        filters: [{ name: 'CSV / Excel', extensions: ['csv', 'xlsx', 'txt', 'tsv'] }],
      };
      const result = await openDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSaveTarget(defaultName, extension) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickPhotoFiles() {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Foto / Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'tif', 'tiff', 'heic', 'heif'] },
        ],
      };
      const result = await openDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async pickPhotoFolder() {
      const options: Electron.OpenDialogOptions = { properties: ['openDirectory'] };
      const result = await openDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openStorefront(url) {
      // Checked again here, next to the call that hands the address to the system.
      if (!isStorefrontUrl(url)) throw new Error('refused to open a storefront address that is not the practice one');
      await shell.openExternal(url);
    },
    async openSignIn(url) {
      // Checked again here, next to the call that hands the address to the system.
      if (!isSignInUrl(url)) throw new Error('refused to open a sign-in address that is not Lazada’s');
      await shell.openExternal(url);
    },
  };
}

function sendConnectivity(window: BrowserWindow, online: boolean): void {
  window.webContents.send(`${EVENT_PREFIX}connectivity`, { online });
}

/**
 * Tells the renderer, quietly, when the laptop goes on or off line, and the core, whose
 * automatic sender starts on the outbox as soon as it is back (its own call to the
 * marketplace is the probe that says whether the marketplace itself answers).
 */
function watchConnectivity(): void {
  let last = net.isOnline();
  void core?.uploads.setOnline({ online: last });
  setInterval(() => {
    const now = net.isOnline();
    if (now === last) return;
    last = now;
    for (const window of BrowserWindow.getAllWindows()) sendConnectivity(window, now);
    void core?.uploads.setOnline({ online: now });
  }, 5000).unref();
}

/** Says, in Bahasa Indonesia (no language choice can be read yet), why Akar cannot start. */
function fatal(error: unknown): void {
  console.error('Akar cannot start:', error);
  const text = errorText('id', error instanceof CoreError ? error.error : { code: 'internal' });
  dialog.showErrorBox('Akar', text);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// The worker finishes what it is writing and closes the database before Akar exits.
let quitting = false;
app.on('will-quit', (event) => {
  if (!core || quitting) return;
  quitting = true;
  event.preventDefault();
  void core.close().finally(() => {
    core = null;
    app.quit();
  });
});
