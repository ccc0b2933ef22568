import type { ColumnMapping, ImportField } from '../../../../electron/shared/imports';

/**
 * What the seller picks for a column in the "Cocokkan kolom" step. Weight is two choices
 * (kg and gram) because that is how people think of their column ("Berat (gram)"), not as
 * one field with a unit setting; everything else is one choice per import field.
 */
export type Choice = 'ignore' | 'attribute' | 'weightKg' | 'weightG' | Exclude<ImportField, 'attribute' | 'weight'>;

export type ChoiceGroup = 'product' | 'variant' | 'price' | 'package' | 'other';

/**
 * Every choice and the group it is listed under in the select. A Record, so a field added
 * to IMPORT_FIELDS fails the typecheck here until it has a place (and a translation).
 */
const GROUP_OF: Readonly<Record<Choice, ChoiceGroup>> = {
  name: 'product',
  description: 'product',
  highlights: 'product',
  brand: 'product',
  category: 'product',
  condition: 'product',
  productKey: 'product',
  option1: 'variant',
  option2: 'variant',
  variation1: 'variant',
  variation2: 'variant',
  sellerSku: 'variant',
  price: 'price',
  specialPrice: 'price',
  specialFrom: 'price',
  specialTo: 'price',
  stock: 'price',
  weightKg: 'package',
  weightG: 'package',
  length: 'package',
  width: 'package',
  height: 'package',
  attribute: 'other',
  ignore: 'other',
};

export const CHOICES = Object.keys(GROUP_OF) as Choice[];

export const CHOICE_GROUPS: readonly { readonly group: ChoiceGroup; readonly choices: readonly Choice[] }[] = (
  ['product', 'variant', 'price', 'package', 'other'] as const
).map((group) => ({ group, choices: CHOICES.filter((choice) => GROUP_OF[choice] === group) }));

/** One column's choice as the screen holds it: the attribute name survives switching away and back. */
export interface ColumnChoice {
  readonly choice: Choice;
  readonly attribute: string;
}

export function choiceOf(mapping: ColumnMapping): ColumnChoice {
  switch (mapping.field) {
    case 'attribute':
      return { choice: 'attribute', attribute: mapping.attribute };
    case 'weight':
      return { choice: mapping.unit === 'g' ? 'weightG' : 'weightKg', attribute: '' };
    default:
      return { choice: mapping.field, attribute: '' };
  }
}

/** The mapping sent to main, or null while an attribute column still has no name. */
export function mappingOf(column: ColumnChoice): ColumnMapping | null {
  switch (column.choice) {
    case 'attribute': {
      const attribute = column.attribute.trim();
      return attribute ? { field: 'attribute', attribute } : null;
    }
    case 'weightKg':
      return { field: 'weight', unit: 'kg' };
    case 'weightG':
      return { field: 'weight', unit: 'g' };
    default:
      return { field: column.choice };
  }
}

export function mappingsOf(columns: readonly ColumnChoice[]): ColumnMapping[] | null {
  const out: ColumnMapping[] = [];
  for (const column of columns) {
    const mapping = mappingOf(column);
    if (!mapping) return null;
    out.push(mapping);
  }
  return out;
}

/**
 * The field a choice fills, for "one column per field": kg and gram both fill the weight,
 * and two attribute columns clash only when they name the same attribute.
 */
function slot(column: ColumnChoice): string | null {
  switch (column.choice) {
    case 'ignore':
      return null;
    case 'attribute':
      return column.attribute.trim() ? `attribute:${column.attribute.trim().toLowerCase()}` : null;
    case 'weightKg':
    case 'weightG':
      return 'weight';
    default:
      return column.choice;
  }
}

/**
 * Sets column `index` and frees the field it takes: a column that held the same field
 * becomes "Abaikan" (two price columns would silently overwrite each other). Returns the
 * new choices and which column was freed, so the screen can say so.
 */
export function choose(
  columns: readonly ColumnChoice[],
  index: number,
  next: ColumnChoice,
): { columns: ColumnChoice[]; freed: number | null } {
  const taken = slot(next);
  let freed: number | null = null;
  const out = columns.map((column, i) => {
    if (i === index) return next;
    if (taken !== null && slot(column) === taken) {
      freed = i;
      return { ...column, choice: 'ignore' as const };
    }
    return column;
  });
  return { columns: out, freed };
}

/** Whether some column fills this field (name, price). */
export function hasChoice(columns: readonly ColumnChoice[], choice: Choice): boolean {
  return columns.some((column) => column.choice === choice);
}
