import { expect } from 'vitest';
import type { AppError, Result } from '../../electron/shared/result';

/** The value of a successful Result; otherwise fails the test showing the error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a failed Result; otherwise fails the test showing the value. */
export function errorOf<T>(result: Result<T>): AppError {
  if (result.ok) throw new Error(`expected an error, got ok: ${JSON.stringify(result.value).slice(0, 500)}`);
  return result.error;
}

/** Asserts a failed Result with the given code (and field/reason when given). */
export function expectError<T>(
  result: Result<T>,
  expected: { code: AppError['code']; field?: string; reason?: AppError['reason'] },
): AppError {
  const error = errorOf(result);
  expect(error).toMatchObject(expected);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
