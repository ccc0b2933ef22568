import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALIDATION_REASONS, type ValidationReason } from '../../electron/shared/result';
import { issueMessage } from '../../renderer/src/lib/errors';
import { NAMESPACES, resources } from '../../renderer/src/i18n/resources';

/**
 * Validation messages come from `common:validation.<reason>`, with no list of reasons in
 * the renderer: a reason main adds is shown as soon as common.json has words for it.
 */
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources,
    lng: 'id',
    fallbackLng: 'id',
    ns: NAMESPACES,
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

const languages = ['id', 'en'] as const;
const tFor = (language: (typeof languages)[number]) => i18n.getFixedT(language);
const params = { minimum: 0, maximum: 5, keys: 'colour' };

describe('issueMessage', () => {
  it.each(languages)('has its own words in %s for every reason main sends', (language) => {
    const t = tFor(language);
    const fallback = issueMessage(t, { reason: 'invalid' });
    for (const reason of VALIDATION_REASONS) {
      const message = issueMessage(t, { reason, params });
      expect(message, reason).not.toMatch(/{{|validation\./);
      if (reason !== 'invalid') expect(message, reason).not.toBe(fallback);
    }
  });

  it('says "more than 0" for a weight of 0, not "not less than 0"', () => {
    const issue = { reason: 'too_small_exclusive', params: { minimum: 0 } } as const;
    expect(issueMessage(tFor('id'), issue)).toBe('Harus lebih dari 0.');
    expect(issueMessage(tFor('en'), issue)).toBe('Must be more than 0.');
  });

  it('falls back to the general message for a reason it has no words for', () => {
    const issue = { reason: 'from_a_newer_main' as ValidationReason };
    expect(issueMessage(tFor('id'), issue)).toBe('Isian tidak sesuai.');
    expect(issueMessage(tFor('en'), issue)).toBe('This value is not valid.');
  });
});
