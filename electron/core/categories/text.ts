/**
 * One normalisation for everything that compares category words: the index written at
 * install, the search box and the product names behind suggestions. Words are folded to
 * lower case without accents ("Kéripik" = "keripik") and split on anything that is not a
 * letter or digit ("Dodol & Jenang" = "dodol", "jenang"; "T-Shirt" = "t", "shirt").
 */

/** Lower case, accents removed, every run of non-letters/digits a single word break. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The words of `text` joined by single spaces: the form names are compared in. */
export function normalized(text: string): string {
  return words(text).join(' ');
}

/**
 * The smallest string greater than every string that starts with `prefix`, so
 * `term >= prefix AND term < prefixEnd(prefix)` is an index range. SQLite compares TEXT
 * byte by byte in UTF-8, which orders like code points: bumping the last code point works.
 */
export function prefixEnd(prefix: string): string {
  const points = Array.from(prefix);
  const last = points.pop();
  if (last === undefined) return '\u{10FFFF}';
  return points.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}
