import { api } from '../../lib/api';
import { useLoadRecord } from '../../lib/useLoad';
import { LoadStatus } from '../../ui/LoadStatus';
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
  const [product, reload] = useLoadRecord(productId, (id) => api.invoke('products:get', { id }));
  if (product.state !== 'ready') return <LoadStatus load={product} onRetry={reload} />;
  return <ProductForm sellerId={sellerId} sellerName={sellerName} product={product.value} />;
}
