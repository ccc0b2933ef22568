import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation, type Route } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatPriceRange } from '../../lib/money';
import { restoreFromTrash, type TrashKind } from '../../lib/trash';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { LoadStatus } from '../../ui/LoadStatus';
import { TrashItem, TrashSection } from './TrashItem';

/**
 * "Tempat sampah": everything deleted, participants first (their products come back with
 * them), then products deleted on their own. Restoring is one click and can be followed
 * straight to the item. There is no "delete for good" here on purpose.
 */
export function TrashScreen() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const toast = useToast();
  const [trash, reload] = useLoad(() => api.invoke('trash:list', {}), 'trash');
  // Rows being restored: their button stays disabled until the reloaded list drops them.
  const [restoring, setRestoring] = useState<ReadonlySet<string>>(new Set());

  if (trash.state !== 'ready') return <LoadStatus load={trash} onRetry={reload} />;
  const { sellers, products } = trash.value;
  const isEmpty = sellers.length === 0 && products.length === 0;

  async function restore(kind: TrashKind, item: { id: number; name: string }, open: Route) {
    const key = `${kind}-${item.id}`;
    setRestoring((keys) => new Set(keys).add(key));
    const result = await restoreFromTrash(kind, item.id);
    reload();
    if (result.ok) {
      toast({
        message: t('toast.restored', { name: item.name }),
        action: { label: t('actions.open'), icon: 'arrow', run: () => go(open) },
      });
    } else {
      setRestoring((keys) => new Set([...keys].filter((other) => other !== key)));
      toast({ message: errorMessage(t, result.error), tone: 'error' });
    }
  }

  return (
    <>
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('trash.title')}</h1>
          {isEmpty ? null : <p className="screen-head__intro">{t('trash.intro')}</p>}
        </div>
      </div>

      {isEmpty ? <EmptyState icon="trash" title={t('trash.emptyTitle')} hint={t('trash.emptyHint')} /> : null}

      <TrashSection id="trash-sellers" title={t('trash.sellers')} count={sellers.length} label={t('trash.sellersList')}>
        {sellers.map((seller) => (
          <TrashItem
            key={seller.id}
            kind="seller"
            id={seller.id}
            name={seller.name}
            details={[seller.businessName, seller.district].filter(Boolean).join(' · ')}
            summary={t('trash.productsWith', { count: seller.productCount })}
            deletedAt={seller.deletedAt ?? seller.updatedAt}
            restoring={restoring.has(`seller-${seller.id}`)}
            onRestore={() =>
              void restore('seller', seller, { screen: 'products', sellerId: seller.id, sellerName: seller.name })
            }
          />
        ))}
      </TrashSection>

      <TrashSection
        id="trash-products"
        title={t('trash.products')}
        count={products.length}
        label={t('trash.productsList')}
      >
        {products.map((product) => (
          <TrashItem
            key={product.id}
            kind="product"
            id={product.id}
            name={product.name}
            details={t('trash.owner', { name: product.sellerName })}
            summary={
              <span className="trash-row__price" data-testid="price">
                {formatPriceRange(product.minPrice, product.maxPrice)}
              </span>
            }
            deletedAt={product.deletedAt ?? product.updatedAt}
            restoring={restoring.has(`product-${product.id}`)}
            onRestore={() =>
              void restore('product', product, {
                screen: 'productForm',
                sellerId: product.sellerId,
                sellerName: product.sellerName,
                productId: product.id,
                productName: product.name,
              })
            }
          />
        ))}
      </TrashSection>
    </>
  );
}
