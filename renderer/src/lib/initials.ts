/** "Batik Tulis Garut" -> "BT", "dodol" -> "DO": stands in for a photo or an avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1)
    return Array.from(words[0] ?? '?')
      .slice(0, 2)
      .join('')
      .toUpperCase();
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toUpperCase();
}

const TILE_TONES = 6;

/** A stable soft colour per name, so tiles are told apart without being loud. */
export function toneFor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % TILE_TONES;
}
