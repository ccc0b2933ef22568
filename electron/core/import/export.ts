import type { Language, Product } from '../../shared/catalogue';
import type { ExportSaveInput } from '../../shared/imports';
import type { ProductStore } from '../catalogue/products';
import type { Db } from '../db/open';
import { exportSheet, type Cell } from './export-rows';

const SELLER_HEADER: Readonly<Record<Language, string>> = { id: 'Peserta', en: 'Participant' };

/**
 * The export sheet of one participant's live products, or of the whole catalogue (then
 * with a first column naming each product's participant, which the importer ignores).
 * Products are read one at a time through the store, so the file holds exactly what the
 * app shows.
 */
export function exportCatalogue(
  db: Db,
  products: ProductStore,
  input: ExportSaveInput,
  language: Language,
): { headers: string[]; rows: Cell[][]; products: number } {
  const rows = db
    .prepare<{ sellerId: number | null }, { id: number; seller_name: string }>(
      `SELECT p.id, s.name AS seller_name FROM products p JOIN sellers s ON s.id = p.seller_id
       WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND (@sellerId IS NULL OR p.seller_id = @sellerId)
       ORDER BY s.name COLLATE NOCASE, s.id, p.name COLLATE NOCASE, p.id`,
    )
    .all({ sellerId: input.sellerId ?? null });
  const sellerNames = new Map(rows.map((row) => [row.id, row.seller_name]));
  const list: Product[] = rows.map((row) => products.get(row.id));
  const extra =
    input.sellerId === undefined
      ? { header: SELLER_HEADER[language], value: (product: Product) => sellerNames.get(product.id) ?? '' }
      : null;
  return { ...exportSheet(list, language, extra), products: list.length };
}
