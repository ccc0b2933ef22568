import type { FileNote, RowProblem, TableRow } from './types';

/**
 * Turns the records a reader finds into the table the importer sees: the first non-blank
 * record is the header, blank records are skipped, every row gets exactly one cell per header.
 *
 * `ragged` is the CSV rule: the header fixes the width and rows with a different number of
 * fields are flagged (a missing or extra delimiter shifts every later cell). A worksheet is a
 * grid, so there the width is simply the right-most column that holds anything.
 */
/** Shared by every row without problems until `finish`, to keep per-row allocations down. */
const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);

export class TableBuilder {
  private rawHeader: string[] | null = null;
  private headerLine = 0;
  private headerWidth = 0;
  private readonly pending: { line: number; cells: string[]; problems: readonly RowProblem[] }[] = [];
  private gridWidth = 0;

  constructor(
    private readonly ragged: boolean,
    private readonly maxRows: number,
  ) {}

  get hasHeader(): boolean {
    return this.rawHeader !== null;
  }

  get rowCount(): number {
    return this.pending.length;
  }

  /**
   * Adds one record. `problems` are the reader's own findings for it (formulas, errors).
   * Returns false when this record would be data row number maxRows + 1: the caller stops.
   */
  add(line: number, cells: string[], found?: RowProblem[]): boolean {
    const last = lastNonBlank(cells);
    if (last < 0) return true;
    if (this.rawHeader === null) {
      this.rawHeader = cells;
      this.headerLine = line;
      this.headerWidth = last + 1;
      this.gridWidth = last + 1;
      return true;
    }
    if (this.pending.length >= this.maxRows) return false;
    let problems = found ?? NO_PROBLEMS;
    if (this.ragged) {
      const expected = this.headerWidth;
      // Trailing empty fields are harmless (Excel pads every row to the widest one).
      if (last >= expected) {
        problems = [...problems, { reason: 'too_many_cells', params: { expected, found: last + 1 } }];
      } else if (cells.length < expected) {
        problems = [...problems, { reason: 'too_few_cells', params: { expected, found: cells.length } }];
      }
    } else {
      this.gridWidth = Math.max(this.gridWidth, last + 1);
    }
    this.pending.push({ line, cells, problems });
    return true;
  }

  /**
   * The header and the rows kept so far, in the order they were added, with their cell
   * arrays shared (not copied): a worksheet's merged ranges are blanked through them.
   */
  cellsByLine(): { line: number; cells: string[] }[] {
    const header = this.rawHeader ? [{ line: this.headerLine, cells: this.rawHeader }] : [];
    return [...header, ...this.pending];
  }

  finish(): { headers: string[]; rows: TableRow[]; notes: FileNote[] } {
    const width = this.ragged ? this.headerWidth : this.gridWidth;
    const { headers, renamed } = normaliseHeaders(this.rawHeader ?? [], width);
    const rows: TableRow[] = this.pending.map(({ line, cells, problems }) => ({
      line,
      cells: fit(cells, width),
      // Each row gets its own array: callers may push to it.
      problems: problems.length === 0 ? [] : [...problems],
    }));
    const notes: FileNote[] = [];
    if (renamed.length > 0) {
      notes.push({ reason: 'headers_renamed', params: { count: renamed.length, names: renamed.join(', ') } });
    }
    return { headers, rows, notes };
  }
}

function lastNonBlank(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    if ((cells[i] ?? '').trim() !== '') return i;
  }
  return -1;
}

function fit(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  const out = cells.slice();
  while (out.length < width) out.push('');
  return out;
}

/**
 * Header labels are what the user picks from when mapping columns, so they must be
 * non-empty and distinct. Whitespace runs (including Alt+Enter line breaks in marketplace
 * templates) become one space; an empty label becomes "Kolom N" after its column number;
 * a repeated label (compared case-insensitively) gets " (2)", " (3)", ...
 */
export function normaliseHeaders(raw: readonly string[], width: number): { headers: string[]; renamed: string[] } {
  const cleaned: string[] = [];
  for (let i = 0; i < width; i++) cleaned.push((raw[i] ?? '').replace(/\s+/gu, ' ').trim());
  const taken = new Set(cleaned.filter((h) => h !== '').map((h) => h.toLowerCase()));
  const used = new Set<string>();
  const renamed: string[] = [];
  const headers = cleaned.map((label, i) => {
    let name = label;
    if (name === '' || used.has(name.toLowerCase())) {
      const base = name === '' ? `Kolom ${i + 1}` : name;
      let candidate = base;
      for (
        let n = 2;
        used.has(candidate.toLowerCase()) || (candidate !== label && taken.has(candidate.toLowerCase()));
        n++
      ) {
        candidate = `${base} (${n})`;
      }
      name = candidate;
      renamed.push(name);
    }
    used.add(name.toLowerCase());
    return name;
  });
  return { headers, renamed };
}
