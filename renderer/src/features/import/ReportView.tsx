import { useState } from 'react';
import type { ImportAction, ImportOutcome, ImportReport } from '../../../../electron/shared/imports';
import { formatNumber } from '../../lib/numbers';
import { Icon } from '../../ui/Icon';
import type { Choice } from './fields';
import { issueChoice, issuePlace, lineRanges, reasonWords } from './messages';
import { useWords } from './useWords';

/** Products listed at first per section; the rest are one click away (a file may have thousands). */
const FIRST_SHOWN = 50;

/**
 * "12 produk baru · 3 diperbarui · 1 tidak berubah · 2 dilewati (5 baris)", as four tiles
 * a glance can take in; skipped is red only when there is something to fix.
 */
export function CountTiles({ report, stale = false }: { report: ImportReport; stale?: boolean }) {
  const { t, language } = useWords();
  const tile = (action: ImportAction, count: number, extra?: string) => (
    <li
      className={`import-count import-count--${action}${count === 0 ? ' import-count--zero' : ''}`}
      data-testid={`count-${action}`}
    >
      <span className="import-count__number">{formatNumber(count, language)}</span>
      <span className="import-count__label">
        {t(`tiles.${action}`, { count })}
        {extra ? <span className="import-count__extra"> {extra}</span> : null}
      </span>
    </li>
  );
  return (
    <ul
      className={`import-counts${stale ? ' import-counts--stale' : ''}`}
      aria-label={countsSentence(t, report)}
      aria-busy={stale}
      data-testid="counts"
    >
      {tile('created', report.created)}
      {tile('updated', report.updated)}
      {tile('unchanged', report.unchanged)}
      {tile(
        'skipped',
        report.skipped,
        report.skipped > 0 ? t('counts.skippedRows', { count: report.skippedRows }) : undefined,
      )}
    </ul>
  );
}

type Words = ReturnType<typeof useWords>;

/** The counts as one sentence: "12 produk baru, 3 diperbarui, 1 tidak berubah, 2 dilewati (5 baris)". */
export function countsSentence(t: Words['t'], report: ImportReport): string {
  const parts = [
    t('counts.created', { count: report.created }),
    t('counts.updated', { count: report.updated }),
    t('counts.unchanged', { count: report.unchanged }),
    `${t('counts.skipped', { count: report.skipped })}${report.skipped > 0 ? ` ${t('counts.skippedRows', { count: report.skippedRows })}` : ''}`,
  ];
  return parts.join(', ');
}

/** Skipped products, each with its rows and every problem found, worded for the seller. */
export function ProblemList({
  outcomes,
  headers,
  choices,
  committed = false,
}: {
  outcomes: readonly ImportOutcome[];
  headers: readonly string[];
  /** What each column was matched to, for examples that fit the column. */
  choices: readonly Choice[];
  committed?: boolean;
}) {
  const { t, tr, language } = useWords();
  const [shown, setShown] = useState(FIRST_SHOWN);
  const skipped = outcomes.filter((outcome) => outcome.action === 'skipped');
  if (skipped.length === 0) return null;
  return (
    <section className="import-problems" aria-labelledby="import-problems-title">
      <h3 className="import-section__title" id="import-problems-title">
        <Icon name="alert" />
        {t('check.problemsTitle')}
      </h3>
      <p className="import-section__intro">{committed ? t('result.problemsIntro') : t('check.problemsIntro')}</p>
      <ul className="import-problems__list" data-testid="problems">
        {skipped.slice(0, shown).map((outcome, index) => (
          <li key={`${outcome.lines[0] ?? index}`} className="import-problems__item">
            <p className="import-problems__name">
              <strong>{outcome.name || t('check.noName')}</strong>
              <span className="muted"> · {t('check.lines', { lines: lineRanges(outcome.lines) })}</span>
            </p>
            <ul className="import-problems__issues">
              {outcome.issues.map((issue, at) => (
                <li key={at}>
                  <span className="import-problems__place">{issuePlace(tr, issue, headers)}:</span>{' '}
                  {reasonWords(tr, issue, language, issueChoice(issue, headers, choices))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <MoreButton total={skipped.length} shown={shown} onMore={() => setShown(skipped.length)} />
      <p className="import-fix-later">{t('check.fixLater')}</p>
    </section>
  );
}

/** What will be (or was) created, updated or left alone: names and rows, so nothing is a surprise. */
export function ActionLists({
  outcomes,
  committed = false,
}: {
  outcomes: readonly ImportOutcome[];
  committed?: boolean;
}) {
  const { t } = useWords();
  const sections = [
    { action: 'created', title: committed ? t('result.createdTitle') : t('check.createdTitle') },
    { action: 'updated', title: committed ? t('result.updatedTitle') : t('check.updatedTitle') },
    { action: 'unchanged', title: committed ? t('result.unchangedTitle') : t('check.unchangedTitle') },
  ] as const;
  return (
    <>
      {sections.map(({ action, title }) => {
        const items = outcomes.filter((outcome) => outcome.action === action);
        return items.length > 0 ? <ActionList key={action} action={action} title={title} items={items} /> : null;
      })}
    </>
  );
}

function ActionList({
  action,
  title,
  items,
}: {
  action: ImportAction;
  title: string;
  items: readonly ImportOutcome[];
}) {
  const { t, language } = useWords();
  const [shown, setShown] = useState(FIRST_SHOWN);
  // Unchanged products need no attention; the others are open so the seller sees the names.
  return (
    <details className={`import-actions import-actions--${action}`} open={action !== 'unchanged'}>
      <summary className="import-actions__summary">
        {title} <span className="import-actions__count">({formatNumber(items.length, language)})</span>
      </summary>
      <ul className="import-actions__list" data-testid={`list-${action}`}>
        {items.slice(0, shown).map((outcome, index) => (
          <li key={`${outcome.lines[0] ?? index}`} className="import-actions__item">
            <span className="import-actions__name">{outcome.name || t('check.noName')}</span>
            <span className="muted">{t('check.lines', { lines: lineRanges(outcome.lines) })}</span>
          </li>
        ))}
      </ul>
      <MoreButton total={items.length} shown={shown} onMore={() => setShown(items.length)} />
    </details>
  );
}

function MoreButton({ total, shown, onMore }: { total: number; shown: number; onMore: () => void }) {
  const { t } = useWords();
  if (total <= shown) return null;
  return (
    <button type="button" className="link-button import-more" onClick={onMore}>
      {t('check.more', { count: total - shown })}
    </button>
  );
}
