import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER, defaultDataDir, resolveDataDir } from '../../electron/core/data-dir';

/**
 * The CLI must find the same `akar.db` as the desktop app, whose folder is Electron's
 * `app.getPath('userData')`: `<appData>/<productName>`.
 */
describe('defaultDataDir', () => {
  it('uses %APPDATA% on Windows, or the roaming folder under the home when it is unset', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\sari\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sari')).toBe(
      'C:\\Users\\sari\\AppData\\Roaming\\Akar',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\sari')).toBe('C:\\Users\\sari\\AppData\\Roaming\\Akar');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/sari')).toBe(
      '/Users/sari/Library/Application Support/Akar',
    );
  });

  it('uses $XDG_CONFIG_HOME on Linux, or ~/.config when it is unset or empty', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/data/config' }, 'linux', '/home/sari')).toBe('/data/config/Akar');
    expect(defaultDataDir({}, 'linux', '/home/sari')).toBe('/home/sari/.config/Akar');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/sari')).toBe('/home/sari/.config/Akar');
  });

  it('names the folder after the app’s productName, as Electron does', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      productName: string;
    };
    expect(APP_FOLDER).toBe(pkg.productName);
  });
});

describe('resolveDataDir', () => {
  it('prefers --data, then AKAR_DATA_DIR, then the OS default, always absolute', () => {
    const env = { AKAR_DATA_DIR: '/srv/akar', XDG_CONFIG_HOME: '/cfg' };
    expect(resolveDataDir('/media/usb/akar', env)).toBe(path.resolve('/media/usb/akar'));
    expect(resolveDataDir('relative/dir', env)).toBe(path.resolve('relative/dir'));
    expect(resolveDataDir(undefined, env)).toBe(path.resolve('/srv/akar'));
    expect(resolveDataDir('', env)).toBe(path.resolve('/srv/akar'));
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }));
  });

  it("uses the desktop app's fallback (Electron's userData) only when nothing else is given", () => {
    const userData = '/home/siti/.config/Akar';
    expect(resolveDataDir(undefined, {}, userData)).toBe(userData);
    // An empty AKAR_DATA_DIR is "not set", never the current folder.
    expect(resolveDataDir(undefined, { AKAR_DATA_DIR: '' }, userData)).toBe(userData);
    expect(resolveDataDir('', { AKAR_DATA_DIR: '' }, userData)).toBe(userData);
    expect(resolveDataDir(undefined, { AKAR_DATA_DIR: '/srv/akar' }, userData)).toBe(path.resolve('/srv/akar'));
  });
});
