import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADVISED_CODES, QC_REASON_KEYS } from '../../electron/shared/plain/qc-reasons';
import { READINESS_PROBLEMS } from '../../electron/shared/plain/readiness';
import { UPLOAD_STATES, type UploadListing, type UploadProblem } from '../../electron/shared/uploads';
import {
  listingAdvice,
  problemText,
  sizeText,
  stateText,
  type Translate,
} from '../../renderer/src/features/uploads/words';
import { NAMESPACES, resources } from '../../renderer/src/i18n/resources';

/**
 * Everything the upload centre words from codes (problems found before upload, listing
 * states, QC reasons, Lazada codes, failure kinds) has words in both languages, and a
 * listing that is not live always says what to do, never a code alone.
 */
const i18n = i18next.createInstance();

beforeAll(async () => {
  const rows = (await import(/* @vite-ignore */ ROWS)) as {
    uploadErrorSchema: { shape: { kind: { options: readonly string[] } } };
  };
  errorKinds = rows.uploadErrorSchema.shape.kind.options;
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

/** Every problem `uploadProblems` can report (UploadProblem), readiness ones included. */
const PROBLEMS: readonly UploadProblem[] = [
  ...READINESS_PROBLEMS,
  'no_photos',
  'photos_failed',
  'name_too_long',
  'name_characters',
  'too_heavy',
  'too_large',
  'in_trash',
  'unknown_brand',
  'category_details_missing',
];

/**
 * The failure kinds the upload engine stores on a listing (`upload:errors.<kind>`), read from
 * the core at run time: electron/core is outside the renderer's typecheck project.
 */
const ROWS = '../../electron/core/outbox/rows';
let errorKinds: readonly string[];

function listing(overrides: Partial<UploadListing>): UploadListing {
  return {
    id: 1,
    productId: 1,
    productName: 'Dodol Garut',
    state: 'queued',
    itemId: null,
    error: null,
    rejectReason: null,
    imagesDone: 0,
    imagesTotal: 0,
    bytesSent: 0,
    bytesTotal: 0,
    attempts: 0,
    nextAttemptAt: null,
    updatedAt: '2026-11-28T00:00:00.000Z',
    ...overrides,
  };
}

function expectWorded(text: string, label: string): void {
  expect(text.trim(), label).not.toBe('');
  expect(text, label).not.toMatch(/{{|}}|upload:|catalogue:|^(problems|states|codes|qc|errors)\./);
}

describe.each(languages)('upload words in %s', (language) => {
  const t = tFor(language);

  it('word every problem found before upload', () => {
    for (const problem of PROBLEMS) expectWorded(problemText(t, problem), problem);
    expect(problemText(t, 'no_weight')).toBe(t('catalogue:problems.no_weight'));
  });

  it('name every listing state', () => {
    for (const state of UPLOAD_STATES) expectWorded(stateText(t, state), state);
  });

  it('advise on every known QC reason and quote Lazada after the advice', () => {
    for (const [reason, key] of Object.entries(QC_REASON_KEYS)) {
      const words = listingAdvice(t, listing({ state: 'rejected', rejectReason: reason }));
      expectWorded(words.advice, reason);
      expect(words.advice).toBe(t(`upload:qc.${key}`));
      expect(words.theirs).toBe(reason);
    }
  });

  it('quotes an unknown QC reason inside its general advice', () => {
    const words = listingAdvice(t, listing({ state: 'rejected', rejectReason: 'Counterfeit Suspected' }));
    expect(words.advice).toContain('"Counterfeit Suspected"');
    expect(words.theirs).toBeNull();
    // A reason that is an object property name is still just words from Lazada.
    expect(listingAdvice(t, listing({ state: 'rejected', rejectReason: 'constructor' })).advice).toContain(
      '"constructor"',
    );
  });

  it('advise on each of several QC reasons the marketplace gives at once', () => {
    const words = listingAdvice(
      t,
      listing({
        state: 'rejected',
        rejectReason: 'No White Background; Poor Product Description; Counterfeit Suspected',
      }),
    );
    expect(words.advice).toBe(
      [
        t('upload:qc.white_background'),
        t('upload:qc.poor_description'),
        t('upload:qc.other', { reason: 'Counterfeit Suspected' }),
      ].join(' '),
    );
    expect(words.theirs).toBe('No White Background; Poor Product Description');
  });

  it('advise on every Lazada code, with its message in quotes, never the code alone', () => {
    for (const code of ADVISED_CODES) {
      const words = listingAdvice(
        t,
        listing({ state: 'blocked', error: { kind: 'rejected', code, message: `Lazada says ${code}` } }),
      );
      expectWorded(words.advice, code);
      expect(words.advice).not.toBe(code);
      expect(words.theirs).toBe(`Lazada says ${code}`);
    }
    const unknown = listingAdvice(
      t,
      listing({ state: 'blocked', error: { kind: 'rejected', code: '9999', message: 'Odd' } }),
    );
    expect(unknown.advice).toBe(t('upload:errors.rejected'));
    expect(unknown.theirs).toBe('Odd');
  });

  it('word every failure kind, and fall back to words for an unknown one', () => {
    expect(errorKinds).toContain('offline');
    for (const kind of errorKinds) {
      const words = listingAdvice(t, listing({ error: { kind, message: 'fetch failed' } }));
      expectWorded(words.advice, kind);
      // Akar's own failures carry no marketplace words to quote.
      expect(words.theirs).toBeNull();
    }
    const other = listingAdvice(t, listing({ error: { kind: 'something_new', message: 'TypeError: x' } }));
    expect(other.advice).toBe(t('upload:screen.errorOther'));
  });

  it('says nothing for a listing without trouble', () => {
    expect(listingAdvice(t, listing({ state: 'live' }))).toEqual({ advice: '', theirs: null });
  });
});

describe('sizeText', () => {
  it('writes sizes the way the interface writes numbers', () => {
    expect(sizeText(0, 'id')).toBe('0 KB');
    expect(sizeText(200, 'id')).toBe('1 KB');
    expect(sizeText(160_000, 'id')).toBe('156 KB');
    expect(sizeText(1_300_000, 'id')).toBe('1,2 MB');
    expect(sizeText(1_300_000, 'en')).toBe('1.2 MB');
  });
});
