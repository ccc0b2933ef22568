import type { AppError } from '../shared/result';

/**
 * Thrown only inside the core, to abort a transaction; the public API catches it and
 * returns `{ ok: false, error }`, so callers never see an exception for bad input.
 */
export class CoreError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'CoreError';
  }
}

export function notFound(what: string, id: number, field = 'id'): CoreError {
  return new CoreError({ code: 'not_found', message: `${what} ${id} does not exist`, field, params: { id } });
}
