import { describe, expect, it } from 'vitest';
import en from '../../../resources/locales/en/practice.json';
import id from '../../../resources/locales/id/practice.json';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

function value(node: unknown, key: string): string {
  return key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], node) as string;
}

describe('practice locale namespace', () => {
  it('has the same keys, placeholders and no empty text in Indonesian and English', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const key of keys(id)) {
      expect(value(id, key).trim(), key).not.toBe('');
      expect(placeholders(value(en, key)), key).toEqual(placeholders(value(id, key)));
    }
  });
});
