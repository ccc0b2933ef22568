import type { z } from 'zod';
import { VALIDATION_REASONS, type AppError, type FieldIssue, type Result, type ValidationReason } from './result';

/**
 * Turns a zod issue into an AppError with a field path and a reason the UI can translate.
 */
export function issueToError(issue: z.core.$ZodIssue): AppError {
  // An unknown key is itself the offending field (`skus.0.colour`), not the object holding it.
  const path =
    issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1).map(keyName)] : issue.path;
  // Path parts can be keys the caller chose (record keys, megabytes long): clip them too.
  const field = path.map((part) => (typeof part === 'string' ? clip(part) : String(part))).join('.') || undefined;
  const { reason, params } = describeIssue(issue);
  const where = field ? ` at "${field}"` : '';
  return {
    code: 'invalid_input',
    message: `Invalid input${where}: ${clip(issue.message, MAX_MESSAGE_CHARS)}`,
    ...(field ? { field } : {}),
    reason,
    ...(params ? { params } : {}),
  };
}

/** At most this many issues travel back, so a hostile payload cannot make a huge error. */
const MAX_ISSUES = 50;
/** Unknown keys come from the caller and can be megabytes long: echo back only a little. */
const MAX_KEYS_SHOWN = 5;
const MAX_KEY_CHARS = 50;
const MAX_MESSAGE_CHARS = 300;

function clip(text: string, max = MAX_KEY_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A caller's key as a field name: shortened, and visible even when it is the empty string. */
function keyName(key: string): string {
  return key === '' ? '""' : clip(key);
}

/** Every issue, first per field, as plain values a form can show beside each field. */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const error = issueToError(issue);
    const field = error.field ?? '';
    if (seen.has(field) || !error.reason) continue;
    seen.add(field);
    out.push({ field, reason: error.reason, ...(error.params ? { params: error.params } : {}) });
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
}

/** Parses with a schema and returns a Result, so callers never see a thrown ZodError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  // reportInput lets `describeIssue` tell a missing field from a wrongly typed one; the
  // input itself never leaves this function.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  if (!first) return { ok: false, error: { code: 'invalid_input', message: 'Invalid input', reason: 'invalid' } };
  return { ok: false, error: { ...issueToError(first), issues: fieldIssues(parsed.error.issues) } };
}

type Described = { reason: ValidationReason; params?: Record<string, string | number> };

function describeIssue(issue: z.core.$ZodIssue): Described {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing key as an invalid_type whose input is undefined.
      if (issue.input === undefined) return { reason: 'required' };
      return { reason: issue.expected === 'number' ? 'not_a_number' : 'wrong_type' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? { reason: 'required' } : { reason: 'too_small', params: { minimum } };
      if (issue.origin === 'array') return { reason: 'required', params: { minimum } };
      // gt(0) on a weight: 0 itself is refused, so "not less than 0" would be wrong.
      return { reason: issue.inclusive === false ? 'too_small_exclusive' : 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'too_long', params: { maximum } };
      return { reason: 'too_big', params: { maximum } };
    }
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? { reason: 'not_whole' } : { reason: 'too_many_decimals' };
    case 'invalid_value':
      return { reason: 'invalid_choice' };
    case 'unrecognized_keys':
      return {
        reason: 'unknown_field',
        params: {
          keys: [
            ...issue.keys.slice(0, MAX_KEYS_SHOWN).map(keyName),
            ...(issue.keys.length > MAX_KEYS_SHOWN ? ['…'] : []),
          ].join(', '),
        },
      };
    case 'invalid_format':
      return { reason: 'invalid_format' };
    case 'custom': {
      const reason = issue.params?.['reason'];
      return isReason(reason) ? { reason } : { reason: 'invalid' };
    }
    default:
      return { reason: 'invalid' };
  }
}

function isReason(value: unknown): value is ValidationReason {
  return typeof value === 'string' && (VALIDATION_REASONS as readonly string[]).includes(value);
}
