import path from 'node:path';
import type { TFunction } from 'i18next';
import { EXPORT_FORMATS, type ImportFile, type ImportIssue, type ImportReport } from '../../shared/imports';
import type { Result } from '../../shared/result';
import { EXIT, UsageError, wholeNumber, type Command, type CommandOutcome } from '../run';

/** Problems printed before "… and N more": enough to fix a file, not a wall of text. */
const MAX_PROBLEMS_SHOWN = 50;

/** An import problem in the user's language: import-only reasons first, then the form's. */
export function issueText(t: TFunction, issue: ImportIssue): string {
  const params = { ...issue.params };
  const reason = t(`importer:reasons.${issue.reason}`, {
    ...params,
    defaultValue: t(`common:validation.${issue.reason}`, { ...params, defaultValue: issue.reason }),
  });
  const where = issue.column
    ? t('import.lineColumn', { line: issue.line, column: issue.column })
    : t('import.line', { line: issue.line });
  return `${where}: ${reason}`;
}

function reportText(t: TFunction, file: ImportFile, report: ImportReport): string {
  const lines = [
    t('import.file', { name: file.fileName, format: file.format.toUpperCase(), rows: report.rows }),
    t('import.counts', {
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      skipped: report.skipped,
      skippedRows: report.skippedRows,
    }),
  ];
  const problems = report.outcomes.flatMap((o) => o.issues.map((issue) => `  ${issueText(t, issue)}`));
  if (problems.length > 0) {
    lines.push('', t('import.problems'), ...problems.slice(0, MAX_PROBLEMS_SHOWN));
    if (problems.length > MAX_PROBLEMS_SHOWN)
      lines.push(t('import.more', { count: problems.length - MAX_PROBLEMS_SHOWN }));
  }
  lines.push('', report.committed ? t('import.committed') : t('import.dryRun'));
  return lines.join('\n');
}

export const spreadsheetCommands: Record<string, Command> = {
  /** akar import FILE --seller ID [--dry-run] */
  import: {
    options: ['seller', 'dry-run'],
    async run({ core, options, args, t }): Promise<CommandOutcome> {
      const [file, extra] = args;
      if (!file || extra !== undefined) throw new UsageError(t('import.usage'));
      // Job ids make the core report progress: the CLI shows it as its progress line.
      const opened = await core.imports.open(path.resolve(file), { jobId: 'cli-import-read' });
      if (!opened.ok) return { result: opened, text: '' };
      const run = {
        importId: opened.value.importId,
        sellerId: wholeNumber(options.seller),
        mapping: opened.value.mapping,
      };
      const result: Result<ImportReport> = options['dry-run']
        ? await core.imports.preview({ ...run, jobId: 'cli-import-check' })
        : await core.imports.commit({ ...run, jobId: 'cli-import-write' });
      if (!result.ok) return { result, text: '' };
      // Skipped rows are a failure a script must notice, even though the rest went in.
      return {
        result,
        text: reportText(t, opened.value, result.value),
        exitCode: result.value.skipped > 0 ? EXIT.rejected : EXIT.ok,
      };
    },
  },
  /** akar export --format csv|xlsx [--seller ID] --out FILE */
  export: {
    options: ['format', 'seller', 'out'],
    async run({ core, options, args, t, language }): Promise<CommandOutcome> {
      if (args.length > 0 || !options.out) throw new UsageError(t('export.usage'));
      const format = options.format ?? 'xlsx';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(t('export.usage'));
      const result = await core.exportTo(path.resolve(options.out), {
        format,
        language,
        ...(options.seller !== undefined ? { sellerId: wholeNumber(options.seller) } : {}),
      });
      return {
        result,
        text: result.ok
          ? t('export.done', { file: path.resolve(options.out), count: result.value.products, rows: result.value.rows })
          : '',
      };
    },
  },
};
