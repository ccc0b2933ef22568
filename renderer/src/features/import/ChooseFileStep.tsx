import { useRef, useState } from 'react';
import type { ImportFile } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/numbers';
import { FileProblem } from './FileProblem';
import { useReadProgress, type ReadProgress } from './useReadProgress';
import { useWords } from './useWords';
import { Icon } from '../../ui/Icon';

const INTERNAL: AppError = { code: 'internal', message: 'import:pickFile failed' };

/**
 * Step 1: one big button that opens the system's file dialog; main reads the file it
 * returns. A large file shows a progress bar while it is read; a file that cannot be read
 * says why and what to do, and the button stays right there for the next try.
 */
export function ChooseFileStep({ onFile }: { onFile: (file: ImportFile) => void }) {
  const { t } = useWords();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const progress = useReadProgress(reading);
  // Each pick gets a number; "Batal" moves it on, so a file that finishes reading after
  // the seller gave up is dropped (nothing was written: reading only keeps it in memory).
  const attempt = useRef(0);

  async function pick() {
    const mine = ++attempt.current;
    setReading(true);
    setError(null);
    const answer = await api.invoke('import:pickFile', {}).catch(() => null);
    if (mine !== attempt.current) return;
    setReading(false);
    if (answer === null) setError(INTERNAL);
    else if (!answer.ok) setError(answer.error);
    else if (answer.value) onFile(answer.value);
  }

  function cancel() {
    attempt.current++;
    setReading(false);
  }

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

      {reading && progress ? <ReadingBar progress={progress} onCancel={cancel} /> : null}
      {error && !reading ? <FileProblem error={error} /> : null}

      <FileHint />
    </div>
  );
}

function ReadingBar({ progress, onCancel }: { progress: ReadProgress; onCancel: () => void }) {
  const { t, language } = useWords();
  const mb = (bytes: number) => formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language);
  const percent = Math.min(100, Math.floor((progress.done / progress.total) * 100));
  return (
    <div className="import-progress" role="status" data-testid="read-progress">
      <p className="import-progress__title">{t('reading.title')}</p>
      <progress
        className="import-progress__bar"
        max={progress.total}
        value={progress.done}
        aria-label={t('reading.label')}
      />
      <p className="import-progress__numbers">
        <span>{t('reading.amount', { done: mb(progress.done), total: mb(progress.total), percent })}</span>
        {progress.etaMs !== undefined ? <span> · {timeLeft(t, progress.etaMs)}</span> : null}
      </p>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('reading.cancel')}
      </button>
    </div>
  );
}

type T = ReturnType<typeof useWords>['t'];

/** "sekitar 8 detik lagi", then minutes once it is more than a minute and a half. */
function timeLeft(t: T, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return t('reading.etaSeconds', { count: seconds });
  return t('reading.etaMinutes', { count: Math.ceil(seconds / 60) });
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
