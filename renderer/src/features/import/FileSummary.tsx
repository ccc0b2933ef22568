import type { ImportFile } from '../../../../electron/shared/imports';
import { Icon } from '../../ui/Icon';
import { noteWords } from './messages';
import { useWords } from './useWords';

/**
 * The file being imported ("produk-bu-siti.xlsx · 18 baris · lembar “Produk”"), with a way
 * to pick another, and what the reader noticed about it (hidden sheets, merged cells...).
 */
export function FileSummary({ file, onChange }: { file: ImportFile; onChange?: () => void }) {
  const { t, tr, language } = useWords();
  return (
    <div className="import-file">
      <div className="import-file__line">
        <span className="import-file__icon">
          <Icon name="sheet" />
        </span>
        <p className="import-file__text">
          <strong className="import-file__name" data-testid="file-name">
            {file.fileName}
          </strong>
          <span className="muted">
            {' · '}
            {t('file.rows', { count: file.rowCount })}
            {file.sheetName ? ` · ${t('file.sheet', { sheet: file.sheetName })}` : ''}
          </span>
        </p>
        {onChange ? (
          <button type="button" className="button button--quiet" onClick={onChange}>
            {t('file.change')}
          </button>
        ) : null}
      </div>
      {file.notes.length > 0 ? (
        <div className="import-notes" data-testid="file-notes">
          <p className="import-notes__title">
            <Icon name="alert" />
            {t('notes.title')}
          </p>
          <ul className="import-notes__list">
            {file.notes.map((note, index) => (
              <li key={index}>{noteWords(tr, note, language)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
