import type { Result } from '../../../electron/shared/result';

/** The value of an ok Result; a failed one fails the test with main's own message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
