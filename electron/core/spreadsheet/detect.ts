/**
 * What a file is, judged by its first bytes rather than its name: people rename files, and
 * marketplace "Excel" downloads are sometimes HTML or old binary .xls under an .xlsx name.
 */
export type Sniffed =
  { kind: 'zip' } | { kind: 'ole2' } | { kind: 'text' } | { kind: 'empty' } | { kind: 'other'; detected: string };

/**
 * Only signatures that no plausible CSV starts with; anything else binary (programs, media)
 * is caught by the control-byte test.
 */
const MAGIC: readonly { bytes: readonly number[]; detected: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], detected: 'pdf' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], detected: 'image' }, // PNG
  { bytes: [0xff, 0xd8, 0xff], detected: 'image' }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], detected: 'image' }, // GIF8
  { bytes: [0x1f, 0x8b], detected: 'gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21], detected: 'rar' }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detected: '7z' },
  // "SQLite format 3\0": spelled out in full, since a CSV header may well start with "SQLite".
  { bytes: [...Buffer.from('SQLite format 3\0', 'latin1')], detected: 'sqlite' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], detected: 'program' }, // ELF
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

/** `head` is the first few KB of the file. */
export function sniffFormat(head: Uint8Array): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  // PK\3\4 is a local file header; PK\5\6 an empty archive (still a zip, still not a workbook).
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(head, OLE2)) return { kind: 'ole2' };
  for (const { bytes, detected } of MAGIC) {
    if (startsWith(head, bytes)) return { kind: 'other', detected };
  }
  // UTF-16 text is full of zero bytes, so check its BOM before the binary test below.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { kind: 'text' };
  const markup = markupKind(head);
  if (markup) return { kind: 'other', detected: markup };
  if (looksBinary(head)) return { kind: 'other', detected: 'binary' };
  return { kind: 'text' };
}

/**
 * Web "Export to Excel" buttons often produce HTML or SpreadsheetML 2003 XML with an .xls
 * name; read as CSV they would become one column of tags.
 */
function markupKind(head: Uint8Array): string | null {
  let start = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) start = 3;
  const text = new TextDecoder('latin1')
    .decode(head.subarray(start, start + 512))
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<table')) return 'html';
  if (text.startsWith('<?xml')) return 'xml';
  return null;
}

/**
 * A text file has almost no control bytes; a binary one has many. A ratio (not "any NUL")
 * so that a CSV with one stray control character in a cell is still read.
 */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > Math.max(8, head.length * 0.1);
}

/**
 * An OLE2 compound file is either an old binary .xls or a password-protected .xlsx (Office
 * wraps encrypted OOXML in OLE2 with these two streams). The stream names are stored in
 * UTF-16LE in the compound file's directory.
 */
export function ole2IsEncryptedOoxml(bytes: Uint8Array): boolean {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    haystack.includes(Buffer.from('EncryptedPackage', 'utf16le')) &&
    haystack.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}
