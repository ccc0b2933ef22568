/**
 * Formula-injection escaping (OWASP "CSV Injection"; ASVS 5 V1.2.10). A cell that starts
 * with one of these characters is run as a formula by Excel, LibreOffice or Sheets when the
 * file is opened, and RFC 4180 quoting does not prevent it; a leading apostrophe does.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/**
 * Length of the run of apostrophes at the start of `cell` if that run is followed by a
 * trigger character, else -1. Escaping works on the class "k apostrophes then a trigger":
 *
 * - escape adds one apostrophe to every string of that class with k >= 0 and leaves every
 *   other string alone, so its output never starts with a trigger;
 * - unescape removes one apostrophe from every string of that class with k >= 1.
 *
 * A string of the class with k apostrophes becomes one with k + 1 and comes back to k; a
 * string outside the class is untouched both ways, and it stays outside (escape does not
 * change it). So unescape(escape(s)) === s for every s, including values that themselves
 * start with `'=`: those are escaped to `''=` rather than being confused with an escape.
 */
function apostrophesBeforeTrigger(cell: string): number {
  let k = 0;
  while (k < cell.length && cell.charCodeAt(k) === 39 /* ' */) k++;
  const next = cell[k];
  return next !== undefined && TRIGGERS.has(next) ? k : -1;
}

/** What to write for a string cell so that no spreadsheet runs it as a formula. */
export function escapeFormula(cell: string): string {
  return apostrophesBeforeTrigger(cell) >= 0 ? `'${cell}` : cell;
}

/** The exact inverse of `escapeFormula`, applied by the reader to every text cell. */
export function unescapeFormula(cell: string): string {
  return apostrophesBeforeTrigger(cell) >= 1 ? cell.slice(1) : cell;
}

/** A cell that a spreadsheet would have calculated: in a CSV it is only text, so it is flagged. */
export function looksLikeFormula(rawCell: string): boolean {
  return rawCell.startsWith('=');
}
