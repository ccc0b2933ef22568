import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/shared/result';
import { errorMessage } from '../lib/errors';

/** A list that could not load says why and offers to try again; never a blank page. */
export function LoadFailed({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-failed" role="alert">
      <p>
        <strong>{t('app.loadFailed')}</strong> {errorMessage(t, error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('actions.retry')}
      </button>
    </div>
  );
}
