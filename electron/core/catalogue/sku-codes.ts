/**
 * Generated SellerSkus look like `KSP-0007`: up to three letters from the product name
 * (so a seller recognises the product at a glance) and the seller's running counter
 * (so a code is never handed out twice, even after its product is deleted).
 */
export function skuPrefix(productName: string): string {
  const words = productName
    .normalize('NFKD')
    // Drop the accents NFKD split off ("É" -> "E" + U+0301), so "Émping" stays one word.
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9\s]/g, ' ')
    .toUpperCase()
    .split(/\s+/)
    .filter((w) => /[A-Z]/.test(w));
  if (words.length === 0) return 'SKU';
  if (words.length === 1) return (words[0] ?? 'SKU').replace(/[^A-Z]/g, '').slice(0, 3) || 'SKU';
  return words
    .slice(0, 3)
    .map((w) => w.replace(/[^A-Z]/g, '').charAt(0))
    .join('');
}

export function formatSku(prefix: string, counter: number): string {
  return `${prefix}-${String(counter).padStart(4, '0')}`;
}
