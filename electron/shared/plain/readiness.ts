/**
 * What the core checks before a product can go to a marketplace, as plain values every
 * layer can import: ../catalogue.ts builds its schemas on them (and re-exports them), and
 * the sandboxed renderer reads them directly instead of keeping a copy that could drift.
 *
 * Like everything in electron/shared/plain, this file imports nothing (ESLint enforces it).
 */

/**
 * Kept per product as a bit mask (bit i = READINESS_PROBLEMS[i]) on every write, so
 * "needs fixing" is a quick filter. Append only: the bits are stored.
 */
export const READINESS_PROBLEMS = [
  'no_category',
  'category_gone',
  'missing_attributes',
  'no_weight',
  'no_package_size',
  'no_description',
] as const;
export type ReadinessProblem = (typeof READINESS_PROBLEMS)[number];
/** A search filter: one problem, any problem, or none left. */
export const PROBLEM_FILTERS = ['any', 'none', ...READINESS_PROBLEMS] as const;
export type ProblemFilter = (typeof PROBLEM_FILTERS)[number];
