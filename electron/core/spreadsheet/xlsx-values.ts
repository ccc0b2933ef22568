/**
 * How a worksheet's stored values become the text a person saw in Excel: numbers without
 * binary-float noise, date serials as ISO dates, and OOXML's `_xHHHH_` character escapes.
 */

/**
 * A number as plain decimal text, rounded to 15 significant digits as Excel shows it, so
 * a stored 0.30000000000000004 reads "0.3", 25000 reads "25000" and 1e21 is spelled out.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const fifteen = Number(value.toPrecision(15));
  // Rounding the largest doubles up would overflow to Infinity; they keep all their digits.
  const text = String(Number.isFinite(fifteen) ? fifteen : value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const point = (dot < 0 ? unsigned.length : dot) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

export type DateKind = 'date' | 'datetime' | 'time';

/** Excel's built-in formats (ECMA-376 18.8.30) that show a date or time. */
const BUILTIN_DATE_FORMATS: ReadonlyMap<number, DateKind> = new Map([
  [14, 'date'],
  [15, 'date'],
  [16, 'date'],
  [17, 'date'],
  [18, 'time'],
  [19, 'time'],
  [20, 'time'],
  [21, 'time'],
  [22, 'datetime'],
  [45, 'time'],
  [46, 'time'],
  [47, 'time'],
  // East Asian locale date formats, which Excel also stores by id only.
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'date'] as const),
  ...[32, 33, 55, 56].map((id) => [id, 'time'] as const),
]);

export function builtinDateKind(numFmtId: number): DateKind | null {
  return BUILTIN_DATE_FORMATS.get(numFmtId) ?? null;
}

/**
 * Whether a custom number format code shows a date, a time or both. Only the first
 * section counts; quoted text, escaped characters, padding and [colour]/[$locale] brackets
 * are not format tokens ("0.00E+00" or "#,##0 \"hari\"" are not dates). [h], [m], [s] are
 * elapsed-time tokens.
 */
export function customDateKind(code: string): DateKind | null {
  let stripped = '';
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] ?? '';
    if (ch === ';') break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end).toLowerCase();
      if (/^(h+|m+|s+)$/u.test(inside)) elapsed = true;
      i = end < 0 ? code.length : end;
      continue;
    }
    stripped += ch.toLowerCase();
  }
  if (stripped.includes('general')) return null;
  stripped = stripped.replace(/am\/pm|a\/p/gu, '');
  const hasDate = /[ydb]/u.test(stripped) || (/m/u.test(stripped) && !/[hs]/u.test(stripped));
  const hasTime = elapsed || /[hs]/u.test(stripped);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date serial as ISO text: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" (only when the time is not
 * midnight) or "HH:MM:SS". Null when the serial is outside Excel's calendar (then the
 * caller shows the number). Seconds are rounded, so 0.99999999 of a day does not read 23:59:59.
 */
export function serialToText(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  const totalSeconds = Math.round(serial * 86_400);
  const days = Math.floor(totalSeconds / 86_400);
  const seconds = totalSeconds - days * 86_400;
  const clock = (total: number): string =>
    `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  // A time format shows the time of day, as Excel does for h:mm on a full date-time.
  if (kind === 'time') return clock(seconds);
  let date: string;
  if (!date1904 && days === 60) {
    // Excel keeps Lotus 1-2-3's fictional 29 February 1900 as serial 60.
    date = '1900-02-29';
  } else {
    // 1900 system: serial 1 is 1900-01-01, and after the fictional day everything shifts by one.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    const d = new Date(epoch + days * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (kind === 'datetime' && seconds !== 0) return `${date} ${clock(seconds)}`;
  return date;
}

/**
 * OOXML strings escape characters that XML cannot carry as `_xHHHH_` (ECMA-376 22.9.2.19),
 * and a literal "_xHHHH_" as "_x005F_xHHHH_". Decoding left to right undoes both.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The writer's side: control characters (exceljs silently drops them, and an XML parser
 * turns CR into LF) and literal escape-lookalikes are escaped so that text round-trips.
 * An underscore starting "_xHHHH" is escaped whatever follows it: the next character may
 * itself become an escape ("_x000D_xaaaa" + DEL would otherwise read back "_xaaaa_").
 */
export function encodeOoxmlEscapes(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
    /_(?=x[0-9A-Fa-f]{4})|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/gu,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
