import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import { sniffDelimiter, UnclosedQuoteFinder } from './csv-scan';
import { looksLikeFormula, unescapeFormula } from './formula';
import type { ReadContext } from './read-context';
import { TableBuilder } from './table-builder';
import {
  fileError,
  type CsvDelimiter,
  type CsvEncoding,
  type FileNote,
  type ReadResult,
  type RowProblem,
} from './types';

const CHUNK_BYTES = 64 * 1024;
/** Enough text for the delimiter sniffer to see dozens of records, however wide. */
const SNIFF_CHARS = 64 * 1024;

/** Thrown from the decoding generator when the bytes turn out not to be UTF-8. */
class NotUtf8 extends Error {}

function bomEncoding(head: Uint8Array): CsvEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

function decoderFor(encoding: CsvEncoding): TextDecoder {
  switch (encoding) {
    case 'utf-8':
      // fatal: invalid bytes mean the file is really Windows-1252 (Excel's "CSV" on a Western Windows).
      return new TextDecoder('utf-8', { fatal: true });
    case 'utf-8-bom':
      // A BOM is a clear statement; a stray bad byte then becomes U+FFFD rather than a new guess.
      return new TextDecoder('utf-8');
    default:
      // TextDecoder drops the BOM itself (ignoreBOM is false).
      return new TextDecoder(encoding);
  }
}

/** Decoded text of the file, chunk by chunk; bytesRead is kept up to date for progress. */
async function* decodedChunks(
  path: string,
  encoding: CsvEncoding,
  progress: { bytesRead: number },
  signal: AbortSignal | undefined,
): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  const stream = fs.createReadStream(path, { highWaterMark: CHUNK_BYTES, signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      progress.bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new NotUtf8();
      }
      if (text !== '') yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new NotUtf8();
    }
    if (rest !== '') yield rest;
  } finally {
    stream.destroy();
  }
}

/** Excel understands a first line `sep=;` naming the delimiter and hides it; so do we. */
function separatorLine(text: string): { delimiter: CsvDelimiter; length: number } | null {
  const match = /^sep=([,;\t])(\r\n|\n|\r)/iu.exec(text);
  if (!match) return null;
  return { delimiter: match[1] as CsvDelimiter, length: match[0].length };
}

export async function readCsv(head: Uint8Array, ctx: ReadContext): Promise<ReadResult> {
  const declared = bomEncoding(head);
  const first = await readCsvAs(declared ?? 'utf-8', ctx);
  if (first !== 'not_utf8') return first;
  const second = await readCsvAs('windows-1252', ctx);
  if (second === 'not_utf8') throw new Error('Windows-1252 decoding cannot fail');
  if (second.ok) {
    const note: FileNote = { reason: 'decoded_as_windows_1252', params: {} };
    return { ok: true, table: { ...second.table, notes: [note, ...second.table.notes] } };
  }
  return second;
}

async function readCsvAs(encoding: CsvEncoding, ctx: ReadContext): Promise<ReadResult | 'not_utf8'> {
  const progress = { bytesRead: 0 };
  const source = decodedChunks(ctx.path, encoding, progress, ctx.signal);

  // Gather the start of the file for the `sep=` line and the delimiter sniffer.
  let buffered = '';
  let exhausted = false;
  try {
    while (buffered.length < SNIFF_CHARS) {
      const next = await source.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      buffered += next.value;
    }
  } catch (error) {
    await source.return(undefined);
    if (error instanceof NotUtf8) return 'not_utf8';
    if (ctx.signal?.aborted) return fileError('cancelled');
    throw error;
  }

  let delimiter: CsvDelimiter;
  let skippedLines = 0;
  const sep = separatorLine(buffered);
  if (sep) {
    delimiter = sep.delimiter;
    buffered = buffered.slice(sep.length);
    skippedLines = 1;
  } else {
    delimiter = sniffDelimiter(buffered, exhausted);
  }

  async function* all(): AsyncGenerator<string> {
    if (buffered !== '') yield buffered;
    if (!exhausted) yield* source;
  }

  const parser = parse({
    delimiter,
    // Excel writes CRLF, old Mac Excel CR, everything else LF; hand-edited files mix them.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A quote inside an unquoted value (5" tablet) is a literal quote, as Excel reads it.
    relax_quotes: true,
    // Blank lines still count as rows in Excel's numbering; the builder skips them.
    skip_empty_lines: false,
  });
  let streamError: Error | null = null;
  const input = Readable.from(all());
  pipeline(input, parser, (error) => {
    if (error) streamError = error;
  });

  const builder = new TableBuilder(true, ctx.maxRows);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      // In place and without a problems array per row: rows are kept, so fewer objects per
      // row means shorter garbage-collection pauses on a 50,000-row file.
      let problems: RowProblem[] | undefined;
      for (let index = 0; index < record.length; index++) {
        const raw = record[index] ?? '';
        if (looksLikeFormula(raw)) (problems ??= []).push({ reason: 'formula', params: { column: index + 1 } });
        record[index] = unescapeFormula(raw);
      }
      if (!builder.add(line, record, problems)) {
        return fileError('too_many_rows', { maxRows: ctx.maxRows });
      }
      if (ctx.pacer.row()) {
        ctx.progress(builder.rowCount, progress.bytesRead);
        await ctx.pacer.pause();
        if (ctx.signal?.aborted) return fileError('cancelled');
      }
    }
  } catch (error) {
    const cause = streamError ?? error;
    if (ctx.signal?.aborted) return fileError('cancelled');
    if (cause instanceof NotUtf8 || error instanceof NotUtf8) return 'not_utf8';
    if (cause instanceof CsvError || error instanceof CsvError) {
      const openedAt = await findUnclosedQuote(ctx, encoding, delimiter);
      return fileError('unbalanced_quote', { line: (openedAt ?? line + 1) + skippedLines });
    }
    throw cause;
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (ctx.signal?.aborted) return fileError('cancelled');

  if (!builder.hasHeader) return fileError('empty_file');
  const { headers, rows, notes } = builder.finish();
  ctx.progress(rows.length, progress.bytesRead);
  return { ok: true, table: { format: 'csv', encoding, delimiter, headers, rows, notes } };
}

/** A second pass over the file, only after csv-parse has reported an unclosed quote. */
async function findUnclosedQuote(ctx: ReadContext, encoding: CsvEncoding, delimiter: string): Promise<number | null> {
  const finder = new UnclosedQuoteFinder(delimiter);
  let first = true;
  for await (let text of decodedChunks(ctx.path, encoding, { bytesRead: 0 }, ctx.signal)) {
    if (first) {
      first = false;
      const sep = separatorLine(text);
      // The sep= line is counted by the caller; drop it here so both agree.
      if (sep) text = text.slice(sep.length);
    }
    finder.feed(text);
  }
  return finder.finish();
}
