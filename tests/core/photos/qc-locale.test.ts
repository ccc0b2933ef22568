import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { QC_CODES, type QcIssue } from '../../../electron/core/photos/qc/checks';
import type { PhotoMetrics } from '../../../electron/core/photos/qc/measure';
import { productPhotoIssues } from '../../../electron/core/photos/qc/product';
import en from '../../../resources/locales/en/photos.json';
import id from '../../../resources/locales/id/photos.json';

/**
 * Every QC code the core can report has a title and a fix-it tip in both languages, and the
 * words take exactly the numbers the core sends: each code is raised for real (through
 * productPhotoIssues) and worded with i18next, so a missing key, a misspelt {{param}} or a
 * placeholder left over fails here rather than on a seller's screen.
 */
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { id: { photos: id }, en: { photos: en } },
    lng: 'id',
    fallbackLng: false,
    ns: ['photos'],
    defaultNS: 'photos',
    interpolation: { escapeValue: false },
  });
});

function metrics(overrides: Partial<PhotoMetrics>): PhotoMetrics {
  return {
    width: 1200,
    height: 1200,
    sampleWidth: 600,
    sampleHeight: 600,
    sharpness: { edgeWidth: 1.5, edgePoints: 5000, laplacianVariance: 200 },
    exposure: { mean: 200, blackLevel: 30, whiteLevel: 255, darkShare: 0, clippedShare: 0.4 },
    background: { luminance: 252, chroma: 1, spread: 3, whiteShare: 1, plainShare: 1 },
    fill: { side: 0.9, area: 0.6 },
    hash: '0123456789abcdef',
    ...overrides,
  };
}

/** At least one real issue of every code, with the params the core really sends. */
function everyIssue(): QcIssue[] {
  const bad = productPhotoIssues([
    {
      metrics: metrics({ width: 300, height: 400, background: { ...metrics({}).background, whiteShare: 0 } }),
      isMain: true,
    },
    {
      metrics: metrics({ width: 450, sharpness: { edgeWidth: 4, edgePoints: 900, laplacianVariance: 3 } }),
      isMain: false,
    },
    {
      metrics: metrics({ exposure: { ...metrics({}).exposure, whiteLevel: 40 }, hash: 'ffffffffffffffff' }),
      isMain: false,
    },
    {
      metrics: metrics({ exposure: { ...metrics({}).exposure, blackLevel: 200 }, hash: 'f0f0f0f0f0f0f0f0' }),
      isMain: false,
    },
    { metrics: metrics({ fill: { side: 0.5, area: 0.2 }, hash: '0f0f0f0f0f0f0f0f' }), isMain: false },
    ...Array.from({ length: 4 }, () => ({ metrics: metrics({}), isMain: false })),
  ]);
  const few = [
    ...productPhotoIssues([]).product,
    ...productPhotoIssues([{ metrics: metrics({}), isMain: true }]).product,
  ];
  return [...bad.photos.flat(), ...bad.product, ...few];
}

describe('photo QC words', () => {
  it('raises every code in the test set', () => {
    expect(new Set(everyIssue().map((issue) => issue.code))).toEqual(new Set(QC_CODES));
  });

  for (const language of ['id', 'en'] as const) {
    it(`has a title and a tip for every issue in ${language}, with every number filled in`, async () => {
      await i18n.changeLanguage(language);
      for (const issue of everyIssue()) {
        const words: string[] = [];
        for (const part of ['title', 'tip'] as const) {
          const key = `qc.${issue.code}.${part}`;
          expect(i18n.exists(key, issue.params), `${language} ${key}`).toBe(true);
          const text = i18n.t(key, issue.params);
          expect(text, `${language} ${key}`).not.toMatch(/{{|}}|qc\./);
          expect(text.trim(), `${language} ${key}`).not.toBe('');
          words.push(text);
        }
        for (const value of Object.values(issue.params)) {
          // Every number the core sends is shown, unless a plural form spells it out ("Belum ada foto").
          const spelled = issue.code === 'too_few_photos' && value === issue.params['count'] && value <= 1;
          if (!spelled) expect(words.join(' '), `${language} ${issue.code}`).toContain(String(value));
        }
      }
    });
  }

  it('speaks plainly in Indonesian: no technical words a seller would not know', () => {
    const words = JSON.stringify(id).toLowerCase();
    for (const jargon of ['resolusi', 'piksel', 'pixel', 'laplacian', 'fokus otomatis', 'exposure', 'dhash', 'hash']) {
      expect(words).not.toContain(jargon);
    }
  });
});
