import type { Language } from '../../../../electron/shared/catalogue';
import type { FileMessage, ImportAction, ImportIssue } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { formatNumber } from '../../lib/numbers';
import type { Choice } from './fields';

/**
 * Words for the codes main sends about an import: why a file cannot be read, notes about
 * a file that was read, why a row is skipped, why a summary could not be saved. Codes are
 * kept raw in state and worded here at render time, so a language switch re-words them.
 *
 * Keys here are built from codes, which i18next's typed `t` cannot check; a test
 * (tests/renderer/import-translations.test.ts) runs every code through these functions in
 * both languages instead. Pure functions of `t`, so that test needs no browser.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What `t` answers for a missing key, so a code without words falls back instead of showing its key. */
const MISSING = '\u0000missing';

function lookup(t: Translate, key: string, options: Record<string, unknown> = {}): string | null {
  const text = t(key, { ...options, defaultValue: MISSING });
  return text === MISSING ? null : text;
}

type Params = Readonly<Record<string, string | number>> | undefined;

/**
 * Parameters passed on as numbers: row and column numbers are written as Excel shows them
 * (no thousands dot), and `count` must stay a number for i18next to pick the plural form.
 */
const POSITIONS = new Set(['line', 'column', 'expected', 'found', 'count']);

/** Numbers in messages read the way the interface writes them ("50.000", "100,5"). */
function wordParams(params: Params, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = typeof value === 'number' && !POSITIONS.has(name) ? formatNumber(value, language) : value;
  }
  return out;
}

export interface FileProblemWords {
  /** What happened (and why, where the code says). */
  readonly what: string;
  /** What to do next. */
  readonly next: string;
}

/** A refusal of `import:pickFile` (or a failed preview/commit) as "what happened" and "what next". */
export function fileProblemWords(t: Translate, error: AppError, language: Language): FileProblemWords {
  const params = wordParams(error.params, language);
  if (error.code === 'file_unreadable') {
    const reason = typeof error.params?.['reason'] === 'string' ? error.params['reason'] : 'unknown';
    const detected = params['detected'];
    const kind = detected
      ? (lookup(t, `importer:detected.${detected}`) ?? t('importer:detected.other'))
      : t('importer:detected.other');
    const format = String(params['format'] ?? '').toUpperCase();
    const words = { ...params, kind, format };
    const what = lookup(t, `importer:fileErrors.${reason}.what`, words);
    const next = lookup(t, `importer:fileErrors.${reason}.next`, words);
    if (what !== null && next !== null) return { what, next };
    return { what: t('importer:fileErrors.unknown.what'), next: t('importer:fileErrors.unknown.next') };
  }
  // The file was forgotten between reading and importing (Akar keeps the last few).
  if (error.code === 'not_found') {
    return { what: t('importer:sessionLost.what'), next: t('importer:sessionLost.next') };
  }
  const what = lookup(t, `common:errors.${error.code}`, params) ?? t('common:errors.internal');
  return { what, next: t('importer:fileErrors.unknown.next') };
}

/** Why a summary file could not be saved (`file_unwritable` with `params.reason`). */
export function saveProblemWords(t: Translate, error: AppError, language: Language): string {
  const reason = typeof error.params?.['reason'] === 'string' ? error.params['reason'] : 'unknown';
  const params = wordParams(error.params, language);
  return (
    lookup(t, `importer:writeErrors.${reason}`, params) ??
    lookup(t, `common:errors.${error.code}`, params) ??
    t('common:errors.internal')
  );
}

/** One note about a file that was read anyway (hidden sheets skipped, merged cells...). */
export function noteWords(t: Translate, note: FileMessage, language: Language): string {
  const params = wordParams(note.params, language);
  return lookup(t, `importer:notes.${note.reason}`, params) ?? t('importer:notes.unknown');
}

/** The example a "not a number" message gives, by what the column holds. */
const EXAMPLE_OF: Partial<Record<Choice, string>> = {
  price: 'price',
  specialPrice: 'price',
  stock: 'stock',
  weightKg: 'weightKg',
  weightG: 'weightG',
  length: 'size',
  width: 'size',
  height: 'size',
};

/**
 * Why a row is skipped. The import's own words come first (they can say more than a form
 * field can: "a number with a unit Akar does not know"); the form's validation messages
 * cover the rest, so a rule main adds is worded as soon as common.json has it. `field` is
 * what the issue's column was matched to, for an example that fits ("10" for stock).
 */
export function reasonWords(
  t: Translate,
  issue: Pick<ImportIssue, 'reason' | 'params' | 'column'>,
  language: Language,
  field?: Choice,
): string {
  const params = {
    ...wordParams(issue.params, language),
    example: t(`importer:examples.${(field && EXAMPLE_OF[field]) ?? 'other'}`),
  };
  // The reader flags a CSV cell starting with "=" as a formula; main passes it on as a
  // plain `invalid` with the cell's column number (and no header), which says nothing.
  const reason =
    issue.reason === 'invalid' && !issue.column && typeof issue.params?.['column'] === 'number'
      ? 'formula_in_csv'
      : issue.reason;
  return (
    lookup(t, `importer:reasons.${reason}`, params) ??
    lookup(t, `common:validation.${reason}`, params) ??
    t('common:validation.invalid')
  );
}

/**
 * The column an issue is about: its header, or (for problems the file reader found, which
 * carry a 1-based column number) the header at that position.
 */
export function issueColumn(issue: ImportIssue, headers: readonly string[]): string | undefined {
  if (issue.column) return issue.column;
  const position = issue.params?.['column'];
  return typeof position === 'number' ? headers[position - 1] : undefined;
}

/** What the issue's column was matched to, for wording that fits it. */
export function issueChoice(
  issue: ImportIssue,
  headers: readonly string[],
  choices: readonly Choice[],
): Choice | undefined {
  const column = issueColumn(issue, headers);
  const index = column === undefined ? -1 : headers.indexOf(column);
  return index < 0 ? undefined : choices[index];
}

/** "Baris 5, kolom “Harga”" / "Baris 5": where to look in the file. */
export function issuePlace(t: Translate, issue: ImportIssue, headers: readonly string[]): string {
  const line = String(issue.line);
  const column = issueColumn(issue, headers);
  return column ? t('importer:place.lineColumn', { line, column }) : t('importer:place.line', { line });
}

export function choiceName(t: Translate, choice: Choice): string {
  return t(`importer:fields.${choice}`);
}

export function actionName(t: Translate, action: ImportAction): string {
  return t(`importer:actions.${action}`);
}

/**
 * [2, 3, 4, 7] -> "2–4, 7": the rows of one product, short enough to read. Row numbers
 * are written as Excel shows them, without thousands dots.
 */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const start = sorted[i] ?? 0;
    let end = start;
    while (sorted[i + 1] === end + 1) {
      end = sorted[i + 1] ?? end;
      i++;
    }
    i++;
    parts.push(end === start ? String(start) : `${start}–${end}`);
  }
  return parts.join(', ');
}
