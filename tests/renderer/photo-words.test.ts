import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PhotoIssue } from '../../electron/shared/photos';
import {
  issueWords,
  PHOTO_REASONS,
  reasonWords,
  timeLeft,
  worstFirst,
  type Translate,
} from '../../renderer/src/features/photos/words';
import { NAMESPACES, resources } from '../../renderer/src/i18n/resources';

/**
 * Every code the photo studio sends has words in both languages: why a file was refused at
 * import or a photo could not be rendered (what happened, and what to do next), and each QC
 * finding (a title and a fix-it tip). Worded by the functions the screens use, with the
 * parameters the core sends, so a missing key or parameter fails here, not on a screen.
 */
const i18n = i18next.createInstance();

/**
 * The core's own lists of codes. electron/core is outside this folder's typecheck project
 * (the renderer may not depend on the core), so the modules are loaded at run time by path.
 */
const INSPECT = '../../electron/core/photos/inspect';
const QC = '../../electron/core/photos/qc/checks';
let inputReasons: readonly string[];
let qcCodes: readonly string[];

beforeAll(async () => {
  inputReasons = ((await import(/* @vite-ignore */ INSPECT)) as { PHOTO_INPUT_REASONS: readonly string[] })
    .PHOTO_INPUT_REASONS;
  qcCodes = ((await import(/* @vite-ignore */ QC)) as { QC_CODES: readonly string[] }).QC_CODES;
  await i18n.init({
    resources,
    lng: 'id',
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

const languages = ['id', 'en'] as const;
const tFor = (language: (typeof languages)[number]) => i18n.getFixedT(language) as unknown as Translate;

/** Parameters as the core sends them. */
const PARAMS = {
  bytes: 90_000_000,
  maxBytes: 80 * 1024 * 1024,
  width: 4000,
  height: 3000,
  megapixels: 108.2,
  maxMegapixels: 70,
  format: 'jpeg',
  detail: 'VipsJpeg: premature end of input file',
  code: 'EIO',
  rotate: 90,
  side: 330,
  minimum: 500,
  maximum: 8,
  percent: 42,
  photo: 1,
  count: 1,
} as const;

function expectWorded(text: string, label: string): void {
  expect(text, label).not.toMatch(/{{|}}|studio:|photos:|qc\./);
  expect(text.includes(String.fromCharCode(0)), label).toBe(false);
  expect(text.trim(), label).not.toBe('');
}

describe('the reasons the screens word', () => {
  it('cover every reason the core gives for a refused file or a failed render', () => {
    const worded = new Set<string>(PHOTO_REASONS);
    for (const reason of [
      ...inputReasons,
      'too_large',
      'crop_outside',
      'over_byte_limit',
      'invalid_recipe',
      'render_error',
    ]) {
      expect(worded.has(reason), reason).toBe(true);
    }
  });
});

describe.each(languages)('photo words in %s', (language) => {
  const t = tFor(language);

  it('say what happened to every refused or failed photo, and what to do next', () => {
    const unknown = reasonWords(t, 'from_a_newer_core', {}, language);
    for (const reason of PHOTO_REASONS) {
      const { what, next } = reasonWords(t, reason, PARAMS, language);
      expectWorded(what, `${reason}.what`);
      expectWorded(next, `${reason}.next`);
      expect(what, reason).not.toBe(unknown.what);
    }
  });

  it('tell an iPhone owner which camera setting to change', () => {
    const { next } = reasonWords(t, 'heic', {}, language);
    expect(next).toContain(language === 'id' ? '“Paling Kompatibel”' : '“Most Compatible”');
    expect(next).toContain(language === 'id' ? 'Pengaturan > Kamera > Format' : 'Settings > Camera > Formats');
  });

  it('give the limits in units a seller knows', () => {
    expect(reasonWords(t, 'too_large', PARAMS, language).what).toContain('80 MB');
    expect(reasonWords(t, 'too_many_pixels', PARAMS, language).what).toContain('70');
  });

  it('title every QC finding and give its fix-it tip', () => {
    for (const code of [...qcCodes, 'no_photos']) {
      for (const severity of ['reject', 'warn'] as const) {
        const issue: PhotoIssue = { code, severity, params: PARAMS };
        const { title, tip } = issueWords(t, issue, language);
        expectWorded(title, `${code}.title`);
        expectWorded(tip, `${code}.tip`);
        expect(title, code).not.toBe(t(`studio:qcFallback.unknown.${severity}`));
      }
    }
  });

  it('still say something about a finding it has no words for', () => {
    const { title, tip } = issueWords(t, { code: 'from_a_newer_core', severity: 'warn' }, language);
    expectWorded(title, 'unknown title');
    expectWorded(tip, 'unknown tip');
  });

  it('say the time left in seconds, then minutes', () => {
    expect(timeLeft(t, 8_000)).toBe(language === 'id' ? 'sekitar 8 detik' : 'about 8 seconds');
    expect(timeLeft(t, 60_000)).toBe(language === 'id' ? 'sekitar 60 detik' : 'about 60 seconds');
    expect(timeLeft(t, 150_000)).toBe(language === 'id' ? 'sekitar 3 menit' : 'about 3 minutes');
  });
});

describe('QC findings', () => {
  it('come worst first, otherwise in the order given', () => {
    const issues: PhotoIssue[] = [
      { code: 'washed_out', severity: 'warn' },
      { code: 'blurry', severity: 'reject' },
      { code: 'near_duplicate', severity: 'warn' },
      { code: 'too_dark', severity: 'reject' },
    ];
    expect(worstFirst(issues).map((issue) => issue.code)).toEqual([
      'blurry',
      'too_dark',
      'washed_out',
      'near_duplicate',
    ]);
  });
});
