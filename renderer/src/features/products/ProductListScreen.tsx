import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductSummary } from '../../../../electron/shared/catalogue';
import { useNavigation } from '../../app/navigation';
import { api } from '../../lib/api';
import { initials, toneFor } from '../../lib/initials';
import { useMoveToTrash } from '../../lib/trash';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadFailed } from '../../ui/LoadFailed';
import { LoadStatus } from '../../ui/LoadStatus';
import { ExportButton } from '../catalogue/ExportButton';
import { ProductCard } from './ProductCard';

/** One participant's catalogue: picture-first cards, and the way to add the next product. */
export function ProductListScreen({ sellerId }: { sellerId: number }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('catalogue');
  const { t: ts } = useTranslation('studio');
  const { t: tu } = useTranslation('upload');
  const { go } = useNavigation();
  const key = String(sellerId);
  const [seller, reloadSeller] = useLoad(() => api.invoke('sellers:get', { id: sellerId }), key);
  const [products, reloadProducts] = useLoad(() => api.invoke('products:list', { sellerId }), key);
  // Each product's main photo, for the cards (a product without one keeps its initials).
  const [photos, reloadPhotos] = useLoad(() => api.invoke('photos:overview', { sellerId }), key);
  const reload = useCallback(() => {
    reloadProducts();
    reloadPhotos();
  }, [reloadProducts, reloadPhotos]);
  const remove = useMoveToTrash('product', reload);
  const photoSummaries = useMemo(
    () =>
      new Map(
        photos.state === 'ready' ? photos.value.products.map((summary) => [summary.productId, summary] as const) : [],
      ),
    [photos],
  );

  if (seller.state !== 'ready') return <LoadStatus load={seller} onRetry={reloadSeller} />;
  const { name: sellerName } = seller.value;
  const details = [seller.value.businessName, seller.value.district].filter(Boolean).join(' · ');
  // While the list is empty, the one "Tambah produk" is the one inside the empty state.
  const isEmpty = products.state === 'ready' && products.value.length === 0;

  const addButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => go({ screen: 'productForm', sellerId, sellerName })}
    >
      <Icon name="plus" />
      {t('products.add')}
    </button>
  );
  const edit = (product: ProductSummary) =>
    go({ screen: 'productForm', sellerId, sellerName, productId: product.id, productName: product.name });

  return (
    <>
      <div className="screen-head">
        <div className="screen-head__who">
          <span className={`avatar avatar--large tone-${toneFor(sellerName)}`} aria-hidden="true">
            {initials(sellerName)}
          </span>
          <div>
            <h1 className="screen-head__title">{t('products.title', { name: sellerName })}</h1>
            {details ? <p className="screen-head__intro">{details}</p> : null}
          </div>
        </div>
        <div className="screen-head__actions screen-head__actions--wrap">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => go({ screen: 'sellerForm', sellerId, sellerName })}
          >
            <Icon name="edit" />
            {t('products.editSeller')}
          </button>
          {/* A spreadsheet is also a way to start, so import is offered while the list is empty. */}
          <button type="button" className="button" onClick={() => go({ screen: 'import', sellerId, sellerName })}>
            <Icon name="upload" />
            {tc('toolbar.import')}
          </button>
          {isEmpty ? null : (
            <button type="button" className="button" onClick={() => go({ screen: 'photos', sellerId, sellerName })}>
              <Icon name="camera" />
              {ts('nav.photosButton')}
            </button>
          )}
          {isEmpty ? null : (
            <>
              <button
                type="button"
                className="button"
                onClick={() => go({ screen: 'catalogue', sellerId, sellerName })}
              >
                <Icon name="table" />
                {tc('toolbar.table')}
              </button>
              <ExportButton sellerId={sellerId} />
              <button type="button" className="button" onClick={() => go({ screen: 'uploads', sellerId, sellerName })}>
                <Icon name="send" />
                {tu('screen.navButton')}
              </button>
            </>
          )}
          {isEmpty ? null : addButton}
        </div>
      </div>

      {products.state === 'failed' ? <LoadFailed error={products.error} onRetry={reload} /> : null}
      {isEmpty ? (
        <EmptyState icon="box" title={t('products.emptyTitle')} hint={t('products.emptyHint')} action={addButton} />
      ) : null}
      {products.state === 'ready' && products.value.length > 0 ? (
        <ul className="product-grid" aria-label={t('products.list')}>
          {products.value.map((product) => (
            <ProductCard
              key={product.id}
              product={product}
              photos={photoSummaries.get(product.id) ?? null}
              onEdit={() => edit(product)}
              onDelete={() => void remove(product)}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
