import enCatalogue from '../../../resources/locales/en/catalogue.json';
import enCategories from '../../../resources/locales/en/categories.json';
import enCommon from '../../../resources/locales/en/common.json';
import enImporter from '../../../resources/locales/en/importer.json';
import enPhotos from '../../../resources/locales/en/photos.json';
import enStudio from '../../../resources/locales/en/studio.json';
import enUi from '../../../resources/locales/en/ui.json';
import enUpload from '../../../resources/locales/en/upload.json';
import idCatalogue from '../../../resources/locales/id/catalogue.json';
import idCategories from '../../../resources/locales/id/categories.json';
import idCommon from '../../../resources/locales/id/common.json';
import idImporter from '../../../resources/locales/id/importer.json';
import idPhotos from '../../../resources/locales/id/photos.json';
import idStudio from '../../../resources/locales/id/studio.json';
import idUi from '../../../resources/locales/id/ui.json';
import idUpload from '../../../resources/locales/id/upload.json';

/**
 * Translations are bundled, not fetched: the CSP allows no network and the app must start
 * offline. `common` is shared with main (menus, error codes); `ui` is the renderer's own.
 */
export const resources = {
  id: {
    common: idCommon,
    ui: idUi,
    catalogue: idCatalogue,
    importer: idImporter,
    categories: idCategories,
    studio: idStudio,
    photos: idPhotos,
    upload: idUpload,
  },
  en: {
    common: enCommon,
    ui: enUi,
    catalogue: enCatalogue,
    importer: enImporter,
    categories: enCategories,
    studio: enStudio,
    photos: enPhotos,
    upload: enUpload,
  },
} as const;

/**
 * `ui` holds the screens of the foundation and the product form; `catalogue` the product
 * table and bulk edit; `importer` spreadsheet import and export; `categories` the category
 * picker; `studio` the photo screens; `photos` the photo QC findings and their fix-it tips
 * (shared with the core's QC rules); `upload` the upload centre and the words for upload
 * problems, states and marketplace refusals (shared with the CLI). One file per area keeps
 * each screen's words together.
 */
export const NAMESPACES = [
  'ui',
  'common',
  'catalogue',
  'importer',
  'categories',
  'studio',
  'photos',
  'upload',
] as const;
