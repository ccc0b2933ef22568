import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../lib/useJobProgress';

/**
 * Long work as the seller sees it: what is happening, a bar, "1.200 dari 4.000 (30%)",
 * the time left once it can be told, and a button to stop. Before the first progress
 * event the bar is a moving stripe, never a made-up percentage.
 */
export function JobProgressBar({
  title,
  progress,
  amount,
  onCancel,
  cancelling = false,
  testId,
}: {
  title: string;
  progress: JobProgress | null;
  /** Replaces the default "done of total" line (e.g. megabytes read). */
  amount?: string;
  onCancel?: () => void;
  cancelling?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('ui');
  const percent = progress ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="job-progress" role="status" data-testid={testId}>
      <p className="job-progress__title">{title}</p>
      {progress ? (
        <progress
          className="job-progress__bar"
          max={progress.total}
          value={progress.done}
          aria-label={t('progress.label')}
        />
      ) : (
        <div className="job-working" aria-hidden="true">
          <div className="job-working__stripe" />
        </div>
      )}
      <p className="job-progress__numbers">
        {progress ? (
          <span>{amount ?? t('progress.count', { done: progress.done, total: progress.total, percent })}</span>
        ) : (
          <span>{t('progress.starting')}</span>
        )}
        {progress?.etaMs !== undefined ? <span> · {timeLeft(t, progress.etaMs)}</span> : null}
      </p>
      {onCancel ? (
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('progress.cancelling') : t('progress.cancel')}
        </button>
      ) : null}
    </div>
  );
}

type T = ReturnType<typeof useTranslation<'ui'>>['t'];

/** "sekitar 8 detik lagi", then minutes once it is more than a minute and a half. */
function timeLeft(t: T, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return t('progress.etaSeconds', { count: seconds });
  return t('progress.etaMinutes', { count: Math.ceil(seconds / 60) });
}
