import type { ImportFile } from '../../../../electron/shared/imports';
import { useJobProgress } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import type { Choice } from './fields';
import { FileSummary } from './FileSummary';
import { ActionLists, CountTiles, ProblemList } from './ReportView';
import type { Preview } from './usePreview';
import { useWords } from './useWords';

/**
 * Step 3: what importing would do, before anything is written. Problems come first (they
 * are what the seller acts on), then what will be created and updated. The import button
 * names how many products it will write, and only works once the preview it is based on
 * matches the columns chosen.
 */
export function CheckStep({
  file,
  choices,
  preview,
  commitJob,
  onCommit,
  onStopCommit,
  stopped,
  onBack,
  sellerName,
  onProducts,
}: {
  file: ImportFile;
  choices: readonly Choice[];
  preview: Preview;
  /** The running import's job id (null when not importing). */
  commitJob: string | null;
  onCommit: () => void;
  onStopCommit: () => void;
  /** The last import was stopped by the seller (so nothing was written). */
  stopped: boolean;
  onBack: () => void;
  sellerName: string;
  onProducts: () => void;
}) {
  const { t } = useWords();
  const report = preview.state === 'ready' ? preview.report : null;
  const writes = report ? report.created + report.updated : 0;
  const committing = commitJob !== null;
  const checking = useJobProgress(preview.state === 'loading' ? preview.jobId : null);
  const saving = useJobProgress(commitJob);

  return (
    <div className="import-check">
      <FileSummary file={file} />
      <p className="import-step__intro">{t('check.intro')}</p>

      {preview.state === 'loading' ? (
        <JobProgressBar
          title={t('check.checking', { rows: file.rowCount })}
          progress={checking}
          testId="check-progress"
        />
      ) : null}

      {report ? (
        <>
          <CountTiles report={report} />
          <ProblemList outcomes={report.outcomes} headers={file.headers} choices={choices} />
          <ActionLists outcomes={report.outcomes} />
          {report.outcomesCut ? <p className="muted">{t('check.cut', { count: report.outcomes.length })}</p> : null}
        </>
      ) : null}

      <div className="import-bar import-bar--sticky">
        {/* In the bar that stays on screen: the list above can be thousands of rows long.
            One transaction, so stopping keeps none of it. */}
        {committing ? (
          <JobProgressBar
            title={t('check.saving', { count: writes })}
            progress={saving}
            onCancel={onStopCommit}
            testId="commit-progress"
          />
        ) : null}
        {stopped && !committing ? (
          <p className="import-bar__note" role="status" data-testid="import-stopped">
            {t('check.stopped')}
          </p>
        ) : null}

        <button
          type="button"
          className="button button--primary import-bar__main"
          onClick={onCommit}
          disabled={!report || writes === 0 || committing}
        >
          <Icon name="check" />
          {committing ? t('check.importing') : t('check.import', { count: writes })}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack} disabled={committing}>
          <Icon name="back" />
          {t('check.back')}
        </button>
        {/* Nothing to import: the way on is back to the products, not a disabled button. */}
        {report && writes === 0 ? (
          <>
            <button type="button" className="button" onClick={onProducts}>
              <Icon name="box" />
              {t('result.toProducts', { name: sellerName })}
            </button>
            <p className="import-bar__note" data-testid="nothing-to-import">
              {report.unchanged > 0 && report.skipped === 0 ? t('check.allUnchanged') : t('check.nothing')}
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
