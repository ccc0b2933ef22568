import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryDetail } from '../../../../electron/shared/categories';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';

export type CategoryLoad =
  | { readonly state: 'none' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly detail: CategoryDetail }
  /** The installed tree no longer has this category (a newer tree dropped it). */
  | { readonly state: 'gone' }
  | { readonly state: 'failed'; readonly error: AppError };

/**
 * Categories already fetched, by language and id. The tree changes only when a new one is
 * installed, and the picker, the attribute fields and the readiness list all ask for the
 * same category: one request between them, and no "loading" flash when going back to a
 * product.
 */
const cache = new Map<string, CategoryDetail>();

/** Drops a category from the cache (its attributes were just downloaded), in every language. */
export function forgetCategory(id: number): void {
  for (const key of [...cache.keys()]) if (key.endsWith(`:${id}`)) cache.delete(key);
}

/** One category with its path and attributes (`categories:get`), in the app's language. */
export function useCategoryDetail(id: number | null): [CategoryLoad, () => void] {
  const { i18n } = useTranslation();
  const key = id === null ? null : `${i18n.language}:${id}`;
  const [answer, setAnswer] = useState<{ readonly key: string; readonly load: CategoryLoad } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (id === null || key === null || cache.has(key)) return;
    let current = true;
    api.invoke('categories:get', { id }).then(
      (result) => {
        if (!current) return;
        if (result.ok) cache.set(key, result.value);
        setAnswer({
          key,
          load: result.ok
            ? { state: 'ready', detail: result.value }
            : result.error.code === 'not_found'
              ? { state: 'gone' }
              : { state: 'failed', error: result.error },
        });
      },
      () => {
        if (current)
          setAnswer({ key, load: { state: 'failed', error: { code: 'internal', message: 'categories:get' } } });
      },
    );
    return () => {
      current = false;
    };
  }, [id, key, generation]);

  const retry = useCallback(() => setGeneration((n) => n + 1), []);
  if (key === null) return [{ state: 'none' }, retry];
  const cached = cache.get(key);
  if (cached) return [{ state: 'ready', detail: cached }, retry];
  if (answer?.key === key) return [answer.load, retry];
  return [{ state: 'loading' }, retry];
}
