import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marketplace } from '../../../../electron/shared/uploads';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { Icon } from '../../ui/Icon';
import { forgetCategory } from '../categories/useCategoryDetail';

/**
 * A category from the marketplace's full list whose questions ("Masa Simpan", "Bahan") are
 * not on this laptop yet: one button brings them, through the participant's connected shop
 * (Lazada first, else the practice shop). Needs the internet for Lazada.
 */
export function FetchAttributes({
  sellerId,
  categoryId,
  onLoaded,
}: {
  sellerId: number;
  categoryId: number;
  onLoaded: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  async function fetchNow() {
    setBusy(true);
    setFailure(null);
    const failed = (error: AppError) => {
      setBusy(false);
      setFailure(error);
    };
    const connections = await api.invoke('uploads:connections', { sellerId }).catch(() => null);
    if (!connections?.ok) return failed(connections?.error ?? { code: 'internal', message: 'connections' });
    const connected = (m: Marketplace) => connections.value.some((c) => c.marketplace === m && c.state === 'connected');
    const marketplace: Marketplace | null = connected('lazada') ? 'lazada' : connected('practice') ? 'practice' : null;
    if (marketplace === null) return failed({ code: 'not_connected', message: 'no connected shop' });
    const answer = await api
      .invoke('categories:loadAttributes', { sellerId, marketplace, categoryId })
      .catch(() => null);
    if (!answer?.ok) return failed(answer?.error ?? { code: 'internal', message: 'loadAttributes' });
    setBusy(false);
    forgetCategory(categoryId);
    onLoaded();
  }

  return (
    <div className="attributes__fetch">
      <p className="attributes__note">{t('attributes.unknown')}</p>
      <button type="button" className="button" onClick={() => void fetchNow()} disabled={busy}>
        <Icon name="download" />
        {busy ? t('attributes.fetching') : t('attributes.fetch')}
      </button>
      {failure ? (
        <p className="field__error" role="alert">
          {errorMessage(t, failure)}
        </p>
      ) : null}
    </div>
  );
}
