import { api } from '../../lib/api';
import { useLoadRecord } from '../../lib/useLoad';
import { LoadStatus } from '../../ui/LoadStatus';
import { SellerForm } from './SellerForm';

/** "Tambah peserta" (no id) or "Ubah data peserta" (an existing participant). */
export function SellerFormScreen({ sellerId }: { sellerId: number | undefined }) {
  const [seller, reload] = useLoadRecord(sellerId, (id) => api.invoke('sellers:get', { id }));
  if (seller.state !== 'ready') return <LoadStatus load={seller} onRetry={reload} />;
  return <SellerForm seller={seller.value} />;
}
