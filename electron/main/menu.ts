import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../shared/catalogue';
import { LOCALES } from './locale';

/** The application menu, in the user's language (Bahasa Indonesia unless they chose English). */
export function buildMenu(language: Language): void {
  const m = LOCALES[language].menu;
  const template: MenuItemConstructorOptions[] = [
    { label: m.file, submenu: [{ role: 'quit', label: m.quit }] },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'reload', label: m.reload },
        { type: 'separator' },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { role: 'resetZoom', label: m.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m.fullscreen },
      ],
    },
    { label: m.window, submenu: [{ role: 'minimize', label: m.minimize }] },
    { label: m.help, submenu: [{ role: 'about', label: m.about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Akar', applicationVersion: app.getVersion() });
}
