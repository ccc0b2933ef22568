import { useState } from 'react';
import type { ImportFile, ImportReport } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { Icon } from '../../ui/Icon';
import type { Choice } from './fields';
import { saveProblemWords } from './messages';
import { ActionLists, CountTiles, ProblemList } from './ReportView';
import { summarySheet } from './summary';
import { useWords } from './useWords';

type Saving =
  | { readonly state: 'idle' }
  | { readonly state: 'saving' }
  | { readonly state: 'saved'; readonly fileName: string }
  | { readonly state: 'failed'; readonly error: AppError };

/**
 * Step 4: what was written, what was skipped and why (so the seller can fix the file and
 * import it again), a summary file to take away, and the two ways on.
 */
export function ResultStep({
  file,
  report,
  choices,
  sellerName,
  onProducts,
  onAnother,
}: {
  file: ImportFile;
  report: ImportReport;
  choices: readonly Choice[];
  sellerName: string;
  onProducts: () => void;
  onAnother: () => void;
}) {
  const { t, tr, language } = useWords();
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const saved = report.created + report.updated;

  async function download() {
    setSaving({ state: 'saving' });
    const sheet = summarySheet(tr, report, file.fileName, file.headers, choices, language);
    const answer = await api.invoke('files:saveSheet', sheet).catch(() => null);
    if (answer === null) setSaving({ state: 'failed', error: { code: 'internal', message: 'files:saveSheet failed' } });
    else if (!answer.ok) setSaving({ state: 'failed', error: answer.error });
    // Cancelled in the save dialog: nothing to say.
    else setSaving(answer.value ? { state: 'saved', fileName: answer.value.fileName } : { state: 'idle' });
  }

  return (
    <div className="import-result">
      <p className="import-result__headline" data-testid="result-headline">
        <span className="import-result__tick" aria-hidden="true">
          <Icon name="check" />
        </span>
        {saved > 0 ? t('result.saved', { count: saved, name: sellerName }) : t('result.nothingSaved')}
      </p>
      <CountTiles report={report} />
      {report.skipped > 0 ? (
        <p className="import-result__skipped">{t('result.skipped', { count: report.skipped })}</p>
      ) : null}

      <div className="import-bar">
        <button type="button" className="button button--primary import-bar__main" onClick={onProducts}>
          <Icon name="box" />
          {t('result.toProducts', { name: sellerName })}
        </button>
        <button type="button" className="button" onClick={onAnother}>
          <Icon name="sheet" />
          {t('result.another')}
        </button>
        <button type="button" className="button" onClick={() => void download()} disabled={saving.state === 'saving'}>
          <Icon name="downloadReport" />
          {saving.state === 'saving' ? t('result.saving') : t('result.download')}
        </button>
      </div>
      <p className="muted import-result__hint">{t('result.downloadHint')}</p>
      {saving.state === 'saved' ? (
        <p className="import-result__saved" role="status" data-testid="summary-saved">
          {t('result.summarySaved', { file: saving.fileName })}
        </p>
      ) : null}
      {saving.state === 'failed' ? (
        <p className="import-result__failed" role="alert">
          {t('result.saveFailed', { reason: saveProblemWords(tr, saving.error, language) })}
        </p>
      ) : null}

      <ProblemList outcomes={report.outcomes} headers={file.headers} choices={choices} committed />
      <ActionLists outcomes={report.outcomes} committed />
    </div>
  );
}
