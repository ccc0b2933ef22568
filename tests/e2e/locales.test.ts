import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

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

const LOCALES = path.resolve(import.meta.dirname, '../../resources/locales');
const read = (lang: string, file: string) =>
  JSON.parse(fs.readFileSync(path.join(LOCALES, lang, file), 'utf8')) as object;
/** Every namespace file, whichever language has it: a file missing in one language fails below. */
const FILES = [...new Set(['id', 'en'].flatMap((lang) => fs.readdirSync(path.join(LOCALES, lang))))].sort();

describe.each(FILES)('%s translations', (file) => {
  const id = read('id', file);
  const en = read('en', file);

  it('have the same keys in Indonesian and English', () => {
    expect([...new Set(keys(en).map(stem))].sort()).toEqual([...new Set(keys(id).map(stem))].sort());
  });

  it('use the same placeholders in both languages', () => {
    const english = new Set(keys(en));
    for (const key of keys(id)) {
      const plural = stem(key) !== key;
      const other = english.has(key) ? key : `${stem(key)}_other`;
      if (!english.has(other)) continue;
      // A plural form may spell its number out ("Belum ada produk" for zero).
      const names = (text: string) => placeholders(text).filter((name) => !plural || name !== 'count');
      expect(names(lookup(en, other)), key).toEqual(names(lookup(id, key)));
    }
  });

  it('have no empty strings', () => {
    for (const tree of [id, en]) for (const key of keys(tree)) expect(lookup(tree, key).trim(), key).not.toBe('');
  });
});
