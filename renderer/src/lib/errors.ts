import type { TFunction } from 'i18next';
import type { AppError, FieldIssue, ValidationReason } from '../../../electron/shared/result';

/**
 * Main answers every failed call with an AppError: a stable `code`, and for bad input a
 * list of `{ field, reason, params }`. These helpers turn them into the seller's language.
 * Errors are kept raw in component state and translated at render time, so switching
 * language also switches the messages already on screen.
 */

type T = TFunction<['ui', 'common']>;

export function errorMessage(t: T, error: AppError): string {
  // Unknown codes (a newer main than this renderer) still get a human sentence.
  const key = `common:errors.${error.code}` as const;
  return t(key, { ...error.params, defaultValue: t('common:errors.internal') });
}

export function issueMessage(t: T, issue: Pick<FieldIssue, 'reason' | 'params'>): string {
  return t(`common:validation.${issue.reason}`, { ...issue.params, defaultValue: t('common:validation.invalid') });
}

/**
 * Update channels carry the edited fields under `changes` (`changes.skus.1.price`) and report
 * problems there; create channels report the bare path (`skus.1.price`). The form has one
 * set of fields for both.
 */
export function formField(path: string): string {
  return path.startsWith('changes.') ? path.slice('changes.'.length) : path;
}

/** Problems keyed by field path (`name`, `skus.1.price`), plus what belongs to no field. */
export interface FormProblems {
  readonly byField: ReadonlyMap<string, string>;
  readonly general: readonly string[];
}

export const NO_PROBLEMS: FormProblems = { byField: new Map(), general: [] };

/** A form's own wording for a field and reason, where the shared one would be vague. */
export type Reword = (field: string, reason: ValidationReason) => string | null;

/**
 * Spreads an AppError over a form: each validation issue goes to its field; an error with
 * a field (e.g. `duplicate_sku` on `skus.0.sellerSku`) goes there with its own message;
 * anything the form has no field for becomes a general message at the top.
 */
export function formProblems(
  t: T,
  error: AppError,
  knownField: (field: string) => boolean,
  reword?: Reword,
): FormProblems {
  const byField = new Map<string, string>();
  const general: string[] = [];
  const place = (path: string | undefined, message: string) => {
    const field = path === undefined ? undefined : formField(path);
    if (field && knownField(field) && !byField.has(field)) byField.set(field, message);
    else general.push(message);
  };
  const say = (issue: FieldIssue) => reword?.(formField(issue.field), issue.reason) ?? issueMessage(t, issue);
  if (error.code === 'invalid_input' && error.issues?.length) {
    for (const issue of error.issues) place(issue.field, say(issue));
  } else if (error.code === 'invalid_input' && error.reason) {
    const issue = { field: error.field ?? '', reason: error.reason, ...(error.params ? { params: error.params } : {}) };
    place(error.field, say(issue));
  } else {
    place(error.field, errorMessage(t, error));
  }
  return { byField, general };
}
