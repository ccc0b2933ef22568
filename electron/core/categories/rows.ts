import type { Language } from '../../shared/catalogue';
import type { CategorySummary } from '../../shared/categories';

/** The columns every list of categories reads; `SUMMARY_COLUMNS` selects them from `c`. */
export interface SummaryRow {
  readonly id: number;
  readonly leaf: number;
  readonly name_id: string;
  readonly name_en: string;
  readonly path_id: string;
  readonly path_en: string;
}

export const SUMMARY_COLUMNS = 'c.id, c.leaf, c.name_id, c.name_en, c.path_id, c.path_en';

export function toSummary(row: SummaryRow, language: Language): CategorySummary {
  return {
    id: row.id,
    name: language === 'en' ? row.name_en : row.name_id,
    path: JSON.parse(language === 'en' ? row.path_en : row.path_id) as string[],
    leaf: row.leaf === 1,
  };
}
