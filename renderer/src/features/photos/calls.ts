import type { AppError, Result } from '../../../../electron/shared/result';

/** The error of a failed call, or `internal` when the call itself broke (the bridge threw). */
export function errorOf(answer: Result<unknown> | null, channel: string): AppError {
  return answer && !answer.ok ? answer.error : { code: 'internal', message: `${channel} failed` };
}
