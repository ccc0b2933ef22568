import { useTranslation } from 'react-i18next';
import type { Seller } from '../../../../electron/shared/catalogue';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { LoadFailed } from '../../ui/LoadFailed';
import { SellerForm } from './SellerForm';

/** "Tambah peserta" (no id) or "Ubah data peserta" (an existing participant). */
export function SellerFormScreen({ sellerId }: { sellerId: number | undefined }) {
  const { t } = useTranslation();
  const [seller, reload] = useLoad<Seller | null>(
    () => (sellerId ? api.invoke('sellers:get', { id: sellerId }) : Promise.resolve({ ok: true, value: null })),
    String(sellerId ?? 'new'),
  );
  if (seller.state === 'failed') return <LoadFailed error={seller.error} onRetry={reload} />;
  if (seller.state === 'loading') return <p className="muted">{t('app.loading')}</p>;
  return <SellerForm seller={seller.value} />;
}
