/**
 * A product's photo order as the seller changes it: dragged onto another photo's place,
 * moved one step with the arrow buttons, or made the main photo (first). Pure functions of
 * the list of ids; the screen sends the whole new order with `photos:reorder`.
 */

/** `id` taken out and put at `index` (the place of the photo it was dropped on). */
export function moveTo(ids: readonly number[], id: number, index: number): number[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((other) => other !== id);
  const at = Math.max(0, Math.min(rest.length, index));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** `id` moved one place left (-1) or right (1); unchanged at either end. */
export function moveBy(ids: readonly number[], id: number, step: -1 | 1): number[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  return moveTo(ids, id, from + step);
}

/** `id` first: the main photo, the one buyers see in the search results. */
export function makeMain(ids: readonly number[], id: number): number[] {
  return moveTo(ids, id, 0);
}

/** True when both lists hold the same ids (in any order): an old order may be put back. */
export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** True when the order differs. */
export function changed(a: readonly number[], b: readonly number[]): boolean {
  return a.length !== b.length || a.some((id, index) => b[index] !== id);
}
