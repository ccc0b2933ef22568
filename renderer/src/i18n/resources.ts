import enCommon from '../../../resources/locales/en/common.json';
import enUi from '../../../resources/locales/en/ui.json';
import idCommon from '../../../resources/locales/id/common.json';
import idUi from '../../../resources/locales/id/ui.json';

/**
 * Translations are bundled, not fetched: the CSP allows no network and the app must start
 * offline. `common` is shared with main (menus, error codes); `ui` is the renderer's own.
 */
export const resources = {
  id: { common: idCommon, ui: idUi },
  en: { common: enCommon, ui: enUi },
} as const;

export const NAMESPACES = ['ui', 'common'] as const;
