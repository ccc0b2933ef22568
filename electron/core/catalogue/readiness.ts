import { READINESS_PROBLEMS, type AttributeValues, type ReadinessProblem } from '../../shared/catalogue';
import type { FieldIssue } from '../../shared/result';

/** What the catalogue needs to know about categories; the category store provides it. */
export interface CategoryCheck {
  /** Whether `id` is a leaf of the installed category tree (only leaves take products). */
  isLeaf(id: number): boolean;
  /**
   * Problems with `values` for the category's attributes (wrong option, not a number...);
   * with `requireMandatory`, also each mandatory attribute left empty. Fields are
   * `${prefix}attributes.<name>`.
   */
  attributeIssues(categoryId: number, values: AttributeValues, requireMandatory: boolean, prefix: string): FieldIssue[];
  /** `values` with option spelling made canonical and keys the category does not know dropped. */
  normalizeAttributes(categoryId: number, values: AttributeValues): AttributeValues;
  /** Remembers a category as recently used (the picker offers it first). */
  recordUse(categoryId: number): void;
}

export interface ReadinessInput {
  readonly description: string;
  readonly categoryId: number | null;
  readonly attributes: AttributeValues;
  readonly skus: readonly {
    readonly weightKg: number | null;
    readonly lengthCm: number | null;
    readonly widthCm: number | null;
    readonly heightCm: number | null;
  }[];
}

const SIZES = ['lengthCm', 'widthCm', 'heightCm'] as const;

/**
 * Everything a product still lacks before a marketplace would take it, as form issues: a
 * product cannot be marked ready while any remain, and the same list, folded into problem
 * kinds, is stored for the "needs fixing" filters. One function for both, so the badge and
 * the refusal can never disagree.
 */
export function readinessIssues(product: ReadinessInput, categories: CategoryCheck, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (product.categoryId === null) {
    issues.push({ field: `${prefix}categoryId`, reason: 'required_when_ready' });
  } else if (!categories.isLeaf(product.categoryId)) {
    issues.push({ field: `${prefix}categoryId`, reason: 'invalid_choice' });
  } else {
    const missing = categories
      .attributeIssues(product.categoryId, product.attributes, true, prefix)
      .filter((issue) => issue.reason === 'required');
    issues.push(...missing.map((issue) => ({ ...issue, reason: 'required_when_ready' as const })));
  }
  // "<p></p>" or "<br>" is no description for a buyer.
  const words = product.description
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim();
  if (!words) issues.push({ field: `${prefix}description`, reason: 'required_when_ready' });
  for (const [index, sku] of product.skus.entries()) {
    if (sku.weightKg === null) issues.push({ field: `${prefix}skus.${index}.weightKg`, reason: 'required_when_ready' });
    for (const key of SIZES) {
      if (sku[key] === null) issues.push({ field: `${prefix}skus.${index}.${key}`, reason: 'required_when_ready' });
    }
  }
  return issues;
}

/** The kind of problem an issue from readinessIssues stands for. */
function problemOf(issue: FieldIssue, prefix: string): ReadinessProblem {
  const field = issue.field.slice(prefix.length);
  if (field === 'categoryId') return issue.reason === 'invalid_choice' ? 'category_gone' : 'no_category';
  if (field.startsWith('attributes.')) return 'missing_attributes';
  if (field === 'description') return 'no_description';
  return field.endsWith('.weightKg') ? 'no_weight' : 'no_package_size';
}

export function problemMask(issues: readonly FieldIssue[], prefix = ''): number {
  let mask = 0;
  for (const issue of issues) mask |= 1 << READINESS_PROBLEMS.indexOf(problemOf(issue, prefix));
  return mask;
}

export function problemsFromMask(mask: number): ReadinessProblem[] {
  return READINESS_PROBLEMS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** The bit of one problem kind, for the search filter. */
export function problemBit(problem: ReadinessProblem): number {
  return 1 << READINESS_PROBLEMS.indexOf(problem);
}
