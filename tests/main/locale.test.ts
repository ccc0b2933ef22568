import { describe, expect, it } from 'vitest';
import { errorText, LOCALES, mainText } from '../../electron/main/locale';
import { ERROR_CODES } from '../../electron/shared/result';

describe("main's start-up texts", () => {
  it('has a translation for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(LOCALES.id.errors[code], code).toBeTruthy();
      expect(LOCALES.en.errors[code], code).toBeTruthy();
    }
  });

  it('tells the user, in their language, why the data cannot be opened', () => {
    expect(errorText('id', { code: 'db_too_new' })).toBe(
      'Data ini disimpan oleh Akar versi yang lebih baru. Perbarui Akar untuk membukanya.',
    );
    expect(errorText('en', { code: 'db_open_failed' })).toContain('cannot be opened');
    expect(errorText('id', { code: 'duplicate_sku', params: { sku: 'KSP-0001' } })).toContain('"KSP-0001"');
    expect(mainText('id', 'title')).toBe('Akar');
  });
});
