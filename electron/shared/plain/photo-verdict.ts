/**
 * How a product's photos stand, one rule for every layer: the core sorts the photo overview
 * by it, and the renderer shows it on the photo page, in the readiness panel and on product
 * cards. Imports nothing outside this folder.
 */

/** How a product's photos stand, at a glance. */
export type PhotoVerdict = 'none' | 'processing' | 'reject' | 'warn' | 'good';

/** What QC found: only its severity counts here (callers keep their own richer type). */
interface Finding {
  readonly severity: 'reject' | 'warn';
}

/** What the verdict is worked out from: the photo overview's line, or a product's loaded photos. */
export interface PhotoStanding<Issue extends Finding = Finding> {
  readonly photoCount: number;
  /** Photos still waiting to be rendered, and photos that failed to render. */
  readonly pending: number;
  readonly failed: number;
  readonly mainState: 'pending' | 'ready' | 'failed' | undefined;
  /** Every QC finding: the set's and each rendered photo's. */
  readonly issues: readonly Issue[];
}

/**
 * The verdict, worst first. A main photo that failed to render leaves the product without a
 * picture to show: "Perlu diperbaiki". QC judges rendered photos only, so while any photo
 * waits, "Foto siap" would be a guess: "Sedang diproses". Otherwise `findingsVerdict`.
 */
export function photoVerdict(standing: PhotoStanding): PhotoVerdict {
  if (standing.photoCount === 0) return 'none';
  if (standing.mainState === 'failed') return 'reject';
  if (standing.pending > 0) return 'processing';
  return findingsVerdict(standing);
}

/**
 * The verdict on what is known so far, whatever still waits (the overview's sort order): a
 * failed main photo or a finding that would be refused is 'reject'; any other finding, or
 * another photo that failed (it will not be uploaded), is worth a look.
 */
export function findingsVerdict(
  standing: Pick<PhotoStanding, 'failed' | 'mainState' | 'issues'>,
): 'reject' | 'warn' | 'good' {
  const { failed, mainState, issues } = standing;
  if (mainState === 'failed' || issues.some((issue) => issue.severity === 'reject')) return 'reject';
  return issues.length > 0 || failed > 0 ? 'warn' : 'good';
}
