/**
 * Which product a photo belongs to, from its file name, the way sellers and trainers name
 * files: the SKU code ("KR-01.jpg"), the SKU with a photo number ("KR-01_2.jpg",
 * "KR-01-3.jpg", "KR-01 (4).jpg": what phones and Windows make of copies), or the product
 * name ("keripik-singkong-balado.jpg", "Keripik Singkong Balado 2.jpg").
 */

/** What a seller's catalogue offers to match against. */
export interface MatchTargets {
  /** SellerSku (any case) -> product id, live SKUs of live products only. */
  readonly skus: ReadonlyMap<string, number>;
  /** Product name as a slug (see `slug`) -> product id; a slug two products share is left out. */
  readonly names: ReadonlyMap<string, number>;
}

export interface NameMatch {
  readonly productId: number;
  /** The photo number in the name (1 when none): "_2" comes after the plain one. */
  readonly number: number;
  readonly by: 'sku' | 'name';
}

/** "Keripik Singkong  Balado!" -> "keripik-singkong-balado": how names are compared. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "KR-01 (4)" -> ["KR-01", 4]; "KR-01_2" -> ["KR-01", 2]; "KR-01-3" -> ["KR-01", 3]. */
const NUMBERED = [/^(.+?)\s*\((\d{1,2})\)$/, /^(.+?)[ _-](\d{1,2})$/];

/** The file name without folder and extension. */
function stemOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/**
 * The product a file name names, or null. The whole name is tried before a trailing number
 * is taken off, because SKU codes often end in digits themselves: "KR-3.jpg" is the photo
 * of SKU KR-3 when there is one, and the third photo of SKU KR only when there is not.
 */
export function matchFileName(fileName: string, targets: MatchTargets): NameMatch | null {
  const stem = stemOf(fileName);
  if (stem === '') return null;
  const candidates: { text: string; number: number }[] = [{ text: stem, number: 1 }];
  for (const pattern of NUMBERED) {
    const found = pattern.exec(stem);
    if (found?.[1] && found[2]) candidates.push({ text: found[1].trim(), number: Number(found[2]) });
  }
  for (const { text, number } of candidates) {
    const bySku = targets.skus.get(text.toUpperCase());
    if (bySku !== undefined) return { productId: bySku, number, by: 'sku' };
  }
  for (const { text, number } of candidates) {
    const byName = targets.names.get(slug(text));
    if (byName !== undefined) return { productId: byName, number, by: 'name' };
  }
  return null;
}
