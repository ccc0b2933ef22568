/**
 * Rupiah is always shown the Indonesian way ("Rp 15.000"), whatever the interface
 * language: it is how prices appear on the marketplace and on the seller's own price tags.
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

const count = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** Stock and measures with Indonesian grouping and decimal comma ("1.250", "0,5"). */
export function formatNumber(value: number): string {
  return count.format(value);
}
