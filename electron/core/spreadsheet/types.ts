/**
 * The plain table that the catalogue importer works on, and the codes this layer answers
 * with. Every reason is a stable code plus params; the UI translates it (the arrays are
 * exported so a test can check that each code has a translation in every locale).
 */

/** Why a whole file could not be read. */
export const FILE_ERROR_REASONS = [
  'file_not_found',
  'not_a_file',
  'access_denied',
  'file_in_use',
  'read_failed',
  'too_large',
  'too_large_unpacked',
  'too_many_rows',
  'empty_file',
  'empty_sheet',
  'no_header',
  'unbalanced_quote',
  'not_a_spreadsheet',
  'unsupported_spreadsheet',
  'encrypted_xlsx',
  'corrupt_xlsx',
  'no_visible_sheet',
  'cancelled',
] as const;
export type FileErrorReason = (typeof FILE_ERROR_REASONS)[number];

/** Something the user should know about a file that was read anyway. */
export const FILE_NOTE_REASONS = [
  'decoded_as_windows_1252',
  'hidden_sheets_skipped',
  'other_sheets_ignored',
  'merged_cells',
  'formulas_used_cached_values',
  'headers_renamed',
] as const;
export type FileNoteReason = (typeof FILE_NOTE_REASONS)[number];

/** Something wrong with one row; the row is still delivered. */
export const ROW_PROBLEM_REASONS = [
  'too_many_cells',
  'too_few_cells',
  'formula',
  'formula_without_value',
  'cell_error',
] as const;
export type RowProblemReason = (typeof ROW_PROBLEM_REASONS)[number];

/** Why writing failed (bad arguments are bugs and throw instead). */
export const WRITE_ERROR_REASONS = [
  'folder_not_found',
  'access_denied',
  'file_in_use',
  'disk_full',
  'write_failed',
] as const;
export type WriteErrorReason = (typeof WRITE_ERROR_REASONS)[number];

export type Params = Readonly<Record<string, string | number>>;

export interface FileError {
  readonly reason: FileErrorReason;
  readonly params: Params;
}

export interface FileNote {
  readonly reason: FileNoteReason;
  readonly params: Params;
}

export interface RowProblem {
  readonly reason: RowProblemReason;
  readonly params: Params;
}

export interface TableRow {
  /** 1-based row number as Excel shows it (CSV: the record's number, blank lines counted). */
  readonly line: number;
  /** Exactly `headers.length` cells, untrimmed. */
  readonly cells: string[];
  readonly problems: RowProblem[];
}

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t';

export interface SheetTable {
  readonly format: 'csv' | 'xlsx';
  /** CSV only. */
  readonly encoding?: CsvEncoding;
  /** CSV only. */
  readonly delimiter?: CsvDelimiter;
  /** XLSX only: the worksheet that was read. */
  readonly sheetName?: string;
  /** Trimmed, non-empty and unique (case-insensitively); see the `headers_renamed` note. */
  readonly headers: string[];
  /** Data rows only (not the header), blank rows skipped. */
  readonly rows: TableRow[];
  readonly notes: FileNote[];
}

export type ReadResult =
  { readonly ok: true; readonly table: SheetTable } | { readonly ok: false; readonly error: FileError };

export type WriteResult =
  { readonly ok: true } | { readonly ok: false; readonly error: { reason: WriteErrorReason; params: Params } };

export interface ReadOptions {
  /** Files larger than this are refused before reading (default 30 MB). */
  readonly maxBytes?: number;
  /** More data rows than this stop the read with `too_many_rows` (default 50,000). */
  readonly maxRows?: number;
  /** Aborting resolves the read with `cancelled`. */
  readonly signal?: AbortSignal;
  /** Called every few thousand rows and once at the end. */
  readonly onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
}

export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 50_000;

export function fileError(reason: FileErrorReason, params: Params = {}): { ok: false; error: FileError } {
  return { ok: false, error: { reason, params } };
}

/** Megabytes with one decimal, for messages such as "the file is 100 MB, the limit is 30 MB". */
export function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
