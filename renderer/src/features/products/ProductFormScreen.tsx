import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../electron/shared/catalogue';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { LoadFailed } from '../../ui/LoadFailed';
import { ProductForm } from './ProductForm';

/** "Tambah produk" (no id) or "Ubah produk", once the stored product has loaded. */
export function ProductFormScreen({
  sellerId,
  sellerName,
  productId,
}: {
  sellerId: number;
  sellerName: string;
  productId: number | undefined;
}) {
  const { t } = useTranslation();
  const [product, reload] = useLoad<Product | null>(
    () => (productId ? api.invoke('products:get', { id: productId }) : Promise.resolve({ ok: true, value: null })),
    String(productId ?? 'new'),
  );
  if (product.state === 'failed') return <LoadFailed error={product.error} onRetry={reload} />;
  if (product.state === 'loading') return <p className="muted">{t('app.loading')}</p>;
  return <ProductForm sellerId={sellerId} sellerName={sellerName} product={product.value} />;
}
