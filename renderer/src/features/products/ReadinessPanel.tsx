import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReadinessProblem } from '../../../../electron/shared/catalogue';
import { Icon } from '../../ui/Icon';
import { PhotoReadiness, type PhotoSet } from '../photos/PhotoReadiness';
import type { ProductValues } from './productValues';
import { PROBLEM_KEYS, readinessItems, type CategoryKnowledge, type ReadinessItem } from './readiness';

interface ReadinessPanelProps {
  readonly control: Control<ProductValues>;
  readonly register: UseFormRegister<ProductValues>;
  readonly category: CategoryKnowledge;
  /** The stored product's problems (for the attributes while the category loads). */
  readonly stored: readonly ReadinessProblem[];
  readonly statusError: string | undefined;
  /** Moves to the field a line is about. */
  readonly onGo: (field: string) => void;
  /** The product's photos, for their own line under the checklist. */
  readonly photos: PhotoSet;
  /** Moves to the photo section. */
  readonly onGoToPhotos: () => void;
}

/**
 * Beside the form, always in view: what is still missing before the product can be
 * marked "Siap jual", one short line each that jumps to the field, shrinking as the seller
 * fills things in; and the choice between draft and ready right under it, where the
 * reason it may not be ready yet is visible.
 */
export function ReadinessPanel({
  control,
  register,
  category,
  stored,
  statusError,
  onGo,
  photos,
  onGoToPhotos,
}: ReadinessPanelProps) {
  const { t } = useTranslation();
  const values = useWatch({ control }) as ProductValues;
  const items = readinessItems(values, category, stored);
  const lineFor = (item: ReadinessItem): string =>
    item.problem === 'missing_attributes' && item.names && item.names.length > 0
      ? t('readiness.check.missing_attributes_named', { names: item.names.join(', ') })
      : t(PROBLEM_KEYS[item.problem]);

  return (
    <aside className="readiness panel" aria-labelledby="readiness-title" data-testid="readiness">
      <h2 className="panel__title" id="readiness-title">
        {t('readiness.title')}
      </h2>
      {items.length === 0 ? (
        <p className="readiness__done" role="status">
          <Icon name="check" />
          {t('readiness.done')}
        </p>
      ) : (
        <>
          <p className="readiness__intro" role="status">
            {t('readiness.missing', { count: items.length })}
          </p>
          <ul className="readiness__list" aria-label={t('readiness.listLabel')}>
            {items.map((item) => (
              <li key={item.problem}>
                <button type="button" className="readiness__item" onClick={() => onGo(item.field)}>
                  <span className="readiness__box" aria-hidden="true" />
                  <span>{lineFor(item)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <PhotoReadiness photos={photos} onGo={onGoToPhotos} />

      <fieldset className="choice readiness__status" aria-describedby="product-status-hint">
        <legend className="field__label">{t('productForm.status')}</legend>
        <div className="choice__options choice__options--stacked">
          <label className="choice__option">
            <input type="radio" value="draft" {...register('status')} />
            <span className="choice__text">
              <strong>{t('status.draft')}</strong>
              <span>{t('productForm.statusDraftHint')}</span>
            </span>
          </label>
          <label className="choice__option">
            <input type="radio" value="ready" {...register('status')} />
            <span className="choice__text">
              <strong>{t('status.ready')}</strong>
              <span>{t('productForm.statusReadyHint')}</span>
            </span>
          </label>
        </div>
        {statusError ? <p className="field__error">{statusError}</p> : null}
        <p className="field__hint" id="product-status-hint">
          {items.length === 0 ? t('productForm.statusHintReady') : t('productForm.statusHint')}
        </p>
      </fieldset>
    </aside>
  );
}
