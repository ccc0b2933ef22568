import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../electron/shared/result';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly error: AppError };

/**
 * Loads something through `window.api` whenever `key` changes, and again on `reload()`.
 * An answer that arrives after a newer request started is dropped, so typing fast in a
 * search box never shows the results of an older query.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, key: string): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (answer) => {
        if (current)
          setResult(answer.ok ? { state: 'ready', value: answer.value } : { state: 'failed', error: answer.error });
      },
      () => {
        if (current) setResult({ state: 'failed', error: { code: 'internal', message: 'load failed' } });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` is what identifies the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // The previous answer stays on screen while a newer one loads, so a list does not
  // flicker to "loading" on every keystroke in its search box.
  return [result, reload];
}

/**
 * The stored record a form edits, or `null` when the form is for a new one (no id): the
 * form screens wait for this before showing the form.
 */
export function useLoadRecord<T>(
  id: number | undefined,
  get: (id: number) => Promise<Result<T>>,
): [Load<T | null>, () => void] {
  return useLoad<T | null>(() => (id ? get(id) : Promise.resolve({ ok: true, value: null })), String(id ?? 'new'));
}
