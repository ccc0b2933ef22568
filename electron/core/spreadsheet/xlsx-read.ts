import path from 'node:path';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { unescapeFormula } from './formula';
import type { ReadContext } from './read-context';
import { TableBuilder } from './table-builder';
import { fileError, toMb, type FileError, type FileNote, type ReadResult, type RowProblem } from './types';
import {
  builtinDateKind,
  customDateKind,
  decodeOoxmlEscapes,
  formatNumber,
  serialToText,
  type DateKind,
} from './xlsx-values';

/*
 * Why not exceljs's streaming WorkbookReader: it reads the zip front to back, and Excel
 * stores sharedStrings.xml after the worksheets, so it inflates every sheet into a temp file
 * before giving the first row (a 1,000,000-row sheet is written out in full before maxRows
 * can stop it); it also ignores merged cells and keeps only the last run of rich inline text.
 * yauzl reads the central directory, so the small parts are read first, and the one sheet
 * we need is streamed through saxes and abandoned as soon as there are too many rows.
 */

/** Parts other than worksheets (workbook, relationships, styles) are small; anything bigger is hostile. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;
/** Excel's own limits; a file beyond them did not come from a spreadsheet program. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
/** Excel holds at most 32,767 characters in a cell; this allows for other writers and stops abuse. */
const MAX_CELL_CHARS = 1_000_000;
const MAX_ZIP_ENTRIES = 20_000;
const MAX_MERGES = 100_000;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/u;
const REL_WORKSHEET = /\/worksheet$/u;
const REL_STYLES = /\/styles$/u;
const REL_SHARED_STRINGS = /\/sharedStrings$/u;

/** A reason to stop reading that is the file's fault, carried out of SAX callbacks. */
class Refusal extends Error {
  constructor(readonly error: FileError) {
    super(error.reason);
  }
}

const refuse = (...args: Parameters<typeof fileError>): Refusal => new Refusal(fileError(...args).error);

/** Zip part names are case-insensitive in OPC, and some writers use backslashes. */
function partKey(name: string): string {
  return name.replace(/\\/gu, '/').replace(/^\/+/u, '').toLowerCase();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, so that `r:id` is found whatever the prefix is called. */
function attr(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name && key.includes(':')) return value;
  }
  return undefined;
}

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

class Workbook {
  constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly ctx: ReadContext,
  ) {}

  entry(name: string): Entry | undefined {
    return this.entries.get(partKey(name));
  }

  /**
   * Streams one part through a SAX parser. `afterChunk` runs between chunks (it may yield
   * to the event loop) and returns true to stop early, without inflating the rest.
   */
  async parse(
    entry: Entry,
    maxBytes: number,
    handlers: XmlHandlers,
    afterChunk?: (inflated: number) => Promise<boolean>,
  ): Promise<void> {
    if (entry.isEncrypted()) throw refuse('encrypted_xlsx');
    if (entry.uncompressedSize > maxBytes) throw refuse('too_large_unpacked', { maxMb: toMb(maxBytes) });
    const parser = new SaxesParser({ position: false });
    if (handlers.open) {
      const open = handlers.open;
      parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
    }
    if (handlers.close) {
      const close = handlers.close;
      parser.on('closetag', (tag) => close(localName(tag.name)));
    }
    if (handlers.text) {
      parser.on('text', handlers.text);
      parser.on('cdata', handlers.text);
    }
    const stream = await this.zip.openReadStreamPromise(entry);
    let decoder: TextDecoder | null = null;
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        // yauzl checks the declared size too, but only when the entry ends.
        if (inflated > maxBytes) throw refuse('too_large_unpacked', { maxMb: toMb(maxBytes) });
        if (decoder === null) {
          // XML parts are UTF-8 unless they start with a UTF-16 byte order mark.
          const label =
            chunk[0] === 0xff && chunk[1] === 0xfe
              ? 'utf-16le'
              : chunk[0] === 0xfe && chunk[1] === 0xff
                ? 'utf-16be'
                : 'utf-8';
          decoder = new TextDecoder(label);
        }
        parser.write(decoder.decode(chunk, { stream: true }));
        if (afterChunk && (await afterChunk(inflated))) return;
        if (this.ctx.signal?.aborted) throw refuse('cancelled');
      }
      if (decoder) parser.write(decoder.decode());
      parser.close();
    } finally {
      stream.destroy();
    }
  }

  async relationships(partName: string): Promise<Map<string, Relationship>> {
    const dir = path.posix.dirname(partKey(partName));
    const relsName = path.posix.join(dir === '.' ? '' : dir, '_rels', `${path.posix.basename(partKey(partName))}.rels`);
    const rels = new Map<string, Relationship>();
    const entry = this.entry(relsName);
    if (!entry) return rels;
    await this.parse(entry, SMALL_PART_BYTES, {
      open: (name, attributes) => {
        if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
        const id = attributes.Id;
        const target = attributes.Target;
        if (id === undefined || target === undefined) return;
        const resolved = target.startsWith('/')
          ? partKey(target)
          : partKey(path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, target)));
        rels.set(id, { type: attributes.Type ?? '', target: resolved });
      },
    });
    return rels;
  }
}

