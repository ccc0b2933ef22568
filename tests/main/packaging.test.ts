import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// Installers cannot be built here (no Electron binary), so the packaging config is checked
// the way electron-builder itself checks it before a build, plus the settings native
// modules depend on.
const root = path.resolve(import.meta.dirname, '../..');

describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('rejects a misspelt option, so the check above can fail', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const broken = { ...config, asarUnpak: ['x'] } as typeof config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('keeps native modules out of the asar archive and builds every target', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const unpacked = ([] as string[]).concat(config.asarUnpack ?? []);
    for (const pkg of ['better-sqlite3', 'sharp', '@img']) {
      expect(unpacked.some((glob) => glob.includes(`node_modules/${pkg}/`))).toBe(true);
    }
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(JSON.stringify(config.linux?.target)).toContain('AppImage');
    expect(JSON.stringify(config.linux?.target)).toContain('deb');
    expect(JSON.stringify(config.mac?.target)).toContain('dmg');
  });

  it('turns off the Electron fuses Akar does not need', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
