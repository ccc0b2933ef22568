import fs from 'node:fs/promises';
import { readCsv } from './csv-read';
import { ole2IsEncryptedOoxml, sniffFormat } from './detect';
import { Pacer, type ReadContext } from './read-context';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ROWS,
  fileError,
  toMb,
  type FileErrorReason,
  type ReadOptions,
  type ReadResult,
} from './types';
import { readXlsx } from './xlsx-read';

export { escapeFormula, unescapeFormula } from './formula';
export { writeTable, type WriteCell, type WriteOptions } from './write';
export * from './types';

/** A reader lets the event loop run after this many rows or this many milliseconds. */
const YIELD_EVERY_ROWS = 1_000;
const YIELD_EVERY_MS = 8;
const HEAD_BYTES = 8 * 1024;

/**
 * Reads the first visible sheet of an XLSX file, or a CSV/TSV file, into a table of
 * strings. Never throws for anything about the file: every failure is a reason code.
 * The format is judged by content, not by the file name.
 */
export async function readTable(filePath: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { signal, onProgress } = options;
  if (signal?.aborted) return fileError('cancelled');

  let size: number;
  let head: Uint8Array;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return fileError('not_a_file');
    size = stat.size;
    // Refused before a byte of content is read.
    if (size > maxBytes) return fileError('too_large', { maxMb: toMb(maxBytes), sizeMb: toMb(size) });
    head = await readHead(filePath, size <= HEAD_BYTES ? size : HEAD_BYTES);
  } catch (error) {
    return fileError(fsReason(error), fsParams(error));
  }

  const ctx: ReadContext = {
    path: filePath,
    size,
    maxBytes,
    maxRows,
    signal,
    pacer: new Pacer(YIELD_EVERY_ROWS, YIELD_EVERY_MS),
    progress: (rows, bytes) => onProgress?.(rows, bytes, size),
  };

  const sniffed = sniffFormat(head);
  try {
    switch (sniffed.kind) {
      case 'empty':
        return fileError('empty_file');
      case 'zip':
        return await readXlsx(ctx);
      case 'ole2': {
        // Small enough to search whole (the size limit applies), and this path never parses it.
        const bytes = await fs.readFile(filePath);
        if (ole2IsEncryptedOoxml(bytes)) return fileError('encrypted_xlsx');
        return fileError('unsupported_spreadsheet', { format: 'xls' });
      }
      case 'other':
        return fileError('not_a_spreadsheet', { detected: sniffed.detected });
      case 'text':
        return await readCsv(head, ctx);
    }
  } catch (error) {
    if (signal?.aborted) return fileError('cancelled');
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string') return fileError(fsReason(error), fsParams(error));
    throw error;
  }
}

async function readHead(filePath: string, length: number): Promise<Uint8Array> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function fsReason(error: unknown): FileErrorReason {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'file_not_found';
    case 'EISDIR':
      return 'not_a_file';
    case 'EACCES':
    case 'EPERM':
      return 'access_denied';
    case 'EBUSY':
      return 'file_in_use';
    default:
      return 'read_failed';
  }
}

function fsParams(error: unknown): Record<string, string> {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return fsReason(error) === 'read_failed' ? { code: typeof code === 'string' ? code : 'unknown' } : {};
}
