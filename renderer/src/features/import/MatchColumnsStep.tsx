import { useState } from 'react';
import type { ImportFile } from '../../../../electron/shared/imports';
import { Icon } from '../../ui/Icon';
import { CHOICE_GROUPS, choose, hasChoice, type Choice, type ColumnChoice } from './fields';
import { FileSummary } from './FileSummary';
import { choiceName } from './messages';
import { CountTiles } from './ReportView';
import type { Preview } from './usePreview';
import { useWords } from './useWords';

/** Sample values shown per column: enough to recognise it, few enough to keep rows short. */
const EXAMPLES = 3;
const EXAMPLE_CHARS = 40;

/**
 * Step 2: one row per column of the file, with a few of its values and a select saying
 * what it holds, pre-filled with Akar's guess. The counts underneath follow every change,
 * so the seller sees at once what a choice does.
 */
export function MatchColumnsStep({
  file,
  columns,
  onColumns,
  preview,
  live,
  onNext,
  onAnotherFile,
}: {
  file: ImportFile;
  columns: readonly ColumnChoice[];
  onColumns: (columns: readonly ColumnChoice[]) => void;
  preview: Preview;
  /** Whether the counts follow each change (small files) or wait for the next step. */
  live: boolean;
  onNext: () => void;
  onAnotherFile: () => void;
}) {
  const { t, tr } = useWords();
  // The column that lost its field to the last change ("Harga lama" is now ignored).
  const [freed, setFreed] = useState<{ index: number; choice: Choice } | null>(null);

  function change(index: number, next: ColumnChoice) {
    const before = columns[index];
    const result = choose(columns, index, next);
    onColumns(result.columns);
    setFreed(result.freed !== null && before ? { index: result.freed, choice: next.choice } : null);
  }

  const unnamedAttribute = columns.some((column) => column.choice === 'attribute' && !column.attribute.trim());
  const warnings = [
    ...(hasChoice(columns, 'name') || hasChoice(columns, 'productKey') ? [] : [t('match.noName')]),
    ...(hasChoice(columns, 'price') ? [] : [t('match.noPrice')]),
  ];

  return (
    <div className="import-match">
      <FileSummary file={file} onChange={onAnotherFile} />
      <p className="import-step__intro">{t('match.intro')}</p>

      <table className="import-columns" aria-label={t('match.table')}>
        <thead>
          <tr>
            <th scope="col">{t('match.column')}</th>
            <th scope="col">{t('match.examples')}</th>
            <th scope="col">{t('match.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {file.headers.map((header, index) => {
            const column = columns[index] ?? { choice: 'ignore', attribute: '' };
            const selectId = `import-column-${index}`;
            const ignored = column.choice === 'ignore';
            return (
              <tr key={index} className={ignored ? 'import-columns__row--ignored' : undefined}>
                <th scope="row" className="import-columns__header">
                  {header}
                </th>
                <td className="import-columns__examples">
                  <Examples values={examples(file, index)} />
                </td>
                <td>
                  <div className="import-columns__choice">
                    <select
                      id={selectId}
                      className="input import-columns__select"
                      value={column.choice}
                      aria-label={t('match.meaningFor', { column: header })}
                      onChange={(event) => change(index, { ...column, choice: event.target.value as Choice })}
                    >
                      {CHOICE_GROUPS.map(({ group, choices }) => (
                        <optgroup key={group} label={t(`groups.${group}`)}>
                          {choices.map((choice) => (
                            <option key={choice} value={choice}>
                              {choiceName(tr, choice)}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {column.choice === 'attribute' ? (
                      <AttributeName
                        id={`${selectId}-attribute`}
                        header={header}
                        value={column.attribute}
                        onChange={(attribute) => change(index, { ...column, attribute })}
                      />
                    ) : null}
                    <WeightHint choice={column.choice} values={file.sample.map((row) => row[index] ?? '')} />
                    {freed?.index === index ? (
                      <p className="import-columns__freed" role="status">
                        {t('match.freed', { column: header, field: choiceName(tr, freed.choice) })}
                      </p>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {warnings.length > 0 ? (
        <ul className="import-warnings" data-testid="mapping-warnings">
          {warnings.map((warning) => (
            <li key={warning}>
              <Icon name="alert" />
              {warning}
            </li>
          ))}
        </ul>
      ) : null}

      {live ? (
        <LiveCounts preview={preview} />
      ) : (
        <p className="muted import-live" data-testid="large-file">
          {t('match.large')}
        </p>
      )}

      <div className="import-bar import-bar--sticky">
        <button
          type="button"
          className="button button--primary import-bar__main"
          onClick={onNext}
          disabled={unnamedAttribute}
        >
          {t('match.next')}
          <Icon name="arrow" />
        </button>
        <button type="button" className="button button--quiet" onClick={onAnotherFile}>
          <Icon name="back" />
          {t('match.back')}
        </button>
      </div>
    </div>
  );
}

function AttributeName({
  id,
  header,
  value,
  onChange,
}: {
  id: string;
  header: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useWords();
  const missing = !value.trim();
  return (
    <div className={missing ? 'field field--invalid import-columns__attribute' : 'field import-columns__attribute'}>
      <label className="field__label" htmlFor={id}>
        {t('match.attributeName')}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={60}
        aria-label={t('match.attributeNameFor', { column: header })}
        aria-invalid={missing}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className={missing ? 'field__error' : 'field__hint'} id={`${id}-hint`}>
        {missing ? t('match.attributeNameMissing') : t('match.attributeNameHint')}
      </p>
    </div>
  );
}

function Examples({ values }: { values: readonly string[] }) {
  const { t } = useWords();
  if (values.length === 0) return <span className="muted">{t('match.empty')}</span>;
  return (
    <ul className="import-examples">
      {values.map((value, index) => (
        <li key={index} className="import-examples__value" title={value}>
          {value.length > EXAMPLE_CHARS ? `${value.slice(0, EXAMPLE_CHARS)}…` : value}
        </li>
      ))}
    </ul>
  );
}

/** Plain numbers (no unit): "250" and "0,5"; "250 gr" says its own unit and is read right. */
const BARE_WHOLE = /^\d+$/;
const BARE_DECIMAL = /^\d*[.,]\d+$/;

/**
 * A weight column read in the wrong unit would store a 250-gram parcel as 250 kg (which
 * is within the limit, so nothing else would catch it). Plain numbers that only make
 * sense in the other unit get a note with the choice to make instead.
 */
function WeightHint({ choice, values }: { choice: Choice; values: readonly string[] }) {
  const { t } = useWords();
  const trimmed = values.map((value) => value.trim());
  let hint: string | null = null;
  if (choice === 'weightKg') {
    const large = trimmed.find((value) => BARE_WHOLE.test(value) && Number(value) >= 30);
    if (large) hint = t('match.looksLikeGrams', { value: large });
  } else if (choice === 'weightG') {
    const small = trimmed.find((value) => BARE_DECIMAL.test(value) && Number(value.replace(',', '.')) < 10);
    if (small) hint = t('match.looksLikeKg', { value: small });
  }
  if (!hint) return null;
  return (
    <p className="import-columns__hint" role="status">
      <Icon name="alert" />
      {hint}
    </p>
  );
}

/** The first few filled cells of a column, from the rows main sent as a sample. */
function examples(file: ImportFile, index: number): string[] {
  const values: string[] = [];
  for (const row of file.sample) {
    const value = (row[index] ?? '').trim();
    if (value && !values.includes(value)) values.push(value);
    if (values.length === EXAMPLES) break;
  }
  return values;
}

/** "Dengan pilihan ini: …" under the table, following each change. */
function LiveCounts({ preview }: { preview: Preview }) {
  const { t } = useWords();
  const report = preview.state === 'ready' ? preview.report : preview.state === 'loading' ? preview.previous : null;
  if (!report) {
    return preview.state === 'loading' ? <p className="muted import-live">{t('match.checking')}</p> : null;
  }
  return (
    <div className="import-live" data-testid="live-counts">
      <p className="import-live__title">
        {t('match.live')}
        {preview.state === 'loading' ? <span className="muted"> {t('match.checking')}</span> : null}
      </p>
      <CountTiles report={report} stale={preview.state === 'loading'} />
    </div>
  );
}
