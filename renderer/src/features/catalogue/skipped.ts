import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../electron/shared/result';
import { formatRupiah } from '../../../../electron/shared/plain/numbers';
import { issueMessage } from '../../lib/errors';

type T = TFunction<'catalogue'>;
type UiT = TFunction<['ui', 'common']>;

/** The product fields a bulk change can trip over, by the last part of the issue's path. */
const FIELD_LABELS = {
  id: 'fields.product',
  name: 'fields.name',
  description: 'fields.description',
  categoryId: 'fields.category',
  attributes: 'fields.attributes',
  brand: 'fields.brand',
  status: 'fields.status',
  price: 'fields.price',
  specialPrice: 'fields.specialPrice',
  stock: 'fields.stock',
  weightKg: 'fields.weightKg',
  lengthCm: 'fields.lengthCm',
  widthCm: 'fields.widthCm',
  heightCm: 'fields.heightCm',
} as const;
type KnownField = keyof typeof FIELD_LABELS;

/** `skus.0.weightKg` -> `weightKg`, `attributes.flavor` -> `attributes`, `categoryId` -> itself. */
function fieldOf(path: string): KnownField | null {
  const parts = path.split('.');
  const key = parts[0] === 'skus' ? parts[2] : parts[0];
  return key !== undefined && Object.hasOwn(FIELD_LABELS, key) ? (key as KnownField) : null;
}

/** Where the shared wording would be vague about a bulk change, the table's own. */
function message(t: T, ui: UiT, field: KnownField | null, issue: FieldIssue): string {
  if (field === 'id') return t('skipped.gone');
  if ((field === 'price' || field === 'specialPrice') && (issue.reason === 'too_small' || issue.reason === 'too_big')) {
    const limit = Number(issue.params?.[issue.reason === 'too_small' ? 'minimum' : 'maximum']);
    return t(issue.reason === 'too_small' ? 'skipped.priceTooLow' : 'skipped.priceTooHigh', {
      limit: Number.isFinite(limit) ? formatRupiah(limit) : '',
    });
  }
  return issueMessage(ui, issue);
}

/**
 * Why one product was left as it was, as short lines a person can act on: issues with the
 * same message are said once with every field they concern ("Berat paket, Panjang paket:
 * wajib diisi sebelum produk ditandai siap jual."), so a product with four variants does
 * not repeat the same sentence sixteen times.
 */
export function skippedReasons(t: T, ui: UiT, issues: readonly FieldIssue[]): string[] {
  const byMessage = new Map<string, Set<string>>();
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    const text = message(t, ui, field, issue);
    const labels = byMessage.get(text) ?? new Set<string>();
    // The product itself (gone, in the trash) needs no field name before the sentence.
    if (field !== 'id') labels.add(field ? t(FIELD_LABELS[field]) : t('fields.other'));
    byMessage.set(text, labels);
  }
  return [...byMessage].map(([text, labels]) => (labels.size > 0 ? `${[...labels].join(', ')}: ${text}` : text));
}
