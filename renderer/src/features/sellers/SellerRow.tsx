import { useTranslation } from 'react-i18next';
import type { Seller } from '../../../../electron/shared/catalogue';
import { initials, toneFor } from '../../lib/initials';
import { Icon } from '../../ui/Icon';
import { RowButton, RowDeleteButton } from '../../ui/RowButton';

/**
 * One participant. The whole row opens their products (a big target for a mouse or a
 * touchpad); the buttons are there for the keyboard and for people who look for them.
 */
export function SellerRow({ seller, onOpen, onDelete }: { seller: Seller; onOpen: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const details = [seller.businessName, seller.district].filter(Boolean).join(' · ');
  return (
    <li className="seller-row" onClick={onOpen}>
      <span className={`avatar tone-${toneFor(seller.name)}`} aria-hidden="true">
        {initials(seller.name)}
      </span>
      <div className="seller-row__text">
        <h2 className="seller-row__name">{seller.name}</h2>
        {details ? <p className="seller-row__details">{details}</p> : null}
      </div>
      <span className="seller-row__count">
        <Icon name="box" />
        {t('sellers.productCount', { count: seller.productCount })}
      </span>
      <div className="seller-row__actions">
        <RowButton label={t('sellers.openNamed', { name: seller.name })} onClick={onOpen}>
          {t('actions.open')}
          <Icon name="chevron" />
        </RowButton>
        <RowDeleteButton label={t('sellers.deleteNamed', { name: seller.name })} onClick={onDelete} />
      </div>
    </li>
  );
}
