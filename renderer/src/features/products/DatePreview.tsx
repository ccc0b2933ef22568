import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import { spelledDate } from './spelledDate';

/**
 * A picked date spelled out ("= 1 Desember 2026") under a date box. The box itself shows
 * the date in the order of the computer's own settings, which on a laptop set up in
 * English reads 12/01/2026: in Indonesia that is the twelfth of January. Spelling the
 * month out leaves no doubt.
 */
export function DatePreview({ value }: { value: string | undefined }) {
  const { t, i18n } = useTranslation();
  const text = spelledDate(value ?? '', i18n.language as Language);
  if (!text) return null;
  return (
    <p className="field__preview" aria-live="polite">
      {t('productForm.datePreview', { date: text })}
    </p>
  );
}
