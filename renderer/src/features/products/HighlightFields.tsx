import type { UseFieldArrayReturn, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_HIGHLIGHTS } from '../../../../electron/shared/plain/limits';
import { Icon } from '../../ui/Icon';
import type { ProductValues } from './productValues';

const MAX_HIGHLIGHT_LENGTH = 250;

interface HighlightFieldsProps {
  /** The form's list of lines (the form also drops blank lines from it when saving). */
  readonly lines: UseFieldArrayReturn<ProductValues, 'highlights', 'key'>;
  readonly register: UseFormRegister<ProductValues>;
  readonly errorFor: (path: string) => string | undefined;
}

/**
 * "Keunggulan produk": up to eight short lines a buyer reads first (Lazada shows them as
 * a list next to the photos). One box per line, so "one point per line" needs no
 * explaining.
 */
export function HighlightFields({ lines, register, errorFor }: HighlightFieldsProps) {
  const { t } = useTranslation();
  const count = lines.fields.length;
  const listError = errorFor('highlights');

  return (
    <fieldset className="highlights form-grid__wide" aria-describedby="highlights-hint">
      <legend className="field__label">{t('productForm.highlights')}</legend>
      <p className="field__hint" id="highlights-hint">
        {t('productForm.highlightsHint', { maximum: MAX_HIGHLIGHTS })}
      </p>
      <ol className="highlights__list">
        {lines.fields.map((line, index) => {
          const id = `highlight-${index}`;
          const error = errorFor(`highlights.${index}`);
          const number = index + 1;
          return (
            <li key={line.key} className={error ? 'highlights__line field--invalid' : 'highlights__line'}>
              <span className="highlights__number" aria-hidden="true">
                {number}.
              </span>
              <div className="highlights__input">
                <input
                  id={id}
                  className="input"
                  type="text"
                  autoComplete="off"
                  maxLength={MAX_HIGHLIGHT_LENGTH}
                  aria-label={t('productForm.highlightN', { number })}
                  placeholder={index === 0 ? t('productForm.highlightPlaceholder') : undefined}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${id}-error` : undefined}
                  {...register(`highlights.${index}.text`)}
                />
                {error ? (
                  <p className="field__error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="button button--quiet button--danger highlights__remove"
                onClick={() => lines.remove(index)}
                aria-label={t('productForm.removeHighlight', { number })}
                title={t('productForm.removeHighlight', { number })}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
      </ol>
      {listError ? <p className="field__error">{listError}</p> : null}
      <button
        type="button"
        className="button button--quiet highlights__add"
        onClick={() => lines.append({ text: '' }, { focusName: `highlights.${count}.text` })}
        disabled={count >= MAX_HIGHLIGHTS}
      >
        <Icon name="plus" />
        {count >= MAX_HIGHLIGHTS
          ? t('productForm.highlightsFull', { maximum: MAX_HIGHLIGHTS })
          : t('productForm.addHighlight')}
      </button>
    </fieldset>
  );
}
