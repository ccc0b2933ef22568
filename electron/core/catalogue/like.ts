/** A `LIKE ... ESCAPE '\'` pattern that matches `text` anywhere, with % and _ taken literally. */
export function likePattern(text: string | undefined): string | null {
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
