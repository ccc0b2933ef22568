import { useState } from 'react';
import { api } from '../../lib/api';
import { useLoadRecord } from '../../lib/useLoad';
import { LoadStatus } from '../../ui/LoadStatus';
import type { PhotoSet } from '../photos/PhotoReadiness';
import { NewProductPhotoHint, ProductPhotoSection } from '../photos/ProductPhotoSection';
import { ProductForm } from './ProductForm';

/** "Tambah produk" (no id) or "Ubah produk" with its photos, once the stored product has loaded. */
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
  // The section loads the photos; the readiness panel shows their verdict from the same load.
  const [photoSet, setPhotoSet] = useState<PhotoSet>('loading');
  if (product.state !== 'ready') return <LoadStatus load={product} onRetry={reload} />;
  // Photos belong to a stored product: a new one is saved first.
  const photos = product.value ? (
    <ProductPhotoSection sellerId={sellerId} productId={product.value.id} onLoaded={setPhotoSet} />
  ) : (
    <NewProductPhotoHint />
  );
  return (
    <ProductForm
      sellerId={sellerId}
      sellerName={sellerName}
      product={product.value}
      photos={photos}
      photoSet={product.value ? photoSet : 'new'}
    />
  );
}
