import type { Language } from '../../../../electron/shared/catalogue';
import type { ImportReport, SaveSheetInput } from '../../../../electron/shared/imports';
import type { Choice } from './fields';
import { actionName, issueChoice, issueColumn, lineRanges, reasonWords, type Translate } from './messages';

/** What `files:saveSheet` accepts (see saveSheetInput). */
const MAX_ROWS = 20_000;
const MAX_NAME = 90;

/**
 * The "Unduh ringkasan" table: Baris, Produk, Hasil, Masalah, in the seller's language.
 * One row per problem (so each can be ticked off while fixing the file) and one per
 * product without problems, ordered by row so it reads side by side with the file.
 */
export function summarySheet(
  t: Translate,
  report: ImportReport,
  fileName: string,
  headers: readonly string[],
  choices: readonly Choice[],
  language: Language,
): SaveSheetInput {
  const rows: { line: number; outcome: number; cells: string[] }[] = [];
  report.outcomes.forEach((outcome, at) => {
    const name = outcome.name || t('importer:check.noName');
    const action = actionName(t, outcome.action);
    if (outcome.issues.length === 0) {
      rows.push({
        line: Math.min(...outcome.lines),
        outcome: at,
        cells: [lineRanges(outcome.lines), name, action, ''],
      });
      return;
    }
    for (const issue of outcome.issues) {
      const column = issueColumn(issue, headers);
      const reason = reasonWords(t, issue, language, issueChoice(issue, headers, choices));
      const problem = column ? `${column}: ${reason}` : reason;
      rows.push({ line: issue.line, outcome: at, cells: [String(issue.line), name, action, problem] });
    }
  });
  rows.sort((a, b) => a.line - b.line);
  const kept = rows.slice(0, MAX_ROWS - 1);
  const cells = kept.map((row) => row.cells);
  // Main sends a few thousand products at most (problems first), and the file takes
  // 20,000 rows: whatever is left out is counted, never silently missing.
  const total = report.created + report.updated + report.unchanged + report.skipped;
  const unlisted = total - new Set(kept.map((row) => row.outcome)).size;
  if (unlisted > 0) cells.push(['', t('importer:summary.cut', { count: unlisted }), '', '']);
  return {
    suggestedName: summaryName(t, fileName),
    headers: [
      t('importer:summary.line'),
      t('importer:summary.product'),
      t('importer:summary.outcome'),
      t('importer:summary.problem'),
    ],
    rows: cells,
  };
}

/** "ringkasan impor produk-bu-siti": the imported file's name without its extension, safe for any disk. */
function summaryName(t: Translate, fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .trim();
  const name = t('importer:summary.fileName', { file: base }).trim();
  return name.slice(0, MAX_NAME).trim() || 'akar';
}
