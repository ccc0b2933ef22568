import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoImportReport, RejectedPhoto } from '../../../../electron/shared/photos';
import type { AppError } from '../../../../electron/shared/result';
import { formatNumber } from '../../lib/numbers';
import { errorMessage } from '../../lib/errors';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import type { PhotoImport } from './usePhotoImport';
import { useStudioWords } from './useStudioWords';
import { reasonWords } from './words';

/** Photos a folder may hold before the rest are left out (the core's MAX_FILES_PER_IMPORT). */
const MAX_FILES = 5000;
/** File names shown per refusal reason; the rest are counted. */
const NAMES_SHOWN = 3;

/**
 * After an import, in plain words: how many photos went to their products, how many wait for
 * the seller to choose a product, how many were already there, and which files could not be
 * used, grouped by why, with what to do about it (an iPhone's HEIC: change one camera setting).
 */
export function ImportSummary({
  report,
  toProduct,
  onReview,
  onClose,
}: {
  report: PhotoImportReport;
  /** Photos were added to one product (its own "Tambah foto"), not matched by name. */
  toProduct: boolean;
  /** Scrolls to the photos waiting for a product. */
  onReview?: () => void;
  onClose: () => void;
}) {
  const { t, tr, language } = useStudioWords();
  const titleId = useId();
  const number = (value: number) => formatNumber(value, language);
  const groups = groupByReason(report.rejected);

  return (
    <section className="photo-summary" aria-labelledby={titleId} data-testid="photo-import-summary">
      <div className="photo-summary__head">
        <h3 className="photo-summary__title" id={titleId}>
          {report.files === 0
            ? t('summary.noFilesTitle')
            : t('summary.title', { count: report.files, number: number(report.files) })}
        </h3>
        <button type="button" className="modal-dialog__close" aria-label={t('summary.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {report.files === 0 ? <p className="photo-summary__note">{t('summary.noFiles')}</p> : null}
      <ul className="photo-summary__lines">
        {report.matched > 0 ? (
          <li className="photo-summary__line photo-summary__line--good" data-testid="summary-matched">
            <Icon name="check" />
            <span>
              {toProduct
                ? t('summary.added', { count: report.matched, number: number(report.matched) })
                : t('summary.matched', { count: report.matched, number: number(report.matched) })}
            </span>
          </li>
        ) : null}
        {report.unmatched > 0 ? (
          <li className="photo-summary__line photo-summary__line--review" data-testid="summary-unmatched">
            <Icon name="image" />
            <span>
              {t('summary.unmatched', { count: report.unmatched, number: number(report.unmatched) })}
              {onReview ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={onReview}>
                    {t('summary.review')}
                  </button>
                </>
              ) : null}
            </span>
          </li>
        ) : null}
        {report.duplicates > 0 ? (
          <li className="photo-summary__line photo-summary__line--quiet" data-testid="summary-duplicates">
            <Icon name="stack" />
            <span>{t('summary.duplicates', { count: report.duplicates, number: number(report.duplicates) })}</span>
          </li>
        ) : null}
        {report.rejected.length > 0 ? (
          <li className="photo-summary__line photo-summary__line--bad" data-testid="summary-rejected">
            <Icon name="alert" />
            <div>
              <span>
                {t('summary.rejected', { count: report.rejected.length, number: number(report.rejected.length) })}
              </span>
              <ul className="photo-summary__rejected">
                {groups.map((group) => {
                  const words = reasonWords(tr, group.reason, group.params, language);
                  const shown = group.files.slice(0, NAMES_SHOWN);
                  const more = group.files.length - shown.length;
                  return (
                    <li key={group.reason} className="photo-summary__reason" data-testid={`rejected-${group.reason}`}>
                      <span className="photo-summary__files">
                        {shown.join(', ')}
                        {more > 0 ? ` ${t('summary.more', { count: more, number: number(more) })}` : ''}
                      </span>
                      <span className="photo-summary__what">{words.what}</span>
                      <span className="photo-summary__next">{words.next}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </li>
        ) : null}
      </ul>
      {report.truncated ? (
        <p className="photo-summary__note">{t('summary.truncated', { maximum: number(MAX_FILES) })}</p>
      ) : null}
    </section>
  );
}

interface ReasonGroup {
  readonly reason: string;
  readonly params: RejectedPhoto['params'];
  readonly files: string[];
}

/** Refused files by reason, in the order the reasons first appear. */
function groupByReason(rejected: readonly RejectedPhoto[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const file of rejected) {
    const group = groups.get(file.reason);
    if (group) group.files.push(file.fileName);
    else groups.set(file.reason, { reason: file.reason, params: file.params, files: [file.fileName] });
  }
  return [...groups.values()];
}

/** The import's bar while it runs, and what came of it afterwards (stopped, failed, or the summary). */
export function ImportStatus({
  run,
  toProduct,
  onReview,
}: {
  run: PhotoImport;
  toProduct: boolean;
  onReview?: () => void;
}) {
  const { t } = useStudioWords();
  const { outcome } = run;
  if (run.busy) {
    return (
      <JobProgressBar
        title={t('import.working')}
        progress={run.progress}
        onCancel={run.stop}
        cancelling={run.stopping}
        testId="photo-import-progress"
      />
    );
  }
  if (outcome.state === 'done') {
    return (
      <ImportSummary
        report={outcome.report}
        toProduct={toProduct}
        onClose={run.dismiss}
        {...(onReview ? { onReview } : {})}
      />
    );
  }
  if (outcome.state === 'stopped') {
    return (
      <p className="photo-import__note" role="status" data-testid="photo-import-stopped">
        <Icon name="alert" />
        {t('import.stopped')}
      </p>
    );
  }
  if (outcome.state === 'failed') {
    return <ImportFailed error={outcome.error} />;
  }
  return null;
}

function ImportFailed({ error }: { error: AppError }) {
  const { t } = useStudioWords();
  const { t: ui } = useTranslation();
  return (
    <p className="photo-import__note photo-import__note--bad" role="alert" data-testid="photo-import-failed">
      <Icon name="alert" />
      <span>
        {errorMessage(ui, error)} {t('import.failedNext')}
      </span>
    </p>
  );
}
