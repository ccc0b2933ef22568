/**
 * Rupiah is always shown the Indonesian way ("Rp 15.000"), in English too: it is how
 * prices appear on the marketplace and on the seller's own price tags, so this formatter
 * is id-ID on purpose and does not follow the interface language. Plain counts and
 * measures do (`formatNumber` in numbers.ts).
 */
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

export function formatRupiah(amount: number): string {
  // Intl puts a no-break space after "Rp" so the amount never wraps away from it.
  return rupiah.format(amount);
}

/** "Rp 15.000" for one price, "Rp 15.000 – Rp 25.000" when variants differ. */
export function formatPriceRange(min: number, max: number): string {
  return min === max ? formatRupiah(min) : `${formatRupiah(min)} – ${formatRupiah(max)}`;
}
