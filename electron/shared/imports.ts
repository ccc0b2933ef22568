import { z } from 'zod';
import { idSchema, languageSchema } from './catalogue';
import { jobIdSchema } from './jobs';
import type { DateProblem } from './plain/dates';
import type { NumberProblem } from './plain/numbers';
import { VALIDATION_REASONS, type ValidationReason } from './result';

/**
 * Spreadsheet import: what crosses IPC between the import screen and the core. The core
 * keeps the file it read under `importId` between the preview and the commit, so the user
 * can correct the column mapping and preview again without re-reading the file.
 */

/**
 * What a spreadsheet column can mean. `option1`/`option2` are a variation's values; their
 * header ("Warna", "Ukuran") becomes the variation's name unless a "Nama Variasi" column
 * gives it. `attribute` columns carry a category attribute, keyed by the attribute's name.
 */
export const IMPORT_FIELDS = [
  'productKey',
  'name',
  'description',
  'highlights',
  'brand',
  'category',
  'condition',
  'variation1',
  'option1',
  'variation2',
  'option2',
  'sellerSku',
  'price',
  'specialPrice',
  'specialFrom',
  'specialTo',
  'stock',
  'weight',
  'length',
  'width',
  'height',
  'attribute',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One column's meaning; `ignore` for a column the user does not want imported. */
export const columnMapping = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('ignore') }),
  z.strictObject({ field: z.literal('attribute'), attribute: z.string().trim().min(1).max(60) }),
  z.strictObject({ field: z.literal('weight'), unit: z.enum(['kg', 'g']) }),
  z.strictObject({ field: z.enum(IMPORT_FIELDS).exclude(['attribute', 'weight']) }),
]);
export type ColumnMapping = z.infer<typeof columnMapping>;

/** Problems only an import can have, beyond what a form or a cell parser reports. */
export const IMPORT_ONLY_REASONS = [
  /** A product field differs from the same product's earlier row. */
  'conflicts_with_earlier_row',
  /** The same SellerSku on two rows of the file. */
  'duplicate_sku_in_file',
  /** The SellerSku belongs to another product of this participant. */
  'sku_of_other_product',
  /** The SellerSku belongs to a product in the trash: restore that product instead. */
  'sku_in_trash',
  /** The category cell matches no category (neither an id nor a name). */
  'unknown_category',
  /** The category name matches several categories: use the id or the full path. */
  'ambiguous_category',
  /** More SKU rows than a marketplace takes for one product. */
  'too_many_variants',
  /** The row has more or fewer cells than the header. */
  'too_many_cells',
  'too_few_cells',
  /** A formula cell without a value saved by the spreadsheet program. */
  'formula_without_value',
  /** An error value (#DIV/0!, #N/A) in a cell. */
  'cell_error',
] as const;

export const NUMBER_PROBLEMS = [
  'not_a_number',
  'has_decimals',
  'negative',
  'unknown_unit',
  'ambiguous',
] as const satisfies readonly NumberProblem[];
export const DATE_PROBLEMS = ['not_a_date', 'no_such_day', 'two_digit_year'] as const satisfies readonly DateProblem[];

export type ImportReason = ValidationReason | NumberProblem | DateProblem | (typeof IMPORT_ONLY_REASONS)[number];

/** Every reason, for checking that each has a translation. */
export const IMPORT_REASONS: readonly ImportReason[] = [
  ...new Set<ImportReason>([...VALIDATION_REASONS, ...NUMBER_PROBLEMS, ...DATE_PROBLEMS, ...IMPORT_ONLY_REASONS]),
];

/** One problem, where the user will look for it: the line, and the column's own header. */
export interface ImportIssue {
  readonly line: number;
  readonly column?: string;
  readonly reason: ImportReason;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A note or a refusal about the whole file (codes of the spreadsheet reader). */
export interface FileMessage {
  readonly reason: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A file read and kept for preview: its columns, the first rows, and a guessed mapping. */
export interface ImportFile {
  readonly importId: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  readonly sheetName?: string;
  readonly headers: readonly string[];
  readonly sample: readonly (readonly string[])[];
  readonly rowCount: number;
  readonly mapping: readonly ColumnMapping[];
  readonly notes: readonly FileMessage[];
}

export const importIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** Opening a file: the job id names its read progress, and lets the user stop a long read. */
export const importPickInput = z.strictObject({ jobId: jobIdSchema.optional() }).optional();

export const importRunInput = z.strictObject({
  importId: importIdSchema,
  sellerId: idSchema,
  mapping: z.array(columnMapping).max(500),
  jobId: jobIdSchema.optional(),
});
export type ImportRunInput = z.infer<typeof importRunInput>;

export type ImportAction = 'created' | 'updated' | 'unchanged' | 'skipped';

/** One product of the file and what importing it does (or did). */
export interface ImportOutcome {
  readonly action: ImportAction;
  readonly lines: readonly number[];
  readonly name: string;
  readonly productId?: number;
  readonly issues: readonly ImportIssue[];
}

/**
 * What a preview would do, or what a commit did. `outcomes` lists skipped products first
 * and is cut at a few thousand entries for the screen; the counts are always complete.
 */
export interface ImportReport {
  readonly committed: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly skippedRows: number;
  readonly outcomes: readonly ImportOutcome[];
  readonly outcomesCut: boolean;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Export one participant's products, or the whole catalogue without `sellerId`. */
export const exportSaveInput = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  sellerId: idSchema.optional(),
  /** Column headers' language; the app's language when left out. */
  language: languageSchema.optional(),
});
export type ExportSaveInput = z.infer<typeof exportSaveInput>;

export interface ExportSaved {
  readonly fileName: string;
  readonly products: number;
  readonly rows: number;
}

/** A small table the screen built (e.g. an import summary), saved as a CSV file. */
export const saveSheetInput = z.strictObject({
  suggestedName: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\\/:*?"<>|]+$/),
  headers: z.array(z.string().max(200)).min(1).max(50),
  rows: z.array(z.array(z.string().max(5000)).max(50)).max(20_000),
});
export type SaveSheetInput = z.infer<typeof saveSheetInput>;

export interface SheetSaved {
  readonly fileName: string;
}
