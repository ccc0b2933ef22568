import os from 'node:os';
import path from 'node:path';

/** The folder name the desktop app and the CLI share, so both see the same catalogue. */
export const APP_FOLDER = 'Akar';

/**
 * Where Akar keeps its data when no `--data DIR` or `AKAR_DATA_DIR` is given: the OS
 * app-data folder, computed the same way Electron's `app.getPath('userData')` does for an
 * app named "Akar", so the CLI and the desktop app find the same `akar.db`.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env['XDG_CONFIG_HOME'] || path.posix.join(home, '.config'), APP_FOLDER);
}

/**
 * `--data DIR` wins, then `AKAR_DATA_DIR`, then the OS default (the desktop app passes
 * Electron's own userData path as `fallback`). Empty values count as not given.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: string = defaultDataDir(env),
): string {
  const chosen = flag || env['AKAR_DATA_DIR'];
  return path.resolve(chosen || fallback);
}