async function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  for await (const entry of zip.eachEntry()) {
    if (entries.size >= MAX_ZIP_ENTRIES) throw refuse('corrupt_xlsx', { detail: 'too many zip entries' });
    entries.set(partKey(entry.fileName), entry);
  }
  return entries;
}

export async function readXlsx(ctx: ReadContext): Promise<ReadResult> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(ctx.path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch (error) {
    return fileError('corrupt_xlsx', { detail: String((error as Error).message) });
  }
  try {
    return await readWorkbook(zip, ctx);
  } catch (error) {
    if (ctx.signal?.aborted) return fileError('cancelled');
    if (error instanceof Refusal) return { ok: false, error: error.error };
    // Anything else thrown while reading a zip or its XML means the file is damaged
    // (a truncated download, a broken writer); the fuzz tests hold us to never throwing.
    return fileError('corrupt_xlsx', { detail: String((error as Error).message).slice(0, 200) });
  } finally {
    zip.close();
  }
}

async function readWorkbook(zip: ZipFile, ctx: ReadContext): Promise<ReadResult> {
  const entries = await listEntries(zip);
  const book = new Workbook(zip, entries, ctx);

  if (!entries.has('[content_types].xml')) {
    const mimetype = entries.get('mimetype');
    if (mimetype && entries.has('content.xml')) {
      // The mimetype part is plain text, not XML.
      let text = '';
      if (mimetype.uncompressedSize > 1024) return fileError('not_a_spreadsheet', { detected: 'zip' });
      const stream = await zip.openReadStreamPromise(mimetype);
      for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString('latin1');
      if (text.includes('spreadsheet')) return fileError('unsupported_spreadsheet', { format: 'ods' });
      return fileError('not_a_spreadsheet', { detected: 'opendocument' });
    }
    return fileError('not_a_spreadsheet', { detected: 'zip' });
  }

  const rootRels = await book.relationships('');
  const officeDocument = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const workbookName = officeDocument?.target ?? 'xl/workbook.xml';
  if (workbookName.endsWith('.bin') || entries.has('xl/workbook.bin')) {
    return fileError('unsupported_spreadsheet', { format: 'xlsb' });
  }
  const workbookEntry = book.entry(workbookName);
  if (!workbookEntry) {
    if (entries.has('word/document.xml')) return fileError('not_a_spreadsheet', { detected: 'docx' });
    if (entries.has('ppt/presentation.xml')) return fileError('not_a_spreadsheet', { detected: 'pptx' });
    return fileError('not_a_spreadsheet', { detected: 'zip' });
  }

  // Workbook: the sheets in tab order, their visibility, and the date system.
  const sheets: { name: string; state: string; rid: string }[] = [];
  let date1904 = false;
  await book.parse(workbookEntry, SMALL_PART_BYTES, {
    open: (name, attributes) => {
      if (name === 'sheet') {
        sheets.push({
          name: attributes.name ?? '',
          state: attributes.state ?? 'visible',
          rid: attr(attributes, 'id') ?? '',
        });
      } else if (name === 'workbookPr') {
        const value = attributes.date1904;
        date1904 = value === '1' || value === 'true';
      }
    },
  });
  const rels = await book.relationships(workbookName);
  const worksheets = sheets.flatMap((sheet) => {
    const rel = rels.get(sheet.rid);
    // Chart sheets and macro sheets have no table to import.
    if (!rel || !REL_WORKSHEET.test(rel.type)) return [];
    const entry = book.entry(rel.target);
    return entry ? [{ ...sheet, entry }] : [];
  });
  const hidden = worksheets.filter((s) => s.state === 'hidden' || s.state === 'veryHidden');
  const visible = worksheets.filter((s) => !hidden.includes(s));
  const chosen = visible[0];
  if (!chosen) return fileError('no_visible_sheet');

  const notes: FileNote[] = [];
  if (hidden.length > 0) {
    notes.push({
      reason: 'hidden_sheets_skipped',
      params: { count: hidden.length, names: hidden.map((s) => s.name).join(', ') },
    });
  }
  if (visible.length > 1) {
    const others = visible.slice(1);
    notes.push({
      reason: 'other_sheets_ignored',
      params: { sheet: chosen.name, count: others.length, names: others.map((s) => s.name).join(', ') },
    });
  }

  const relValues = [...rels.values()];
  const stylesRel = relValues.find((r) => REL_STYLES.test(r.type));
  const dateKinds = await readDateStyles(book, stylesRel ? book.entry(stylesRel.target) : undefined);
  const stringsRel = relValues.find((r) => REL_SHARED_STRINGS.test(r.type));
  // Shared strings are the one part held whole in memory; the cap follows the caller's file limit.
  const strings = await readSharedStrings(
    book,
    stringsRel ? book.entry(stringsRel.target) : undefined,
    Math.max(4 * ctx.maxBytes, SMALL_PART_BYTES),
  );

  return readSheet(book, ctx, chosen.entry, chosen.name, { dateKinds, strings, date1904, notes });
}

