import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../electron/core/spreadsheet/csv-scan';
import {
  builtinDateKind,
  customDateKind,
  decodeOoxmlEscapes,
  encodeOoxmlEscapes,
  formatNumber,
  serialToText,
} from '../../../electron/core/spreadsheet/xlsx-values';

describe('formatNumber', () => {
  it('writes plain decimals without binary-float noise', () => {
    expect(formatNumber(25000)).toBe('25000');
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1.005 * 1000)).toBe('1005');
    expect(formatNumber(-5)).toBe('-5');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(2.5e-7)).toBe('0.00000025');
    expect(formatNumber(-1.5e-10)).toBe('-0.00000000015');
    // Beyond 15 significant digits Excel shows zeros too (a barcode typed as a number).
    expect(formatNumber(8991234567890123)).toBe('8991234567890120');
    expect(formatNumber(Number.MAX_VALUE)).toMatch(/^17976931348623157\d{292}$/u);
  });

  it('never uses exponent notation and reads back to the same 15-digit value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/u);
        const fifteen = Number(value.toPrecision(15));
        expect(Number(text)).toBe((Number.isFinite(fifteen) ? fifteen : value) || 0);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('date formats', () => {
  it('knows the built-in date and time formats', () => {
    expect(builtinDateKind(14)).toBe('date');
    expect(builtinDateKind(22)).toBe('datetime');
    expect(builtinDateKind(20)).toBe('time');
    expect(builtinDateKind(0)).toBeNull();
    expect(builtinDateKind(4)).toBeNull();
  });

  it('reads custom format codes, ignoring quoted text, escapes and brackets', () => {
    expect(customDateKind('dd/mm/yyyy')).toBe('date');
    expect(customDateKind('[$-421]d mmmm yyyy;@')).toBe('date');
    expect(customDateKind('d-mmm-yy h:mm AM/PM')).toBe('datetime');
    expect(customDateKind('hh:mm')).toBe('time');
    expect(customDateKind('[h]:mm:ss')).toBe('time');
    expect(customDateKind('mmm')).toBe('date');
    expect(customDateKind('General')).toBeNull();
    expect(customDateKind('0.00E+00')).toBeNull();
    expect(customDateKind('#,##0 "hari"')).toBeNull();
    expect(customDateKind('[Red]#,##0.00_);(#,##0.00)')).toBeNull();
    expect(customDateKind('"Rp"\\ #,##0')).toBeNull();
  });

  it('turns serials into ISO dates in both date systems, keeping the fictional 1900-02-29', () => {
    expect(serialToText(45521, 'date', false)).toBe('2024-08-17');
    expect(serialToText(1, 'date', false)).toBe('1900-01-01');
    expect(serialToText(59, 'date', false)).toBe('1900-02-28');
    expect(serialToText(60, 'date', false)).toBe('1900-02-29');
    expect(serialToText(61, 'date', false)).toBe('1900-03-01');
    expect(serialToText(0, 'date', true)).toBe('1904-01-01');
    expect(serialToText(45521.5, 'datetime', false)).toBe('2024-08-17 12:00:00');
    expect(serialToText(45521, 'datetime', false)).toBe('2024-08-17');
    expect(serialToText(0.9999999999, 'time', false)).toBe('00:00:00');
    expect(serialToText(0.75, 'time', false)).toBe('18:00:00');
    expect(serialToText(2958465, 'date', false)).toBe('9999-12-31');
    expect(serialToText(-1, 'date', false)).toBeNull();
    expect(serialToText(3e6, 'date', false)).toBeNull();
  });
});

describe('OOXML character escapes', () => {
  it('decodes _xHHHH_ and the escaped underscore', () => {
    expect(decodeOoxmlEscapes('a_x000D_b')).toBe('a\rb');
    expect(decodeOoxmlEscapes('_x005F_x000D_')).toBe('_x000D_');
    expect(decodeOoxmlEscapes('no escapes_x')).toBe('no escapes_x');
  });

  it('encodes what XML cannot carry so that any text round-trips', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', '_', 'x', '0', 'D', '_x000D_', 'xaaaa', '\r', '\0', '\u007f', '\uffff', '\n'),
        }),
        (text) => {
          const encoded = encodeOoxmlEscapes(text);
          // eslint-disable-next-line no-control-regex -- checking that no control character is left
          expect(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFF]/u.test(encoded)).toBe(false);
          expect(decodeOoxmlEscapes(encoded)).toBe(text);
        },
      ),
      // A case found by this property once: the DEL after "_xaaaa" became "_x007F_".
      { numRuns: 5_000, examples: [['_x000D_xaaaa\u007f']] },
    );
  });
});

describe('sniffDelimiter', () => {
  it('prefers the delimiter that every record repeats', () => {
    expect(sniffDelimiter('SKU;Nama;Harga\nA;Kripik, pedas;1,5\nB;Dodol;2\n', true)).toBe(';');
    expect(sniffDelimiter('SKU,Nama\nA,"x;y;z"\n', true)).toBe(',');
    expect(sniffDelimiter('SKU\tNama\tKet\nA\tx, y\tz; w\n', true)).toBe('\t');
    expect(sniffDelimiter('SKU\nA\n', true)).toBe(',');
  });

  it('ignores the last, incomplete record of a partial read', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\n5,6,7,8,9,1', false)).toBe(';');
  });
});
