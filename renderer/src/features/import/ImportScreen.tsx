import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportFile, ImportReport } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { useNavigation } from '../../app/navigation';
import { api } from '../../lib/api';
import { newJobId } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { CheckStep } from './CheckStep';
import { ChooseFileStep } from './ChooseFileStep';
import { choiceOf, mappingsOf, type ColumnChoice } from './fields';
import { FileProblem } from './FileProblem';
import { MatchColumnsStep } from './MatchColumnsStep';
import { ResultStep } from './ResultStep';
import { StepIndicator } from './StepIndicator';
import { mappingKey, usePreview } from './usePreview';
import { useWords } from './useWords';

type Stage =
  | { readonly step: 'choose' }
  | { readonly step: 'match'; readonly file: ImportFile }
  | { readonly step: 'check'; readonly file: ImportFile }
  | { readonly step: 'done'; readonly file: ImportFile; readonly report: ImportReport };

const START: Stage = { step: 'choose' };

/** Files up to this many rows are checked again after every change in "Cocokkan kolom". */
const LIVE_MAX_ROWS = 2000;

/**
 * "Impor dari Excel/CSV" for one participant, as four steps on one screen: choose a file,
 * match its columns, check what would happen, see what happened. Nothing is written until
 * "Impor N produk" (one transaction in main: all of the good products, none of the bad),
 * so leaving at any step, by "Batal impor" or the breadcrumb, leaves the catalogue as it was.
 */
export function ImportScreen({ sellerId, sellerName }: { readonly sellerId: number; readonly sellerName: string }) {
  const { t } = useWords();
  const { go } = useNavigation();
  const [stage, setStage] = useState<Stage>(START);
  const [columns, setColumns] = useState<readonly ColumnChoice[]>([]);
  const [commitJob, setCommitJob] = useState<string | null>(null);
  const committing = commitJob !== null;
  const [commitError, setCommitError] = useState<AppError | null>(null);
  const [stopped, setStopped] = useState(false);

  const file = stage.step === 'choose' ? null : stage.file;
  const mapping = useMemo(() => (file ? mappingsOf(columns) : null), [file, columns]);
  const choices = useMemo(() => columns.map((column) => column.choice), [columns]);
  // Checking costs about a second per few thousand rows on a workshop laptop, so a large
  // file is checked once, in step 3 (with a progress bar), rather than after every change
  // of a column.
  const live = file !== null && file.rowCount <= LIVE_MAX_ROWS;
  const previewing = stage.step === 'check' || (stage.step === 'match' && live);
  const preview = usePreview(file ? file.importId : null, sellerId, mapping, previewing);

  // Each step starts like a new page: scrolled to the top, so the step bar shows where the
  // seller is, with focus on the step's heading for keyboard and screen-reader users.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    window.scrollTo(0, 0);
    headingRef.current?.focus({ preventScroll: true });
  }, [stage.step]);

  const toProducts = () => go({ screen: 'products', sellerId, sellerName });

  function opened(next: ImportFile) {
    setColumns(next.mapping.map(choiceOf));
    setCommitError(null);
    setStage({ step: 'match', file: next });
  }

  async function commit() {
    if (!file || !mapping || committing) return;
    const jobId = newJobId('import-write');
    setCommitJob(jobId);
    setCommitError(null);
    setStopped(false);
    const answer = await api
      .invoke('import:commit', { importId: file.importId, sellerId, mapping, jobId })
      .catch(() => null);
    setCommitJob(null);
    if (answer === null) setCommitError({ code: 'internal', message: 'import:commit failed' });
    else if (!answer.ok && answer.error.code === 'cancelled') setStopped(true);
    else if (!answer.ok) setCommitError(answer.error);
    else setStage({ step: 'done', file, report: answer.value });
  }

  function stopCommit() {
    if (commitJob !== null) void api.invoke('jobs:cancel', { jobId: commitJob }).catch(() => null);
  }

  // A preview the import button can trust: of exactly the columns on screen.
  const current = preview.state === 'ready' && preview.key === mappingKey(mapping) ? preview : null;
  const failure = commitError ?? (stage.step !== 'done' && preview.state === 'failed' ? preview.error : null);

  return (
    <div className="import-screen">
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('title')}</h1>
          <p className="screen-head__intro">
            {stage.step === 'done' ? t('introDone', { name: sellerName }) : t('intro', { name: sellerName })}
          </p>
        </div>
        {stage.step !== 'done' ? (
          <div className="screen-head__actions">
            <button type="button" className="button button--quiet" onClick={toProducts} disabled={committing}>
              <Icon name="close" />
              {t('cancel')}
            </button>
          </div>
        ) : null}
      </div>

      <StepIndicator current={stage.step} />

      <section className="panel import-step" aria-labelledby="import-step-heading">
        <h2 className="import-step__heading" id="import-step-heading" tabIndex={-1} ref={headingRef}>
          {stage.step === 'choose' ? t('choose.heading') : null}
          {stage.step === 'match' ? t('match.heading') : null}
          {stage.step === 'check' ? t('check.heading') : null}
          {stage.step === 'done' ? t('result.heading') : null}
        </h2>

        {failure && stage.step !== 'choose' ? (
          <FileProblem
            error={failure}
            action={
              <button type="button" className="button" onClick={() => setStage(START)}>
                {t('fileError.another')}
              </button>
            }
          />
        ) : null}

        {stage.step === 'choose' ? <ChooseFileStep onFile={opened} /> : null}
        {stage.step === 'match' ? (
          <MatchColumnsStep
            file={stage.file}
            columns={columns}
            onColumns={setColumns}
            preview={preview}
            live={live}
            onNext={() => setStage({ step: 'check', file: stage.file })}
            onAnotherFile={() => setStage(START)}
          />
        ) : null}
        {stage.step === 'check' ? (
          <CheckStep
            file={stage.file}
            choices={choices}
            preview={current ?? preview}
            commitJob={commitJob}
            onCommit={() => void commit()}
            onStopCommit={stopCommit}
            stopped={stopped}
            sellerName={sellerName}
            onProducts={toProducts}
            onBack={() => {
              setCommitError(null);
              setStopped(false);
              setStage({ step: 'match', file: stage.file });
            }}
          />
        ) : null}
        {stage.step === 'done' ? (
          <ResultStep
            file={stage.file}
            choices={choices}
            report={stage.report}
            sellerName={sellerName}
            onProducts={toProducts}
            onAnother={() => setStage(START)}
          />
        ) : null}
      </section>
    </div>
  );
}
