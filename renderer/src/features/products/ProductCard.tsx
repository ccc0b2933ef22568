import { useTranslation } from 'react-i18next';
import type { Language, ProductSummary } from '../../../../electron/shared/catalogue';
import { formatPriceRange } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { initials, toneFor } from '../../lib/initials';
import { Icon } from '../../ui/Icon';
import { RowButton, RowDeleteButton } from '../../ui/RowButton';

/**
 * Picture first, then the three things a seller checks: price, stock, and whether it is
 * ready to sell. Until photos exist the picture is a soft tile with the product's initials.
 */
export function ProductCard({
  product,
  onEdit,
  onDelete,
}: {
  product: ProductSummary;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = `product-${product.id}-name`;
  return (
    <li className="product-card" aria-labelledby={titleId} onClick={onEdit}>
      <div className={`product-card__photo tone-${toneFor(product.name)}`}>
        <span className="product-card__initials" aria-hidden="true">
          {initials(product.name)}
        </span>
        <span className="product-card__no-photo">{t('products.noPhoto')}</span>
        <span className={`badge badge--${product.status}`}>{t(`status.${product.status}`)}</span>
      </div>
      <div className="product-card__body">
        <h2 className="product-card__name" id={titleId}>
          {product.name}
        </h2>
        <p className="product-card__price" data-testid="price">
          {formatPriceRange(product.minPrice, product.maxPrice)}
        </p>
        <p className="product-card__meta">
          <span data-testid="stock">
            {t('products.stock', { amount: formatNumber(product.totalStock, i18n.language as Language) })}
          </span>
          <span aria-hidden="true"> · </span>
          <span>{t('products.variants', { count: product.skuCount })}</span>
        </p>
      </div>
      <div className="product-card__actions">
        <RowButton label={t('products.editNamed', { name: product.name })} onClick={onEdit}>
          <Icon name="edit" />
          {t('actions.edit')}
        </RowButton>
        <RowDeleteButton label={t('products.deleteNamed', { name: product.name })} onClick={onDelete} />
      </div>
    </li>
  );
}
