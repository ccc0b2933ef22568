/** More words than anyone types into a search box; the rest are ignored, keeping the query cheap. */
const MAX_WORDS = 16;
/** Longer "words" are pasted junk; a prefix this long already pins the token down. */
const MAX_WORD_CHARS = 64;

/**
 * Turns what a user typed into an FTS5 MATCH expression that can only mean "every word, as
 * a prefix": `kripik "pedas` becomes `"kripik"* "pedas"*`.
 *
 * User text never reaches FTS5 syntax: each word keeps only its letters, digits and
 * combining marks (what the unicode61 tokenizer indexes anyway, so nothing findable is
 * lost), and goes inside double quotes, where AND, OR, NOT, NEAR, `*`, `^`, `:`, `-` and
 * column names are plain text. Pieces of one word stay one phrase, so "KRP-100" still means
 * "krp" right before "100…", as in the indexed SellerSku.
 *
 * Returns null when nothing searchable is left (blank, or only punctuation and emoji): the
 * caller decides what that means.
 */
export function ftsQuery(text: string | undefined): string | null {
  if (!text) return null;
  const phrases: string[] = [];
  for (const word of text.split(/\s+/u)) {
    const pieces = word.slice(0, MAX_WORD_CHARS).match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu);
    if (pieces) phrases.push(`"${pieces.join(' ')}"*`);
    if (phrases.length === MAX_WORDS) break;
  }
  return phrases.length > 0 ? phrases.join(' ') : null;
}
