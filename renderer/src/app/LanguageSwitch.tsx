import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/shared/catalogue';
import { changeLanguage, LANGUAGES } from '../i18n';
import { api } from '../lib/api';
import { useToast } from './toasts';

const SHORT: Readonly<Record<Language, string>> = { id: 'ID', en: 'EN' };

/**
 * ID / EN in the header. The choice is saved by main (so it survives a restart and the
 * menu bar follows), and only then applied here, so what the seller sees is what is kept.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const current = i18n.language as Language;

  async function choose(language: Language) {
    if (language === current || busy) return;
    setBusy(true);
    const result = await api.invoke('settings:setLanguage', { language });
    if (result.ok) await changeLanguage(result.value);
    else toast({ message: t('language.failed'), tone: 'error' });
    setBusy(false);
  }

  return (
    <div className="language-switch" role="group" aria-labelledby="language-switch-label">
      <span className="language-switch__label" id="language-switch-label">
        {t('language.label')}
      </span>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch__option"
          aria-pressed={language === current}
          aria-label={t(`language.${language}`)}
          title={t(`language.${language}`)}
          lang={language}
          onClick={() => void choose(language)}
        >
          {SHORT[language]}
        </button>
      ))}
    </div>
  );
}
