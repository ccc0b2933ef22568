import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';

/**
 * Category names for the table's rows, by id. Rows carry only a category id; the names
 * come from `categories:get`, one id at a time, asked for only when a row with that id is
 * on screen, and kept for the session (a tree has a few thousand leaves at most, and a
 * workshop uses a few dozen). Names come in the app's language, so the cache is per
 * language.
 */
export interface CategoryName {
  readonly name: string;
  /** "Makanan & Minuman › Makanan Ringan › Keripik", for a tooltip. */
  readonly path: string;
}

/** `null`: the id is not in the installed tree (any more). */
type Entry = CategoryName | null | 'loading';

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

function load(language: string, id: number): void {
  const key = `${language}:${id}`;
  entries.set(key, 'loading');
  void api
    .invoke('categories:get', { id })
    .then(
      (answer) => {
        if (answer.ok) {
          entries.set(key, { name: answer.value.name, path: answer.value.path.map((crumb) => crumb.name).join(' › ') });
        } else if (answer.error.code === 'not_found') entries.set(key, null);
        // Any other failure: forget it, so the next render asks again.
        else entries.delete(key);
      },
      () => entries.delete(key),
    )
    .finally(notify);
}

/**
 * `nameOf(id)`: the name, `null` for a category no longer in the tree, `undefined` while
 * loading (the first call starts the loading).
 */
export function useCategoryNames(): (id: number) => CategoryName | null | undefined {
  const { i18n } = useTranslation();
  useSyncExternalStore(subscribe, () => version);
  const language = i18n.language;
  return (id: number) => {
    const entry = entries.get(`${language}:${id}`);
    if (entry === undefined) {
      // Deferred: a render must not start work that changes state it reads.
      queueMicrotask(() => {
        if (!entries.has(`${language}:${id}`)) load(language, id);
      });
      return undefined;
    }
    return entry === 'loading' ? undefined : entry;
  };
}
