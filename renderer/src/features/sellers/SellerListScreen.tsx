import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { api } from '../../lib/api';
import { useMoveToTrash } from '../../lib/trash';
import { useDebounced } from '../../lib/useDebounced';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadStatus } from '../../ui/LoadStatus';
import { SellerRow } from './SellerRow';

/** The trainer's register: every participant, searchable, each one click from their products. */
export function SellerListScreen() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim(), 200);
  const [sellers, reload] = useLoad(() => api.invoke('sellers:list', search ? { query: search } : {}), search);

  const remove = useMoveToTrash('seller', reload);

  const isEmpty = sellers.state === 'ready' && sellers.value.length === 0;
  const addButton = (
    <button type="button" className="button button--primary" onClick={() => go({ screen: 'sellerForm' })}>
      <Icon name="plus" />
      {t('sellers.add')}
    </button>
  );
  const showSearch = query !== '' || (sellers.state === 'ready' && sellers.value.length > 0);

  return (
    <>
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('sellers.title')}</h1>
          <p className="screen-head__intro">{t('sellers.intro')}</p>
        </div>
        {/* While the list is empty, the one button is the one inside the empty state. */}
        {isEmpty && search === '' ? null : addButton}
      </div>

      {showSearch ? (
        <div className="search">
          <label className="search__label" htmlFor="seller-search">
            <Icon name="search" />
            {t('sellers.search')}
          </label>
          <input
            id="seller-search"
            className="input search__input"
            type="search"
            value={query}
            placeholder={t('sellers.searchPlaceholder')}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      ) : null}

      {sellers.state !== 'ready' ? <LoadStatus load={sellers} onRetry={reload} /> : null}

      {isEmpty && search === '' ? (
        <EmptyState icon="user" title={t('sellers.emptyTitle')} hint={t('sellers.emptyHint')} action={addButton} />
      ) : null}
      {isEmpty && search !== '' ? <p className="no-match">{t('sellers.noMatch', { query: search })}</p> : null}

      {sellers.state === 'ready' && sellers.value.length > 0 ? (
        <ul className="seller-list" aria-label={t('sellers.list')}>
          {sellers.value.map((seller) => (
            <SellerRow
              key={seller.id}
              seller={seller}
              onOpen={() => go({ screen: 'products', sellerId: seller.id, sellerName: seller.name })}
              onDelete={() => void remove(seller)}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
