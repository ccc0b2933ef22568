import { describe, expect, it } from 'vitest';
import { pickDataDirFlag } from '../../electron/main/args';
import { mainWindowOptions } from '../../electron/main/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/opt/Akar/resources/app.asar/out/preload/index.cjs', 'Akar');
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every risky feature off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    // Switches that would punch holes are not set at all.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'devTools', 'plugins', 'partition'] as const) {
      expect(web, key).not.toHaveProperty(key);
    }
  });

  it('passes the preload path and title through, and shows only when ready', () => {
    expect(web.preload).toBe('/opt/Akar/resources/app.asar/out/preload/index.cjs');
    expect(options.title).toBe('Akar');
    expect(mainWindowOptions('/p.cjs', 'Katalog').title).toBe('Katalog');
    expect(options.show).toBe(false);
  });

  it('fits the 1366×768 screens of workshop laptops', () => {
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
  });
});

describe('pickDataDirFlag', () => {
  it('reads --data DIR and --data=DIR', () => {
    expect(pickDataDirFlag(['/opt/Akar/akar', '--data', '/media/usb/akar'])).toBe('/media/usb/akar');
    expect(pickDataDirFlag(['/opt/Akar/akar', '--data=/media/usb/akar'])).toBe('/media/usb/akar');
    expect(pickDataDirFlag(['akar.exe', '--data=D:\\Data Pelatihan\\a=b'])).toBe('D:\\Data Pelatihan\\a=b');
    expect(pickDataDirFlag(['electron', '.', '--inspect', '--data', 'rel/dir'])).toBe('rel/dir');
  });

  it('gives undefined when the flag is absent or empty', () => {
    expect(pickDataDirFlag([])).toBeUndefined();
    expect(pickDataDirFlag(['/opt/Akar/akar'])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '--data'])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '--data='])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '--data', ''])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '--data', '--inspect'])).toBeUndefined();
  });

  it('does not mistake look-alike flags', () => {
    expect(pickDataDirFlag(['akar', '--database', 'x'])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '--data-dir=x'])).toBeUndefined();
    expect(pickDataDirFlag(['akar', '-data', 'x'])).toBeUndefined();
  });

  it('uses the first --data when given twice', () => {
    expect(pickDataDirFlag(['akar', '--data=/a', '--data', '/b'])).toBe('/a');
  });
});
