import { useTranslation } from 'react-i18next';
import type { BulkEditResult, BulkUndoResult, Language } from '../../../../electron/shared/catalogue';
import { formatRupiah } from '../../../../electron/shared/plain/numbers';
import { formatNumber } from '../../lib/numbers';
import { Icon } from '../../ui/Icon';
import type { BulkRequest } from './BulkDialog';
import { useCategoryNames } from './categoryNames';
import { skippedReasons } from './skipped';

/** Enough to read through; the rest are counted (a thousand lines help nobody). */
const SKIPPED_SHOWN = 200;

export interface Outcome extends BulkEditResult {
  readonly request: BulkRequest;
  readonly undone: BulkUndoResult | null;
  readonly undoing: boolean;
}

/**
 * The report after a bulk change, kept on screen until closed (a toast would vanish before
 * anyone read the list): how many products changed and how, "Urungkan", and every product
 * left as it was with the reasons in the form's own words. Each name opens that product,
 * which is where it gets fixed.
 */
export function BulkOutcome({
  outcome,
  onUndo,
  onClose,
  onOpenProduct,
}: {
  outcome: Outcome;
  onUndo: () => void;
  onClose: () => void;
  onOpenProduct: (id: number, name: string) => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const language = i18n.language as Language;
  const number = (value: number) => formatNumber(value, language);
  const { changed, skipped, undone } = outcome;
  const nameOf = useCategoryNames();
  const { change } = outcome.request;
  const categoryName = change.kind === 'category' && change.categoryId !== null ? nameOf(change.categoryId)?.name : '';

  let headline: string;
  if (undone) headline = t('outcome.restored', { count: undone.restored, number: number(undone.restored) });
  else if (changed === 0) headline = t('outcome.nothingChanged');
  else
    headline = `${t('outcome.changed', { count: changed, number: number(changed) })} ${describe(t, outcome.request, language, categoryName ?? '…')}`;

  return (
    <section
      className={`bulk-outcome${!undone && changed === 0 ? ' bulk-outcome--nothing' : ''}`}
      aria-label={t('outcome.label')}
      data-testid="bulk-outcome"
    >
      <div className="bulk-outcome__head">
        <Icon name={undone ? 'undo' : changed > 0 ? 'check' : 'alert'} className="bulk-outcome__icon" />
        <p className="bulk-outcome__headline" role="status">
          {headline}
        </p>
        {!undone && changed > 0 ? (
          <button type="button" className="button" onClick={onUndo} disabled={outcome.undoing}>
            <Icon name="undo" />
            {outcome.undoing ? t('outcome.undoing') : ui('actions.undo')}
          </button>
        ) : null}
        <button type="button" className="bulk-outcome__close" aria-label={ui('actions.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {undone && undone.keptNewer > 0 ? (
        <p className="bulk-outcome__note">
          {t('outcome.keptNewer', { count: undone.keptNewer, number: number(undone.keptNewer) })}
        </p>
      ) : null}
      {!undone && skipped.length > 0 ? (
        <div className="bulk-outcome__skipped">
          <div className="bulk-outcome__skipped-head">
            <h2 className="bulk-outcome__skipped-title">
              <Icon name="alert" />
              {t('outcome.skipped', { count: skipped.length, number: number(skipped.length) })}
            </h2>
            <p className="bulk-outcome__hint">{t('outcome.skippedHint')}</p>
          </div>
          <ul className="bulk-outcome__list" aria-label={t('outcome.skippedList')}>
            {skipped.slice(0, SKIPPED_SHOWN).map((item) => (
              <li key={item.id} className="bulk-outcome__item">
                {item.name ? (
                  <button type="button" className="link-button" onClick={() => onOpenProduct(item.id, item.name)}>
                    {item.name}
                  </button>
                ) : (
                  <span>{t('outcome.unnamed')}</span>
                )}
                <span className="bulk-outcome__reasons">{skippedReasons(t, ui, item.issues).join(' ')}</span>
              </li>
            ))}
          </ul>
          {skipped.length > SKIPPED_SHOWN ? (
            <p className="muted">{t('outcome.more', { number: number(skipped.length - SKIPPED_SHOWN) })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

type T = ReturnType<typeof useTranslation<'catalogue'>>['t'];

/** "harga naik 10%.", "berat paket jadi 0,5 kg.": what the change was, after the count. */
function describe(t: T, request: BulkRequest, language: Language, categoryName: string): string {
  const { change } = request;
  switch (change.kind) {
    case 'price': {
      const size = Math.abs(change.value);
      const amount = change.mode === 'amount' ? formatRupiah(size) : `${formatNumber(size, language)}%`;
      return t(change.value > 0 ? 'outcome.priceUp' : 'outcome.priceDown', { amount });
    }
    case 'weight':
      return t('outcome.weight', { weight: formatNumber(change.weightKg, language) });
    case 'stock':
      return t('outcome.stock', { stock: formatNumber(change.stock, language) });
    case 'brand':
      return t('outcome.brand', { brand: change.brand });
    case 'category':
      return change.categoryId === null
        ? t('outcome.categoryCleared')
        : t('outcome.category', { category: categoryName });
    case 'status':
      return t(change.status === 'ready' ? 'outcome.ready' : 'outcome.draft');
  }
}
