import { useTranslation } from 'react-i18next';
import type { Language, ProductStatus } from '../../../../electron/shared/catalogue';
import { formatNumber } from '../../lib/numbers';
import { Icon, type IconName } from '../../ui/Icon';
import type { BulkKind } from './BulkDialog';

const EDITS: readonly { kind: BulkKind; icon: IconName }[] = [
  { kind: 'category', icon: 'list' },
  { kind: 'brand', icon: 'tag' },
  { kind: 'weight', icon: 'scale' },
  { kind: 'stock', icon: 'stack' },
  { kind: 'price', icon: 'price' },
];

/**
 * How many products are ticked, with the offer to tick every product that matches (not
 * only the rows loaded so far) and to untick all. Sits on the line with the total, so the
 * two numbers are read together.
 */
export function SelectionSummary({
  count,
  total,
  selectingAll,
  onSelectAll,
  onClear,
}: {
  count: number;
  total: number;
  selectingAll: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const language = i18n.language as Language;
  const everything = count >= total;
  return (
    <div className="selection-summary" data-testid="selection">
      <p className="selection-summary__count" role="status">
        <Icon name="check" />
        {everything
          ? t('bulk.allSelected', { count, number: formatNumber(count, language) })
          : t('bulk.selected', { count, number: formatNumber(count, language) })}
      </p>
      {!everything ? (
        <button type="button" className="link-button" onClick={onSelectAll} disabled={selectingAll}>
          {selectingAll
            ? t('bulk.selectingAll')
            : t('bulk.selectAll', { count: total, number: formatNumber(total, language) })}
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={onClear}>
        {t('bulk.clear')}
      </button>
    </div>
  );
}

/**
 * What can be done to the ticked products, shown only while some are ticked: one button
 * per change. Marking ready or draft happens at once (it can be undone, so it does not ask
 * first); the others ask for a value.
 */
export function BulkBar({
  count,
  busy,
  onEdit,
  onStatus,
}: {
  count: number;
  busy: boolean;
  onEdit: (kind: BulkKind) => void;
  onStatus: (status: ProductStatus) => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  return (
    <section
      className="bulk-bar"
      aria-label={t('bulk.bar', { count, number: formatNumber(count, i18n.language as Language) })}
      data-testid="bulk-bar"
    >
      {EDITS.map(({ kind, icon }) => (
        <button key={kind} type="button" className="button" disabled={busy} onClick={() => onEdit(kind)}>
          <Icon name={icon} />
          {t(`bulk.${kind}.button`)}
        </button>
      ))}
      <button type="button" className="button" disabled={busy} onClick={() => onStatus('ready')}>
        <Icon name="check" />
        {t('bulk.markReady')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onStatus('draft')}>
        <Icon name="draft" />
        {t('bulk.markDraft')}
      </button>
    </section>
  );
}
