import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { escapeFormula } from './formula';
import type { Params, WriteErrorReason, WriteResult } from './types';
import { encodeOoxmlEscapes, formatNumber } from './xlsx-values';

export type WriteCell = string | number | null;

export interface WriteOptions {
  /** XLSX only; default "Data". */
  readonly sheetName?: string;
}

/**
 * Writes a table atomically: into a temp file beside the target, flushed to disk, then
 * renamed over it, so the target is either the old file or the whole new one (never half a
 * file after a crash, a full disk or a pulled USB stick).
 *
 * Every string cell is formula-escaped; numbers stay numbers. A non-finite number is a bug
 * upstream and throws.
 */
export async function writeTable(
  filePath: string,
  format: 'csv' | 'xlsx',
  headers: readonly string[],
  rows: readonly (readonly WriteCell[])[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell === 'number' && !Number.isFinite(cell)) throw new RangeError(`Cannot write the number ${cell}`);
    }
  }
  const target = path.resolve(filePath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (format === 'csv') await writeCsv(temp, headers, rows);
    else await writeXlsx(temp, headers, rows, options.sheetName ?? 'Data');
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameIntoPlace(temp, target);
    await syncFolder(path.dirname(target));
    return { ok: true };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const failure = writeFailure(error);
    if (failure) return { ok: false, error: failure };
    throw error;
  }
}

/**
 * On Windows a virus scanner may hold the fresh temp file for a moment, and replacing a file
 * that Excel has open fails until it is closed; a few short retries cover the first case.
 */
async function renameIntoPlace(temp: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(temp, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !transient || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a folder for this, and needs not. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares, FAT on USB sticks) refuse: the data itself is synced.
  }
}

function writeFailure(error: unknown): { reason: WriteErrorReason; params: Params } | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'folder_not_found', params: {} };
    case 'EBUSY':
      return { reason: 'file_in_use', params: {} };
    // On Windows a file open in Excel cannot be replaced: that shows up as EPERM/EACCES.
    case 'EPERM':
    case 'EACCES':
    case 'EROFS':
      return { reason: 'access_denied', params: {} };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'disk_full', params: {} };
    default:
      return { reason: 'write_failed', params: { code } };
  }
}

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes inside are doubled.
 * Semicolons and tabs are quoted too (RFC 4180 allows quoting any field): readers that guess
 * the delimiter, ours included, then cannot mistake a header such as "Berat;kg" for a
 * semicolon-separated file.
 */
function csvField(cell: WriteCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? formatNumber(cell) : escapeFormula(cell);
  return /[",;\t\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * UTF-8 with a BOM (without it Excel on Windows reads UTF-8 as the ANSI code page and
 * "Kripik Pedas" with any accent or emoji turns to mojibake), comma-delimited, CRLF.
 */
async function writeCsv(
  temp: string,
  headers: readonly string[],
  rows: readonly (readonly WriteCell[])[],
): Promise<void> {
  const handle = await fs.open(temp, 'wx');
  try {
    let chunk = '\uFEFF' + headers.map(csvField).join(',') + '\r\n';
    for (const row of rows) {
      chunk += row.map(csvField).join(',') + '\r\n';
      if (chunk.length > 256 * 1024) {
        await handle.write(chunk, null, 'utf8');
        chunk = '';
      }
    }
    await handle.write(chunk, null, 'utf8');
  } finally {
    await handle.close();
  }
}

function xlsxText(text: string): string {
  return encodeOoxmlEscapes(escapeFormula(text));
}

/** Column width in Excel's character units: fits the header and the first rows, within reason. */
function columnWidths(headers: readonly string[], rows: readonly (readonly WriteCell[])[]): number[] {
  return headers.map((header, col) => {
    let widest = header.length + 2; // room for the filter arrow
    for (const row of rows.slice(0, 200)) {
      const cell = row[col];
      const text = cell === null || cell === undefined ? '' : String(cell);
      const longestLine = Math.max(0, ...text.split('\n').map((line) => line.length));
      widest = Math.max(widest, longestLine);
    }
    return Math.min(60, Math.max(8, widest + 1));
  });
}

/** exceljs's streaming writer: rows go to disk as they are committed, not kept as a workbook model. */
async function writeXlsx(
  temp: string,
  headers: readonly string[],
  rows: readonly (readonly WriteCell[])[],
  sheetName: string,
): Promise<void> {
  // exceljs opens the file itself; create it first so an existing file is never clobbered
  // and folder errors surface as the usual ENOENT/EACCES.
  await (await fs.open(temp, 'wx')).close();
  // Loaded on first use: exceljs takes seconds to load on a slow laptop, and most runs of
  // the app and the CLI never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnWidths(headers, rows).map((width) => ({ width }));
  const headerRow = sheet.addRow(headers.map(xlsxText));
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? xlsxText(cell) : cell))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
