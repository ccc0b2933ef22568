import type { CsvDelimiter } from './types';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Picks the delimiter from the first records of a file, counting each candidate only
 * outside quotes (a quoted "Rp 12.500,00" must not vote for the comma).
 *
 * The header must contain the delimiter, and the winner is the candidate whose count in the
 * header is repeated by the most following records; ties go to the larger count, then to
 * tab, semicolon, comma (a tab or a semicolon is rarely part of a value, while Indonesian
 * numbers use the comma as decimal separator). A file with none of them is one column.
 */
export function sniffDelimiter(text: string, complete: boolean): CsvDelimiter {
  const records = countPerRecord(text, complete, 50);
  let best: { delimiter: CsvDelimiter; agree: number; count: number; rank: number } | null = null;
  for (const [rank, delimiter] of CANDIDATES.entries()) {
    const counts = records.map((r) => r[delimiter]);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const rest = counts.slice(1);
    const agree = rest.length === 0 ? 1 : rest.filter((c) => c === header).length / rest.length;
    // Later in CANDIDATES wins a full tie.
    if (
      best === null ||
      agree > best.agree ||
      (agree === best.agree && (header > best.count || (header === best.count && rank > best.rank)))
    ) {
      best = { delimiter, agree, count: header, rank };
    }
  }
  return best?.delimiter ?? ',';
}

type Counts = Record<CsvDelimiter, number>;

/** Delimiter counts per non-blank record, at most `limit` records; a trailing partial record is dropped unless `complete`. */
function countPerRecord(text: string, complete: boolean, limit: number): Counts[] {
  const out: Counts[] = [];
  let current: Counts = { ',': 0, ';': 0, '\t': 0 };
  let blank = true;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      blank = false;
      fieldStart = false;
      continue;
    }
    if (ch === ',' || ch === ';' || ch === '\t') {
      current[ch]++;
      fieldStart = true;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (!blank) out.push(current);
      current = { ',': 0, ';': 0, '\t': 0 };
      blank = true;
      fieldStart = true;
      continue;
    }
    if (ch !== ' ') blank = false;
    fieldStart = false;
  }
  if (complete && !blank && out.length < limit) out.push(current);
  return out;
}

/**
 * Finds the line (as a text editor counts them) of the quote that opened the field still
 * open at the end of the file. csv-parse only says that a quote was left open, and names the
 * last line. Fed chunk by chunk, with the same rules as csv-parse with `relax_quotes`: a quote
 * opens a field only as its first character, and `""` inside quotes is a literal quote.
 */
export class UnclosedQuoteFinder {
  private line = 1;
  private inQuotes = false;
  private quoteMaybeClosing = false;
  private fieldStart = true;
  private lastWasCr = false;
  private openedAt = 0;

  constructor(private readonly delimiter: string) {}

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n' && this.lastWasCr) {
        this.lastWasCr = false;
        // The \r before it already counted the line break; inside quotes it is data anyway.
        continue;
      }
      this.lastWasCr = ch === '\r';
      if (this.quoteMaybeClosing) {
        this.quoteMaybeClosing = false;
        if (ch === '"') continue; // "" is an escaped quote: still inside
        this.inQuotes = false;
      }
      if (ch === '\n' || ch === '\r') {
        this.line++;
        if (!this.inQuotes) this.fieldStart = true;
        continue;
      }
      if (this.inQuotes) {
        if (ch === '"') this.quoteMaybeClosing = true;
        continue;
      }
      if (ch === '"' && this.fieldStart) {
        this.inQuotes = true;
        this.openedAt = this.line;
        this.fieldStart = false;
        continue;
      }
      this.fieldStart = ch === this.delimiter;
    }
  }

  /** The opening line if a quoted field is still open (a final `"` closes it). */
  finish(): number | null {
    return this.inQuotes && !this.quoteMaybeClosing ? this.openedAt : null;
  }
}
