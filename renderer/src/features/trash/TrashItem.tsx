import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import { formatMoment } from '../../lib/dates';
import { initials, toneFor } from '../../lib/initials';
import type { TrashKind } from '../../lib/trash';
import { Icon } from '../../ui/Icon';

/**
 * One thing in the trash: its picture (initials until photos exist; round for a person,
 * square for a product), what it is, when it was deleted, and one big "Pulihkan". Rows do
 * not open on click: an item in the trash cannot be changed until it is restored, and
 * the toast after restoring offers "Buka".
 */
export function TrashItem({
  kind,
  id,
  name,
  details,
  summary,
  deletedAt,
  restoring,
  onRestore,
}: {
  kind: TrashKind;
  id: number;
  name: string;
  /** Who or whose: "Dodol Garut Bu Siti · Garut", "Milik Ibu Siti Aminah". */
  details: string;
  /** The one fact that matters before restoring: products that come back too, the price. */
  summary: ReactNode;
  deletedAt: string;
  restoring: boolean;
  onRestore: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = `trash-${kind}-${id}-name`;
  const when = formatMoment(deletedAt, i18n.language as Language, (time) => t('trash.today', { time }));
  return (
    <li className="trash-row" aria-labelledby={titleId}>
      <span className={`avatar${kind === 'product' ? ' avatar--square' : ''} tone-${toneFor(name)}`} aria-hidden="true">
        {initials(name)}
      </span>
      <div className="trash-row__text">
        <h3 className="trash-row__name" id={titleId}>
          {name}
        </h3>
        {details ? <p className="trash-row__details">{details}</p> : null}
        <p className="trash-row__meta">
          {summary}
          <span aria-hidden="true"> · </span>
          {t('trash.deletedAt', { when })}
        </p>
      </div>
      <button
        type="button"
        className="button button--primary trash-row__restore"
        aria-label={t('trash.restoreNamed', { name })}
        disabled={restoring}
        onClick={onRestore}
      >
        <Icon name="undo" />
        {restoring ? t('actions.restoring') : t('actions.restore')}
      </button>
    </li>
  );
}

/** "Peserta (2)" or "Produk (3)" and its list; a section with nothing in it is not shown. */
export function TrashSection({
  id,
  title,
  count,
  label,
  children,
}: {
  id: string;
  title: string;
  count: number;
  label: string;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section className="trash-section" aria-labelledby={id}>
      <h2 className="trash-section__title" id={id}>
        {title} <span className="trash-section__count">({count})</span>
      </h2>
      <ul className="trash-list" aria-label={label}>
        {children}
      </ul>
    </section>
  );
}
