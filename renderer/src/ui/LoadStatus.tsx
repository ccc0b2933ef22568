import { useTranslation } from 'react-i18next';
import type { Load } from '../lib/useLoad';
import { LoadFailed } from './LoadFailed';

/** What a screen shows until its data is there: "Memuat…", or why it failed and "Coba lagi". */
export function LoadStatus({
  load,
  onRetry,
}: {
  load: Exclude<Load<unknown>, { readonly state: 'ready' }>;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (load.state === 'failed') return <LoadFailed error={load.error} onRetry={onRetry} />;
  return <p className="muted">{t('app.loading')}</p>;
}
