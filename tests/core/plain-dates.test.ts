import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromExcelSerial, parseDate, type ParsedDate } from '../../electron/shared/plain/dates';

/**
 * Dates as sellers and spreadsheets write them, read day first (the Indonesian way) and
 * never by swapping day and month to make a date fit.
 */

const day = (value: string): ParsedDate => ({ kind: 'date', value });
const bad = (reason: 'not_a_date' | 'no_such_day' | 'two_digit_year'): ParsedDate => ({ kind: 'invalid', reason });

describe('parseDate', () => {
  it.each<[string, ParsedDate]>([
    ['2026-12-01', day('2026-12-01')],
    ['2026/12/01', day('2026-12-01')],
    ['2026-12-1', day('2026-12-01')],
    ['2026-12-01 00:00:00', day('2026-12-01')],
    ['2026-12-01T10:30', day('2026-12-01')],
    ['2026-12-01T10:30:15.250', day('2026-12-01')],
    // Day first, the Indonesian way.
    ['01/12/2026', day('2026-12-01')],
    ['1/12/2026', day('2026-12-01')],
    ['1-12-2026', day('2026-12-01')],
    ['1.12.2026', day('2026-12-01')],
    ['31-12-2026', day('2026-12-31')],
    ['1 Desember 2026', day('2026-12-01')],
    ['1 Des 2026', day('2026-12-01')],
    ['1 des. 2026', day('2026-12-01')],
    ['1 December 2026', day('2026-12-01')],
    ['1 Dec 2026', day('2026-12-01')],
    ['1-Des-2026', day('2026-12-01')],
    ['01 DESEMBER 2026', day('2026-12-01')],
    ['December 1, 2026', day('2026-12-01')],
    ['17 Agustus 1945', day('1945-08-17')],
    ['17 Agt 2026', day('2026-08-17')],
    ['5 Mei 2026', day('2026-05-05')],
    ['5 May 2026', day('2026-05-05')],
    ['10 Nopember 2026', day('2026-11-10')],
    ['29 Pebruari 2028', day('2028-02-29')],
    ['  1\u00a0Desember\u00a02026 ', day('2026-12-01')],
    ['29/02/2024', day('2024-02-29')],
    ['29/02/2000', day('2000-02-29')],
    // Excel serial days (1900 system).
    ['46357', day('2026-12-01')],
    ['46357.75', day('2026-12-01')],
    ['10000', day('1927-05-18')],
    ['99999', day('2173-10-13')],
  ])('reads %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it.each<[string, ParsedDate]>([
    ['31/02/2026', bad('no_such_day')],
    ['29/02/2026', bad('no_such_day')],
    ['29/02/2100', bad('no_such_day')],
    ['31/04/2026', bad('no_such_day')],
    ['00/12/2026', bad('no_such_day')],
    ['2026-13-01', bad('no_such_day')],
    ['2026-00-10', bad('no_such_day')],
    ['32 Desember 2026', bad('no_such_day')],
    ['30 Februari 2026', bad('no_such_day')],
    // Month first (American) is not read by swapping: 31 is no month.
    ['12/31/2026', bad('no_such_day')],
    // Two-digit years: 2026 or 1926, and which end is the year?
    ['01/12/26', bad('two_digit_year')],
    ['26-12-01', bad('two_digit_year')],
    ['1-Dec-26', bad('two_digit_year')],
    ['1 Des 26', bad('two_digit_year')],
    ['01/12/0026', bad('not_a_date')],
    ['01/12/202', bad('not_a_date')],
    ['01/12/20260', bad('not_a_date')],
    ['0999-12-01', bad('not_a_date')],
    ['2026-12-01 25:00', bad('not_a_date')],
    ['2026-12-01 10:60', bad('not_a_date')],
    ['2026-12-01Z', bad('not_a_date')],
    ['2026-12/01', bad('not_a_date')],
    ['01/12-2026', bad('not_a_date')],
    ['1 Foo 2026', bad('not_a_date')],
    ['Desember 2026', bad('not_a_date')],
    ['2026', bad('not_a_date')],
    ['15', bad('not_a_date')],
    ['1234', bad('not_a_date')],
    ['20261201', bad('not_a_date')],
    ['-46357', bad('not_a_date')],
    ['4,6357', bad('not_a_date')],
    ['besok', bad('not_a_date')],
    ['１/１２/２０２６', bad('not_a_date')],
    ['1'.repeat(400), bad('not_a_date')],
  ])('refuses %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it('treats blank text as empty', () => {
    expect(parseDate('')).toEqual({ kind: 'empty' });
    expect(parseDate(' \u00a0 ')).toEqual({ kind: 'empty' });
  });

  it('reads every real day back, however it is written', () => {
    const monthsId = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September'];
    const months = [...monthsId, 'Oktober', 'November', 'Desember'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y = '', m = '', d = ''] = iso.split('-');
          expect(parseDate(iso)).toEqual(day(iso));
          expect(parseDate(`${d}/${m}/${y}`)).toEqual(day(iso));
          expect(parseDate(`${Number(d)}-${Number(m)}-${y}`)).toEqual(day(iso));
          expect(parseDate(`${Number(d)} ${months[Number(m) - 1] ?? ''} ${y}`)).toEqual(day(iso));
        },
      ),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d/ .:tT-]*$/)), (text) => {
        expect(['empty', 'date', 'invalid']).toContain(parseDate(text).kind);
      }),
    );
  });
});

describe('dateFromExcelSerial', () => {
  it.each<[number, ParsedDate]>([
    // Excel's invented 1900-02-29 is serial 60; from 61 on, serial 0 is 1899-12-30.
    [61, day('1900-03-01')],
    [36526, day('2000-01-01')],
    [45658, day('2025-01-01')],
    [46357.999, day('2026-12-01')],
    [2_958_465, day('9999-12-31')],
    [60, bad('not_a_date')],
    [1, bad('not_a_date')],
    [0, bad('not_a_date')],
    [-1, bad('not_a_date')],
    [2_958_466, bad('not_a_date')],
    [Number.NaN, bad('not_a_date')],
    [Number.POSITIVE_INFINITY, bad('not_a_date')],
  ])('reads %d', (serial, expected) => {
    expect(dateFromExcelSerial(serial)).toEqual(expected);
  });

  it('counts one day per serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_464 }), (serial) => {
        const today = dateFromExcelSerial(serial);
        const tomorrow = dateFromExcelSerial(serial + 1);
        if (today.kind !== 'date' || tomorrow.kind !== 'date') throw new Error('not a date');
        expect(Date.parse(tomorrow.value) - Date.parse(today.value)).toBe(86_400_000);
      }),
    );
  });
});
