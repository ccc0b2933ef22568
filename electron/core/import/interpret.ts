import type { ProductCondition } from '../../shared/catalogue';
import { parseDate } from '../../shared/plain/dates';
import {
  parseCentimetres,
  parseRupiah,
  parseWeightKg,
  parseWholeNumber,
  type ParsedNumber,
} from '../../shared/plain/numbers';
import { variationName, type ColumnMapping } from './columns';
import type { ImportIssue } from '../../shared/imports';

/** A data row of the sheet: its line as the user sees it, and one text per column. */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** One SKU row as read: numbers parsed, `undefined` where the cell was empty or unmapped. */
export interface RowSku {
  readonly line: number;
  readonly sellerSku: string;
  readonly option1: string;
  readonly option2: string;
  readonly price?: number;
  readonly specialPrice?: number;
  readonly specialFrom?: string;
  readonly specialTo?: string;
  readonly stock?: number;
  readonly weightKg?: number;
  readonly lengthCm?: number;
  readonly widthCm?: number;
  readonly heightCm?: number;
}

/** Product-level values; `undefined` means "not in the file", so an update keeps what is stored. */
export interface RowProduct {
  readonly name?: string;
  readonly description?: string;
  readonly highlights?: readonly string[];
  readonly brand?: string;
  readonly category?: string;
  readonly condition?: ProductCondition;
  readonly variation1?: string;
  readonly variation2?: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Rows that make one product: grouped by the product key when there is one, else by name. */
export interface ProductGroup {
  readonly key: string;
  readonly lines: readonly number[];
  readonly product: RowProduct;
  readonly skus: readonly RowSku[];
  /** Problems found while reading the cells; a group with any is not imported. */
  readonly issues: readonly ImportIssue[];
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly mapping: ColumnMapping;
}

const CONDITIONS: Readonly<Record<string, ProductCondition>> = {
  baru: 'new',
  new: 'new',
  bekas: 'used',
  used: 'used',
  'pernah dipakai': 'used',
};

/**
 * Turns rows into product groups. Rows of one product are found by the product key column
 * or, without one, by the same name (case and spacing aside), wherever they are in the
 * file. Product fields are read from the group's first row that fills them; a later row
 * that disagrees is reported rather than silently ignored.
 */
export function groupRows(
  headers: readonly string[],
  mappings: readonly ColumnMapping[],
  rows: readonly SheetRow[],
): ProductGroup[] {
  const columns: Column[] = mappings.map((mapping, index) => ({ index, header: headers[index] ?? '', mapping }));
  const byField = (field: ColumnMapping['field']) => columns.find((c) => c.mapping.field === field);
  const keyColumn = byField('productKey');
  const nameColumn = byField('name');

  const groups = new Map<string, { lines: number[]; rows: SheetRow[] }>();
  const order: string[] = [];
  for (const row of rows) {
    const cell = (column: Column | undefined) => (column ? (row.cells[column.index] ?? '').trim() : '');
    const key = cell(keyColumn) ? `key:${fold(cell(keyColumn))}` : `name:${fold(cell(nameColumn))}`;
    let group = groups.get(key);
    if (!group) {
      group = { lines: [], rows: [] };
      groups.set(key, group);
      order.push(key);
    }
    group.lines.push(row.line);
    group.rows.push(row);
  }
  return order.map((key) => {
    const group = groups.get(key);
    if (!group) throw new Error('unreachable: grouped key without rows');
    return readGroup(key, group.lines, group.rows, columns);
  });
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function readGroup(key: string, lines: number[], rows: readonly SheetRow[], columns: readonly Column[]): ProductGroup {
  const issues: ImportIssue[] = [];
  const product: {
    -readonly [K in keyof RowProduct]: RowProduct[K];
  } = { attributes: {} };
  const attributes: Record<string, string> = {};
  const skus: RowSku[] = [];

  for (const row of rows) {
    const sku: { -readonly [K in keyof RowSku]: RowSku[K] } = {
      line: row.line,
      sellerSku: '',
      option1: '',
      option2: '',
    };
    const problem = (column: Column, reason: ImportIssue['reason'], params?: ImportIssue['params']) =>
      issues.push({ line: row.line, column: column.header, reason, ...(params ? { params } : {}) });
    // Product-level text: first filled cell wins; a different value later is a conflict.
    const productText = <K extends 'name' | 'description' | 'brand' | 'category' | 'variation1' | 'variation2'>(
      column: Column,
      field: K,
      value: string,
    ) => {
      if (!value) return;
      const previous = product[field];
      if (previous === undefined) product[field] = value;
      else if (previous !== value) problem(column, 'conflicts_with_earlier_row', { value: clip(previous) });
    };
    const number = (column: Column, parsed: ParsedNumber): number | undefined => {
      if (parsed.kind === 'number') return parsed.value;
      if (parsed.kind === 'invalid') problem(column, parsed.reason);
      return undefined;
    };

    for (const column of columns) {
      const text = (row.cells[column.index] ?? '').trim();
      const { mapping } = column;
      switch (mapping.field) {
        case 'ignore':
        case 'productKey':
          break;
        case 'name':
        case 'description':
        case 'brand':
        case 'category':
        case 'variation1':
        case 'variation2':
          productText(column, mapping.field, text);
          break;
        case 'highlights':
          if (text && product.highlights === undefined) product.highlights = splitHighlights(text);
          break;
        case 'condition':
          if (!text) break;
          if (CONDITIONS[fold(text)]) product.condition = CONDITIONS[fold(text)];
          else problem(column, 'invalid_choice', { value: clip(text) });
          break;
        case 'attribute':
          if (text && attributes[mapping.attribute] === undefined) attributes[mapping.attribute] = text;
          break;
        case 'option1':
        case 'option2':
          sku[mapping.field] = text;
          break;
        case 'sellerSku':
          sku.sellerSku = text;
          break;
        case 'price':
          sku.price = number(column, parseRupiah(text));
          break;
        case 'specialPrice':
          sku.specialPrice = number(column, parseRupiah(text));
          break;
        case 'stock':
          sku.stock = number(column, parseWholeNumber(text));
          break;
        case 'weight':
          sku.weightKg = number(column, parseWeightKg(text, mapping.unit));
          break;
        case 'length':
          sku.lengthCm = number(column, parseCentimetres(text));
          break;
        case 'width':
          sku.widthCm = number(column, parseCentimetres(text));
          break;
        case 'height':
          sku.heightCm = number(column, parseCentimetres(text));
          break;
        case 'specialFrom':
        case 'specialTo': {
          const parsed = parseDate(text);
          if (parsed.kind === 'date') sku[mapping.field] = parsed.value;
          else if (parsed.kind === 'invalid') problem(column, parsed.reason);
          break;
        }
      }
    }
    skus.push(sku);
  }
  // Without a "Nama Variasi" value, a value column names its variation by its header
  // ("Warna" holds "Merah").
  for (const [option, variation] of [
    ['option1', 'variation1'],
    ['option2', 'variation2'],
  ] as const) {
    const column = columns.find((c) => c.mapping.field === option);
    if (column && product[variation] === undefined && skus.some((sku) => sku[option])) {
      product[variation] = variationName(column.header, option === 'option1' ? 1 : 2);
    }
  }
  return { key, lines, product: { ...product, attributes }, skus, issues };
}

/**
 * Highlights are written one per line, or separated by bullets in one line. A leading
 * "- " or "* " is a list marker; "-5 cm" is text.
 */
function splitHighlights(text: string): string[] {
  return text
    .split(/\r?\n|\s*[•·]\s*/)
    .map((line) => line.replace(/^[-*]\s+/, '').trim())
    .filter(Boolean);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
