import { formatRupiah as rupiah } from '../shared/plain/numbers';

/** `Rp 15.000`, as in the app; the no-break space is kept plain for terminals and scripts. */
export function formatRupiah(value: number): string {
  return rupiah(value).replace(/\u00a0/g, ' ');
}

export function formatPriceRange(min: number, max: number): string {
  return min === max ? formatRupiah(min) : `${formatRupiah(min)} - ${formatRupiah(max)}`;
}

/** A plain text table: a header row, then rows, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
