import type { AppError } from '../../../../electron/shared/result';
import type { DrainReport, EnqueueResult, RefusedProduct } from '../../../../electron/shared/uploads';
import { errorMessage } from '../../lib/errors';
import type { JobProgress } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { useTranslation } from 'react-i18next';
import { useUploadWords } from './useUploadWords';
import { problemText } from './words';

/** What the last press of "Unggah" did: kept raw, worded at render time (a language switch re-words it). */
export interface UploadOutcome {
  readonly queued: EnqueueResult | null;
  readonly report: DrainReport | null;
  readonly error: AppError | null;
  /** Nothing new to send and nothing waiting: no upload was started. */
  readonly nothingToSend: boolean;
}

export type UploadPhase = 'idle' | 'checking' | 'sending';

/**
 * "Unggah produk siap jual": one big button; while it works, a bar with the count, the time
 * left and "Hentikan"; afterwards, quietly, what happened (the queue is safe when the link
 * dropped) and the products the checks before upload refused, each with its problems in
 * words and a way to fix it.
 */
export function UploadPanel({
  shopName,
  connected,
  readyCount,
  phase,
  progress,
  cancelling,
  outcome,
  onUpload,
  onCancel,
  onFix,
}: {
  /** The shop products go to ("Toko latihan", "Lazada"), for the progress line. */
  shopName: string;
  connected: boolean;
  readyCount: number;
  phase: UploadPhase;
  progress: JobProgress | null;
  cancelling: boolean;
  outcome: UploadOutcome | null;
  onUpload: () => void;
  onCancel: () => void;
  onFix: (product: RefusedProduct) => void;
}) {
  const { t } = useUploadWords();
  const busy = phase !== 'idle';
  return (
    <section className="panel upload-panel" aria-labelledby="upload-panel-title">
      <h2 className="panel__title" id="upload-panel-title">
        {t('screen.upload.title')}
      </h2>
      <div className="upload-panel__action">
        <button
          type="button"
          className="button button--primary upload-panel__button"
          onClick={onUpload}
          disabled={!connected || busy}
        >
          <Icon name="send" />
          {t('screen.upload.button')}
        </button>
        <p className="upload-panel__note">
          {!connected
            ? t('screen.upload.connectFirst')
            : readyCount > 0
              ? t('screen.upload.ready', { count: readyCount })
              : t('screen.upload.noneReady')}
        </p>
      </div>

      {busy ? (
        <JobProgressBar
          title={
            phase === 'checking' ? t('screen.upload.preparing') : t('screen.upload.progressTo', { shop: shopName })
          }
          progress={phase === 'sending' ? progress : null}
          {...(phase === 'sending' ? { onCancel } : {})}
          cancelling={cancelling}
          testId="upload-progress"
        />
      ) : null}
      {!busy && outcome ? <OutcomeView outcome={outcome} onFix={onFix} /> : null}
    </section>
  );
}

function OutcomeView({ outcome, onFix }: { outcome: UploadOutcome; onFix: (product: RefusedProduct) => void }) {
  const { t, tr } = useUploadWords();
  const { t: ui } = useTranslation();
  const { queued, report, error } = outcome;
  const lines: string[] = [];
  const count = queued?.queued ?? 0;
  if (outcome.nothingToSend) lines.push(t('screen.result.nothingNew'));
  if (report?.outcome === 'done' && count > 0) lines.push(t('screen.result.sent', { count }));
  else if (count > 0) lines.push(t('screen.result.queued', { count }));
  if (report && !(report.outcome === 'done' && count > 0)) {
    if (report.outcome !== 'clock' || report.clockOffsetMs === undefined) lines.push(t(`outcome.${report.outcome}`));
    else {
      lines.push(t('common:errors.clock_wrong', { minutes: Math.round(Math.abs(report.clockOffsetMs) / 60_000) }));
    }
    if (report.outcome === 'offline' && report.retryInMs !== undefined) {
      lines.push(t('screen.outcome.retryIn', { count: Math.max(1, Math.ceil(report.retryInMs / 60_000)) }));
    }
  }
  const trouble = error !== null || (report !== null && report.outcome !== 'done');
  const refused = queued?.refused ?? [];

  return (
    <div className="upload-outcome" data-testid="upload-outcome">
      {lines.length > 0 || error ? (
        <div className={`upload-outcome__message${trouble ? ' upload-outcome__message--warn' : ''}`} role="status">
          <Icon name={trouble ? 'alert' : 'check'} />
          <div>
            {lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {error ? <p>{errorMessage(ui, error)}</p> : null}
          </div>
        </div>
      ) : null}
      {refused.length > 0 ? (
        <div className="upload-refused" data-testid="upload-refused">
          <p className="upload-refused__title">{t('screen.result.refused', { count: refused.length })}</p>
          <ul className="upload-refused__list">
            {refused.map((product) => (
              <li key={product.productId} className="upload-refused__item" aria-label={product.name}>
                <div className="upload-refused__text">
                  <strong className="upload-refused__name">{product.name}</strong>
                  <span className="upload-refused__problems">
                    {product.problems.map((problem) => problemText(tr, problem)).join(' · ')}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  onClick={() => onFix(product)}
                  aria-label={t('screen.result.fixNamed', { name: product.name })}
                >
                  <Icon name="edit" />
                  {t('screen.result.fix')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
