import i18next, { type TFunction } from 'i18next';
import enCatalogue from '../../resources/locales/en/catalogue.json';
import enCli from '../../resources/locales/en/cli.json';
import enCommon from '../../resources/locales/en/common.json';
import enImporter from '../../resources/locales/en/importer.json';
import enStudio from '../../resources/locales/en/studio.json';
import enUpload from '../../resources/locales/en/upload.json';
import idCatalogue from '../../resources/locales/id/catalogue.json';
import idCli from '../../resources/locales/id/cli.json';
import idCommon from '../../resources/locales/id/common.json';
import idImporter from '../../resources/locales/id/importer.json';
import idStudio from '../../resources/locales/id/studio.json';
import idUpload from '../../resources/locales/id/upload.json';
import { DEFAULT_LANGUAGE, languageSchema, type Language } from '../shared/catalogue';
import type { AppError } from '../shared/result';

/**
 * The CLI speaks the same translations as the app (common errors, the catalogue's
 * readiness words, the importer's, photo studio's and upload's words, and its own `cli`).
 */
export async function cliTranslator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: ['cli', 'common', 'catalogue', 'importer', 'studio', 'upload'],
    defaultNS: 'cli',
    resources: {
      id: {
        cli: idCli,
        common: idCommon,
        catalogue: idCatalogue,
        importer: idImporter,
        studio: idStudio,
        upload: idUpload,
      },
      en: {
        cli: enCli,
        common: enCommon,
        catalogue: enCatalogue,
        importer: enImporter,
        studio: enStudio,
        upload: enUpload,
      },
    },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

export function pickLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language | undefined {
  const parsed = languageSchema.safeParse(flag ?? env['AKAR_LANG']);
  return parsed.success ? parsed.data : undefined;
}

/** Core field paths named the way the user typed them (`skus.1.price` -> "variant 2 (price)"). */
const SKU_KEYS: Readonly<Record<string, string>> = {
  price: 'price',
  stock: 'stock',
  weightKg: 'weight',
  lengthCm: 'length',
  widthCm: 'width',
  heightCm: 'height',
  sellerSku: 'sku',
  option1: 'name',
  option2: 'name2',
  id: 'id',
};

export function describeField(t: TFunction, field: string): string {
  const sku = /^skus\.(\d+)\.(\w+)$/.exec(field);
  if (sku) return t('field.sku', { n: Number(sku[1]) + 1, key: SKU_KEYS[sku[2] ?? ''] ?? sku[2] });
  const top = field.split('.')[0] ?? field;
  return t(`field.${top}`, { defaultValue: field });
}

/** Fields typed as whole numbers; "15.000" there gets a hint on how to write it. */
const WHOLE_FIELDS = /(^|\.)(price|stock|id|sellerId)$/;

/** One line the user can act on: where, and what is wrong, in their language. */
export function describeError(t: TFunction, error: AppError): string {
  let message = error.reason
    ? t(`common:validation.${error.reason}`, { ...error.params })
    : t(`common:errors.${error.code}`, { ...error.params, defaultValue: error.message });
  if (error.reason === 'not_a_number' && error.field) {
    message += ` ${t(WHOLE_FIELDS.test(error.field) ? 'hint.whole' : 'hint.measure')}`;
  }
  if (error.field) return t('errorAt', { field: describeField(t, error.field), message });
  return t('error', { message });
}
