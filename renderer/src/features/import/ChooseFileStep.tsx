import { useRef, useState } from 'react';
import type { ImportFile } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/numbers';
import { newJobId, useJobProgress } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { FileProblem } from './FileProblem';
import { useWords } from './useWords';

const INTERNAL: AppError = { code: 'internal', message: 'import:pickFile failed' };

/**
 * Step 1: one big button that opens the system's file dialog; main reads the file it
 * returns. A large file shows a progress bar while it is read; a file that cannot be read
 * says why and what to do, and the button stays right there for the next try.
 */
export function ChooseFileStep({ onFile }: { onFile: (file: ImportFile) => void }) {
  const { t, language } = useWords();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const progress = useJobProgress(jobId);
  const reading = jobId !== null;
  // Each pick gets a number; "Hentikan" moves it on, so a file that finishes reading after
  // the seller gave up is dropped (nothing was written: reading only keeps it in memory).
  const attempt = useRef(0);

  async function pick() {
    const mine = ++attempt.current;
    const job = newJobId('import-read');
    setJobId(job);
    setError(null);
    const answer = await api.invoke('import:pickFile', { jobId: job }).catch(() => null);
    if (mine !== attempt.current) return;
    setJobId(null);
    if (answer === null) setError(INTERNAL);
    else if (!answer.ok) setError(answer.error.code === 'cancelled' ? null : answer.error);
    else if (answer.value) onFile(answer.value);
  }

  function cancel() {
    attempt.current++;
    if (jobId !== null) void api.invoke('jobs:cancel', { jobId }).catch(() => null);
    setJobId(null);
  }

  const mb = (bytes: number) => formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language);

  return (
    <div className="import-choose">
      <div className="import-choose__action">
        <button
          type="button"
          className="button button--primary import-choose__button"
          onClick={() => void pick()}
          disabled={reading}
        >
          <Icon name="sheet" />
          {reading ? t('choose.opening') : t('choose.button')}
        </button>
        <p className="muted">{t('choose.formats')}</p>
      </div>

      {reading && progress ? (
        <JobProgressBar
          title={t('reading.title')}
          progress={progress}
          amount={t('reading.amount', {
            done: mb(progress.done),
            total: mb(progress.total),
            percent: Math.min(100, Math.floor((progress.done / progress.total) * 100)),
          })}
          onCancel={cancel}
          testId="read-progress"
        />
      ) : null}
      {error && !reading ? <FileProblem error={error} /> : null}

      <FileHint />
    </div>
  );
}

/**
 * What a product file looks like, shown as a small table: people who do not use
 * spreadsheets often recognise the shape faster than they read a description of it.
 */
function FileHint() {
  const { t } = useWords();
  const rows = [
    [t('choose.example.shirt'), t('choose.example.red'), '185.000', '10', '250'],
    [t('choose.example.shirt'), t('choose.example.blue'), '185.000', '6', '250'],
    [t('choose.example.dodol'), '', '25rb', '40', '300'],
  ];
  return (
    <section className="import-hint" aria-labelledby="import-hint-title">
      <h3 className="import-hint__title" id="import-hint-title">
        {t('choose.hintTitle')}
      </h3>
      <p>{t('choose.hint')}</p>
      <table className="import-hint__table">
        <caption className="import-hint__caption">{t('choose.exampleCaption')}</caption>
        <thead>
          <tr>
            {(['name', 'colour', 'price', 'stock', 'weight'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`choose.example.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('choose.hintColumns')}</p>
    </section>
  );
}
