import { useTranslation } from 'react-i18next';
import type { Language, ProductSummary } from '../../../../electron/shared/catalogue';
import { formatPriceRange } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { initials, toneFor } from '../../lib/initials';
import { Icon } from '../../ui/Icon';
import type { ProductPhotoSummary } from '../../../../electron/shared/photos';
import { VerdictBadge } from '../photos/PhotoVerdict';
import { photoVerdict } from '../../../../electron/shared/plain/photo-verdict';
import { standingOf } from '../photos/verdict';
import { photoUrl } from '../photos/useStudioWords';
import { PROBLEM_KEYS } from './readiness';
import { RowButton, RowDeleteButton } from '../../ui/RowButton';

/**
 * Picture first, then the three things a seller checks: price, stock, and whether it is
 * ready to sell. Until its main photo is rendered the picture is a soft tile with the product's initials.
 */
export function ProductCard({
  product,
  photos = null,
  onEdit,
  onDelete,
}: {
  product: ProductSummary;
  /** How its photos stand (the photo overview's line for it), once loaded. */
  photos?: ProductPhotoSummary | null;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = `product-${product.id}-name`;
  const photo = photos?.main?.state === 'ready' ? photos.main : null;
  // Only what asks for work is shown: "Belum ada foto" is on the picture already.
  const verdict = photos ? photoVerdict(standingOf(photos)) : null;
  return (
    <li className="product-card" aria-labelledby={titleId} onClick={onEdit}>
      <div
        className={
          photo ? 'product-card__photo product-card__photo--image' : `product-card__photo tone-${toneFor(product.name)}`
        }
      >
        {photo ? (
          <img
            className="product-card__image"
            src={photoUrl(photo.id, 'thumb', photo.version)}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
          />
        ) : (
          <>
            <span className="product-card__initials" aria-hidden="true">
              {initials(product.name)}
            </span>
            <span className="product-card__no-photo">{t('products.noPhoto')}</span>
          </>
        )}
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
        <Readiness product={product} />
        {verdict === 'reject' || verdict === 'warn' ? <VerdictBadge verdict={verdict} onCard /> : null}
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

/**
 * How far the product is from the marketplace: "3 hal belum lengkap" (the lines the form's
 * checklist shows, readable on hover and by screen readers), or "Data lengkap" for a draft
 * that only needs to be marked ready. A product marked ready has its own badge already.
 */
function Readiness({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  const { problems } = product;
  if (problems.length === 0) {
    if (product.status === 'ready') return null;
    return (
      <p className="readiness-badge readiness-badge--complete" data-testid="readiness-badge">
        <Icon name="check" />
        {t('readiness.badge.complete')}
      </p>
    );
  }
  const items = problems.map((problem) => t(PROBLEM_KEYS[problem])).join(', ');
  return (
    <p className="readiness-badge readiness-badge--missing" data-testid="readiness-badge" title={items}>
      <Icon name="alert" />
      {t('readiness.badge.missing', { count: problems.length })}
      <span className="sr-only">{`: ${items}`}</span>
    </p>
  );
}
