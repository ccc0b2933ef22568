import { describe, expect, it } from 'vitest';
import en from '../../resources/locales/en/ui.json';
import id from '../../resources/locales/id/ui.json';

/**
 * English must be complete: every Indonesian string has an English one and the reverse.
 * Plural forms differ by language (Indonesian has only `_other`), so they compare by stem.
 */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const stem = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

function lookup(tree: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

describe('ui translations', () => {
  it('have the same keys in Indonesian and English', () => {
    expect([...new Set(keys(en).map(stem))].sort()).toEqual([...new Set(keys(id).map(stem))].sort());
  });

  it('use the same placeholders in both languages', () => {
    const enKeys = new Map(keys(en).map((key) => [stem(key), key]));
    for (const key of keys(id)) {
      const other = enKeys.get(stem(key));
      if (other) expect(placeholders(lookup(en, other)), key).toEqual(placeholders(lookup(id, key)));
    }
  });

  it('have no empty strings', () => {
    for (const tree of [id, en]) for (const key of keys(tree)) expect(lookup(tree, key).trim(), key).not.toBe('');
  });
});