/** For each cell style index: whether its number format shows a date or time. */
async function readDateStyles(book: Workbook, entry: Entry | undefined): Promise<(DateKind | null)[]> {
  if (!entry) return [];
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await book.parse(entry, SMALL_PART_BYTES, {
    open: (name, attributes) => {
      if (name === 'numFmt') {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id)) customFormats.set(id, attributes.formatCode ?? '');
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        xfFormats.push(Number(attributes.numFmtId ?? 0));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? customDateKind(custom) : builtinDateKind(id);
  });
}

/** The shared string table: plain text of each item, rich-text runs joined, phonetic guides left out. */
async function readSharedStrings(book: Workbook, entry: Entry | undefined, maxBytes: number): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  await book.parse(entry, maxBytes, {
    open: (name) => {
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inItem && phonetic === 0) inText = true;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(decodeOoxmlEscapes(current));
        inItem = false;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText) current += text;
    },
  });
  return strings;
}

/** Column number (1-based) of a cell reference such as "AB12"; 0 if there are no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
    if (col > MAX_COLUMN) return MAX_COLUMN + 1;
  }
  return col;
}

function rowOf(ref: string): number {
  const match = /\d+$/u.exec(ref);
  return match ? Number(match[0]) : 0;
}

interface SheetContext {
  readonly dateKinds: readonly (DateKind | null)[];
  readonly strings: readonly string[];
  readonly date1904: boolean;
  readonly notes: FileNote[];
}

async function readSheet(
  book: Workbook,
  ctx: ReadContext,
  entry: Entry,
  sheetName: string,
  { dateKinds, strings, date1904, notes }: SheetContext,
): Promise<ReadResult> {
  const builder = new TableBuilder(false, ctx.maxRows);
  const merges: string[] = [];
  let formulas = 0;
  let tooManyRows = false;

  // Parse state for the current row and cell.
  let rowNumber = 0;
  let inRow = false;
  let cells: string[] = [];
  let problems: RowProblem[] | undefined;
  let nextColumn = 1;
  let column = 0;
  let type = 'n';
  let style = 0;
  let hasFormula = false;
  let value: string | null = null;
  let inValue = false;
  let inline: string | null = null;
  let inInlineText = false;
  let phonetic = 0;

  const cellText = (): string => {
    switch (type) {
      case 's': {
        const index = Number(value);
        return unescapeFormula(strings[index] ?? '');
      }
      case 'inlineStr':
        return unescapeFormula(decodeOoxmlEscapes(inline ?? value ?? ''));
      case 'str':
        return unescapeFormula(decodeOoxmlEscapes(value ?? ''));
      case 'b':
        if (value === null) return '';
        return value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        if (value !== null) (problems ??= []).push({ reason: 'cell_error', params: { column, value } });
        return value ?? '';
      case 'd': {
        // ISO 8601 date cells (strict OOXML and some non-Excel writers).
        if (value === null) return '';
        const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/u.exec(value.trim());
        if (!match) return value;
        return match[2] && match[2] !== '00:00:00' ? `${match[1]} ${match[2]}` : (match[1] ?? value);
      }
      default: {
        if (value === null || value.trim() === '') return '';
        const number = Number(value);
        if (!Number.isFinite(number)) return value.trim();
        const kind = dateKinds[style] ?? null;
        if (kind) return serialToText(number, kind, date1904) ?? formatNumber(number);
        return formatNumber(number);
      }
    }
  };

  await book.parse(
    entry,
    Math.max(10 * ctx.maxBytes, SMALL_PART_BYTES),
    {
      open: (name, attributes) => {
        switch (name) {
          case 'row': {
            const r = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROW)
              throw refuse('corrupt_xlsx', { detail: 'bad row number' });
            rowNumber = r;
            inRow = true;
            cells = [];
            problems = undefined;
            nextColumn = 1;
            break;
          }
          case 'c': {
            const ref = attributes.r;
            const col = ref === undefined ? nextColumn : columnOf(ref);
            if (col < 1 || col > MAX_COLUMN) throw refuse('corrupt_xlsx', { detail: 'bad cell reference' });
            column = col;
            type = attributes.t ?? 'n';
            style = Number(attributes.s ?? 0) || 0;
            hasFormula = false;
            value = null;
            inline = null;
            break;
          }
          case 'f':
            hasFormula = true;
            break;
          case 'v':
            inValue = true;
            value = '';
            break;
          case 'is':
            inline = '';
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inline !== null && phonetic === 0) inInlineText = true;
            break;
          case 'mergeCell':
            if (attributes.ref && merges.length < MAX_MERGES) merges.push(attributes.ref);
            break;
        }
      },
      text: (text) => {
        if (inValue && value !== null) {
          value += text;
          if (value.length > MAX_CELL_CHARS) throw refuse('too_large_unpacked', { maxMb: toMb(MAX_CELL_CHARS) });
        } else if (inInlineText && inline !== null) {
          inline += text;
          if (inline.length > MAX_CELL_CHARS) throw refuse('too_large_unpacked', { maxMb: toMb(MAX_CELL_CHARS) });
        }
      },
      close: (name) => {
        switch (name) {
          case 'v':
            inValue = false;
            break;
          case 't':
            inInlineText = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c': {
            if (!inRow) break;
            let text = cellText();
            if (hasFormula) {
              formulas++;
              if (value === null && inline === null) {
                text = '';
                (problems ??= []).push({ reason: 'formula_without_value', params: { column } });
              }
            }
            while (cells.length < column - 1) cells.push('');
            cells[column - 1] = text;
            nextColumn = column + 1;
            break;
          }
          case 'row':
            inRow = false;
            if (tooManyRows) break;
            if (!builder.add(rowNumber, cells, problems)) tooManyRows = true;
            ctx.pacer.countRow();
            break;
        }
      },
    },
    async (inflated) => {
      if (tooManyRows) return true;
      if (ctx.pacer.overdue()) {
        // Progress in file bytes, estimated from how much of the sheet has been inflated.
        ctx.progress(
          builder.rowCount,
          Math.min(ctx.size, Math.round((inflated / Math.max(1, entry.uncompressedSize)) * ctx.size)),
        );
        await ctx.pacer.pause();
      }
      return false;
    },
  );
  if (tooManyRows) return fileError('too_many_rows', { maxRows: ctx.maxRows });
  if (!builder.hasHeader) return fileError('empty_sheet', { sheet: sheetName });

  if (merges.length > 0) {
    blankMergedCells(builder, merges);
    notes.push({ reason: 'merged_cells', params: { count: merges.length, ranges: merges.slice(0, 5).join(', ') } });
  }
  if (formulas > 0) notes.push({ reason: 'formulas_used_cached_values', params: { count: formulas } });
  const { headers, rows, notes: tableNotes } = builder.finish();
  ctx.progress(rows.length, ctx.size);
  return { ok: true, table: { format: 'xlsx', sheetName, headers, rows, notes: [...notes, ...tableNotes] } };
}

/**
 * Excel shows a merged range's value in its top-left cell only; other writers may store
 * more. Work is capped: this is cosmetic, and a hostile file could declare thousands of
 * sheet-sized ranges.
 */
function blankMergedCells(builder: TableBuilder, merges: readonly string[]): void {
  const rows = builder.cellsByLine();
  let budget = 10_000_000;
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    if (!from || !to) continue;
    const top = rowOf(from);
    const left = columnOf(from);
    const bottom = rowOf(to);
    const right = columnOf(to);
    // First row at or below `top` (rows are in file order, which Excel keeps ascending).
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((rows[mid]?.line ?? 0) < top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rows.length; i++) {
      const row = rows[i];
      if (!row || row.line > bottom) break;
      for (let col = left; col <= right && col <= row.cells.length; col++) {
        if (--budget < 0) return;
        if (row.line !== top || col !== left) row.cells[col - 1] = '';
      }
    }
  }
}
