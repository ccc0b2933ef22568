import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ColumnMapping, ImportFile, ImportIssue, ImportOutcome, ImportReport } from '../../shared/imports';
import { CoreError } from '../errors';
import { NO_JOB, type JobControl } from '../jobs/jobs';
import type { SheetTable } from '../spreadsheet/types';
import { applyGroups, type ImportTarget } from './apply';
import { guessMapping } from './columns';
import { groupRows } from './interpret';

/** Rows shown in the mapping step, enough to recognise each column. */
const SAMPLE_ROWS = 8;
/** Outcomes sent to the screen; the counts and the summary file cover all of them. */
export const MAX_OUTCOMES_SHOWN = 2000;
/** Files kept for preview at once; opening another forgets the oldest. */
const MAX_OPEN = 3;

interface OpenFile {
  readonly fileName: string;
  readonly table: SheetTable;
}

/**
 * Files read for import, kept between preview and commit under an opaque id (the renderer
 * never sees or sends a path back). Preview and commit run the same grouping and checks
 * (applyGroups): the preview writes nothing, the commit writes in the caller's transaction,
 * so what the preview promises is what the commit does, and a commit is all or nothing.
 */
export class ImportSessions {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly target: ImportTarget) {}

  /** Keeps a table that was read, and answers with what the mapping step shows. */
  keep(filePath: string, table: SheetTable): ImportFile {
    const importId = randomUUID();
    this.files.set(importId, { fileName: path.basename(filePath), table });
    for (const id of this.files.keys()) {
      if (this.files.size <= MAX_OPEN) break;
      this.files.delete(id);
    }
    return {
      importId,
      fileName: path.basename(filePath),
      format: table.format,
      ...(table.sheetName !== undefined ? { sheetName: table.sheetName } : {}),
      headers: table.headers,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      rowCount: table.rows.length,
      mapping: guessWeightUnits(guessMapping(table.headers), table),
      notes: table.notes,
    };
  }

  /** What importing would do: every check a commit makes, and nothing written. */
  preview(
    importId: string,
    sellerId: number,
    mapping: readonly ColumnMapping[],
    job: JobControl = NO_JOB,
  ): ImportReport {
    return this.run(importId, sellerId, mapping, false, job);
  }

  /** Writes every product without problems, in the caller's transaction; the file is then forgotten. */
  commit(
    importId: string,
    sellerId: number,
    mapping: readonly ColumnMapping[],
    job: JobControl = NO_JOB,
  ): ImportReport {
    const report = this.run(importId, sellerId, mapping, true, job);
    this.files.delete(importId);
    return report;
  }

  forget(importId: string): void {
    this.files.delete(importId);
  }

  private run(
    importId: string,
    sellerId: number,
    mapping: readonly ColumnMapping[],
    committed: boolean,
    job: JobControl,
  ): ImportReport {
    const file = this.files.get(importId);
    if (!file) {
      throw new CoreError({
        code: 'not_found',
        message: `Import ${importId} is not open (read the file again)`,
        field: 'importId',
      });
    }
    const { headers, rows } = file.table;
    if (mapping.length !== headers.length) {
      throw new CoreError({
        code: 'invalid_input',
        message: `The mapping has ${mapping.length} columns, the file ${headers.length}`,
        field: 'mapping',
        reason: 'invalid',
      });
    }
    // Rows the reader found broken (ragged rows; a formula without a saved value or an
    // error value in a column that is imported) are reported with their product, which is
    // then skipped. Formula-looking text in a CSV is kept as the text it is.
    const readProblems = new Map<number, ImportIssue[]>();
    for (const row of rows) {
      const issues: ImportIssue[] = [];
      for (const problem of row.problems) {
        if (problem.reason === 'formula') continue;
        const index = typeof problem.params['column'] === 'number' ? problem.params['column'] - 1 : null;
        if (index !== null && (mapping[index]?.field ?? 'ignore') === 'ignore') continue;
        const column = index === null ? undefined : headers[index];
        issues.push({ line: row.line, ...(column ? { column } : {}), reason: problem.reason, params: problem.params });
      }
      if (issues.length > 0) readProblems.set(row.line, issues);
    }
    const groups = groupRows(headers, mapping, rows).map((group) => {
      const extra = group.lines.flatMap((line) => readProblems.get(line) ?? []);
      return extra.length > 0 ? { ...group, issues: [...extra, ...group.issues] } : group;
    });
    const outcomes = applyGroups(this.target, sellerId, headers, mapping, groups, committed ? 'write' : 'check', job);
    job.step(groups.length, groups.length);
    return report(outcomes, rows.length, committed);
  }
}

/**
 * "Berat" with bare numbers such as 250 or 1000 means grams: nobody sells a 250 kg bag of
 * keripik, and 250 kg is still within the limit, so nothing else would catch it. A weight
 * column whose plain numbers are nearly all whole and at least 20 is taken as grams (the
 * user sees and can change the choice before importing).
 */
export function guessWeightUnits(mapping: ColumnMapping[], table: SheetTable): ColumnMapping[] {
  return mapping.map((column, index) => {
    if (column.field !== 'weight' || column.unit !== 'kg') return column;
    let plain = 0;
    let gramLike = 0;
    for (const row of table.rows) {
      const cell = (row.cells[index] ?? '').trim();
      if (!/^\d+([.,]\d+)?$/.test(cell)) continue;
      plain++;
      if (/^\d+$/.test(cell) && Number(cell) >= 20) gramLike++;
    }
    return plain > 0 && gramLike >= plain * 0.8 ? { field: 'weight', unit: 'g' } : column;
  });
}

function report(outcomes: readonly ImportOutcome[], rows: number, committed: boolean): ImportReport {
  const count = (action: ImportOutcome['action']) => outcomes.filter((o) => o.action === action).length;
  const skipped = outcomes.filter((o) => o.action === 'skipped');
  // Problems first: they are what the user has to act on.
  const ordered = [...skipped, ...outcomes.filter((o) => o.action !== 'skipped')];
  return {
    committed,
    rows,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: skipped.length,
    skippedRows: skipped.reduce((sum, o) => sum + o.lines.length, 0),
    outcomes: ordered.slice(0, MAX_OUTCOMES_SHOWN),
    outcomesCut: ordered.length > MAX_OUTCOMES_SHOWN,
  };
}
