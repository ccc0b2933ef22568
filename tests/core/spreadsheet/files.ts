import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll } from 'vitest';

/**
 * Real files for the spreadsheet tests, written into a temp folder that is removed after
 * the test file: a small zip writer (so a test can state exactly which XML parts an .xlsx
 * holds, as Excel or LibreOffice would write them), raw workbooks, and OLE2 containers.
 */

export function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `akar-${prefix}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface ZipPart {
  readonly name: string;
  /** Text is stored as UTF-8; an iterable of chunks is deflated as a stream (for huge parts). */
  readonly data: string | Buffer | (() => Iterable<string>);
  /** Stored (method 0) instead of deflated. */
  readonly stored?: boolean;
}

/** Deflates chunk by chunk so a part of hundreds of MB never exists in memory. */
async function deflateChunks(chunks: Iterable<string>): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (bytes: Buffer) => out.push(bytes));
  const done = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  let batch = '';
  const flush = async (): Promise<void> => {
    const bytes = Buffer.from(batch, 'utf8');
    batch = '';
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= 1 << 20) await flush();
  }
  await flush();
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc, size };
}

/** A plain zip archive (no zip64), central directory and all. */
export async function writeZip(file: string, parts: readonly ZipPart[]): Promise<void> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let compressed: Buffer;
    let crc: number;
    let size: number;
    if (typeof part.data === 'function') {
      ({ compressed, crc, size } = await deflateChunks(part.data()));
    } else {
      const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
      crc = zlib.crc32(raw);
      size = raw.length;
      compressed = part.stored ? raw : zlib.deflateRawSync(raw);
    }
    const method = part.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, ...central, end]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface RawSheet {
  readonly name: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The `<sheetData>` content (and anything after it, such as `<mergeCells>`), or a chunk generator. */
  readonly body: string | (() => Iterable<string>);
}

/**
 * A minimal workbook as Excel lays it out: the worksheets come before sharedStrings.xml in
 * the archive (the order that defeats a front-to-back streaming reader).
 */
export async function writeRawXlsx(
  file: string,
  sheets: readonly RawSheet[],
  options: { sharedStrings?: readonly string[]; styles?: string; date1904?: boolean; extraParts?: ZipPart[] } = {},
): Promise<void> {
  const sheetParts: ZipPart[] = sheets.map((sheet, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data:
      typeof sheet.body === 'string'
        ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">${sheet.body}</worksheet>`
        : function* () {
            yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">`;
            yield* (sheet.body as () => Iterable<string>)();
            yield '</worksheet>';
          },
  }));
  const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/"/gu, '&quot;');
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}">` +
    (options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    '<sheets>' +
    sheets
      .map(
        (s, i) =>
          `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    '</sheets></workbook>';
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>` +
    '</Relationships>';
  const shared =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">` +
    (options.sharedStrings ?? []).join('') +
    '</sst>';
  const styles =
    options.styles ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;
  await writeZip(file, [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    ...sheetParts,
    { name: 'xl/styles.xml', data: styles },
    { name: 'xl/sharedStrings.xml', data: shared },
    ...(options.extraParts ?? []),
  ]);
}

/**
 * An OLE2 compound file (MS-CFB, version 3, 512-byte sectors) whose directory holds the
 * named, empty streams: "Workbook" makes an old .xls, "EncryptionInfo" + "EncryptedPackage"
 * is how Office stores a password-protected .xlsx.
 */
export function writeOle2(file: string, streams: readonly string[]): void {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);

  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1 (directory) ends its chain

  const names = ['Root Entry', ...streams];
  if (names.length > 4) throw new Error('one directory sector holds four entries');
  const directory = Buffer.alloc(sector, 0);
  names.forEach((name, i) => {
    const entry = directory.subarray(i * 128, (i + 1) * 128);
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(entry, 0);
    entry.writeUInt16LE(encoded.length, 64);
    entry.writeUInt8(i === 0 ? 5 : 2, 66); // root storage, or stream
    entry.writeUInt8(1, 67); // black
    entry.writeUInt32LE(0xffffffff, 68); // left sibling
    entry.writeUInt32LE(i > 0 && i < names.length - 1 ? i + 1 : 0xffffffff, 72); // right sibling
    entry.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, 76); // child
    entry.writeUInt32LE(i === 0 ? 0xfffffffe : 0, 116); // start sector (empty streams)
    entry.writeUInt32LE(0, 120); // size
  });
  for (let i = names.length; i < 4; i++) {
    const entry = directory.subarray(i * 128, (i + 1) * 128);
    entry.writeUInt32LE(0xffffffff, 68);
    entry.writeUInt32LE(0xffffffff, 72);
    entry.writeUInt32LE(0xffffffff, 76);
  }
  fs.writeFileSync(file, Buffer.concat([header, fat, directory]));
}

/** CPU time of the calling thread in ns (Linux), or null where /proc does not say. */
function threadCpuNs(): number | null {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

export interface Stall {
  /** Longest wall-clock gap between ticks of a 1 ms timer. */
  readonly wallMs: number;
  /**
   * Longest time this thread spent running (on a CPU) between two ticks: the stall our code
   * causes, without the time the OS gave the CPU to other processes. Equal to wallMs on an
   * idle machine; on a busy 2-core machine wall-clock gaps of 100 ms happen with no work at all.
   * Falls back to wallMs where /proc/thread-self is missing (not Linux).
   */
  readonly cpuMs: number;
}

/** How long the event loop stalled while `work` ran. */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stall: Stall }> {
  let last = performance.now();
  let lastCpu = threadCpuNs();
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuNs();
    wallMs = Math.max(wallMs, now - last);
    if (cpu !== null && lastCpu !== null) cpuMs = Math.max(cpuMs, (cpu - lastCpu) / 1e6);
    last = now;
    lastCpu = cpu;
  }, 1);
  try {
    const result = await work();
    return { result, stall: { wallMs, cpuMs: lastCpu === null ? wallMs : cpuMs } };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The calmest of a few runs. A stall our code causes shows up in every run; a one-off JIT
 * warm-up or a garbage collection slowed by a busy machine does not.
 */
export async function calmestStall<T>(
  attempts: number,
  work: () => Promise<T>,
): Promise<{ result: T; stalls: Stall[] }> {
  const stalls: Stall[] = [];
  let last: T | undefined;
  for (let i = 0; i < attempts; i++) {
    const { result, stall } = await longestStall(work);
    stalls.push(stall);
    last = result;
    if (stall.cpuMs < 50) break;
  }
  return { result: last as T, stalls };
}

export const describeStalls = (stalls: readonly Stall[]): string =>
  stalls.map((s) => `${Math.round(s.cpuMs)} ms running (${Math.round(s.wallMs)} ms wall)`).join(', ');

export const calmest = (stalls: readonly Stall[]): number => Math.min(...stalls.map((s) => s.cpuMs));

/** Peak resident memory above the starting point while `work` runs, sampled every 5 ms. */
export async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - start) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}
