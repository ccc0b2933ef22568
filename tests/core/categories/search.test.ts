import { describe, expect, it } from 'vitest';
import { namePrefixSql, searchCategories, searchParameters, searchSql } from '../../../electron/core/categories/search';
import type { Db } from '../../../electron/core/db/open';
import type { Language } from '../../../electron/shared/catalogue';
import { bundledDb, generatedTree, tempDb } from './helpers';
import { installTree } from '../../../electron/core/categories/install';

function names(db: Db, query: string, language: Language = 'id', limit?: number) {
  return searchCategories(db, { query, language, ...(limit ? { limit } : {}) }).map((c) => c.name);
}

describe('searchCategories', () => {
  it('finds Keripik however it is typed: case, accents, the "kripik" spelling, a prefix', () => {
    const db = bundledDb();
    for (const query of ['keripik', 'KERIPIK', 'kéripik', 'Kèrîpík', '  keripik  ', 'kripik', 'Kripik', 'kerip']) {
      expect(names(db, query)[0], query).toBe('Keripik');
    }
    // "kri" starts "Krim" in a name (ranked first) and the keyword "kripik".
    expect(names(db, 'kri')).toEqual(['Pelembap & Krim Wajah', 'Keripik']);
  });

  it('"hij" lists the hijab leaves first, by name, then what only has it in the path or keywords', () => {
    const db = bundledDb();
    const found = names(db, 'hij');
    expect(found.slice(0, 3)).toEqual(['Hijab Instan', 'Hijab Segi Empat', 'Ciput & Inner Hijab']);
    // Pashmina sits under Hijab; Teh Daun has the keyword "hijau".
    expect(found).toContain('Pashmina');
    expect(found).toContain('Teh Daun');
    expect(found.indexOf('Teh Daun')).toBeLessThan(found.indexOf('Pashmina'));
  });

  it('ranks exact name, then name prefix, then a word of the name, then keyword, then path', () => {
    const db = bundledDb();
    const sarung = names(db, 'sarung');
    expect(sarung.slice(0, 4)).toEqual([
      'Sarung', // exact
      'Sarung Batik & Kain Pria', // name starts with it
      'Taplak & Sarung Bantal', // a word of the name
      'Sprei & Bed Cover', // keyword "sarung guling"
    ]);

    const minuman = names(db, 'minuman', 'id', 50);
    expect(minuman.slice(0, 2)).toEqual(['Minuman Serbuk', 'Jamu & Minuman Herbal']);
    // Then every leaf under "Makanan & Minuman", by the path alone.
    expect(minuman.slice(2)).toEqual(expect.arrayContaining(['Kopi Bubuk', 'Teh Celup', 'Sirup', 'Keripik', 'Madu']));
  });

  it('needs every word, each anywhere in name, keywords or path', () => {
    const db = bundledDb();
    const found = searchCategories(db, { query: 'batik pria', language: 'id' });
    expect(found.map((c) => c.name)).toEqual([
      'Kemeja Batik Pria',
      'Outer & Jas Batik Pria',
      'Sarung Batik & Kain Pria',
    ]);
    expect(names(db, 'kopi bub')).toEqual(['Kopi Bubuk']);
    expect(names(db, 'kopi hijab')).toEqual([]);
  });

  it('returns leaves only, each with its breadcrumb in the chosen language', () => {
    const db = bundledDb();
    const [kopi] = searchCategories(db, { query: 'kopi bubuk', language: 'id' });
    expect(kopi).toEqual({
      id: expect.any(Number),
      name: 'Kopi Bubuk',
      path: ['Makanan & Minuman', 'Minuman', 'Kopi', 'Kopi Bubuk'],
      leaf: true,
    });
    const [ground] = searchCategories(db, { query: 'kopi bubuk', language: 'en' });
    expect(ground).toEqual({
      ...kopi,
      name: 'Ground Coffee',
      path: ['Food & Beverages', 'Beverages', 'Coffee', 'Ground Coffee'],
    });
    expect(searchCategories(db, { query: 'batik', language: 'id', limit: 50 }).every((c) => c.leaf)).toBe(true);
  });

  it('searches English names too, in either language', () => {
    const db = bundledDb();
    expect(names(db, 'coffee', 'en')).toEqual(['Coffee Beans', 'Drip Bag Coffee', 'Ground Coffee', 'Instant Coffee']);
    expect(names(db, 'chips', 'en')[0]).toBe('Chips & Crisps');
    expect(names(db, 'Square Hijab', 'en')[0]).toBe('Square Hijab');
    // An English word typed in the Indonesian app still finds the leaf, named in Indonesian.
    expect(names(db, 'coffee', 'id')).toEqual(['Kopi Biji', 'Kopi Bubuk', 'Kopi Drip Bag', 'Kopi Instan & Saset']);
  });

  it('matches names only for words of one or two letters', () => {
    const db = bundledDb();
    // "ko": Kopi leaves by name, not every leaf under "Kopi" or with a keyword in ko-.
    expect(names(db, 'ko', 'id', 50).every((n) => /(^|\s)ko/i.test(n))).toBe(true);
    expect(names(db, 'kop', 'id', 50)).toEqual(names(db, 'kopi', 'id', 50));
  });

  it('respects the limit and finds nothing for blank text, punctuation or SQL', () => {
    const db = bundledDb();
    expect(names(db, 'batik', 'id', 3)).toHaveLength(3);
    for (const query of ['', '   ', '---', '%', '_', "' OR 1=1 --", '"*"', 'xyzzy']) {
      expect(names(db, query), query).toEqual([]);
    }
  });

  it('is empty before any tree is installed', () => {
    expect(names(tempDb(), 'keripik')).toEqual([]);
  });
});

describe('the search plan', () => {
  const plan = (db: Db, sql: string, params: object) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);

  it('walks indexes only: names by prefix, the rarest word by range, the other words by leaf', () => {
    const db = tempDb();
    // A tree the size of Lazada's, so the planner works with realistic statistics.
    installTree(db, generatedTree(), { source: 'fetched', version: '2026-12-01.1' });
    // Without statistics (as the app runs today) and with them (should it ever ANALYZE).
    for (const analyzed of [false, true]) {
      if (analyzed) db.exec('ANALYZE');
      checkPlans(db);
    }
  });

  function checkPlans(db: Db) {
    for (const language of ['id', 'en'] as const) {
      const names = plan(db, namePrefixSql(language), { tree: 'lazada', whole: 'k', wholeEnd: 'l', limit: 20 });
      expect(names, names.join('\n')).toEqual([
        `SEARCH c USING INDEX categories_leaf_names_${language} (tree=? AND key_${language}>? AND key_${language}<?)`,
      ]);
    }
    for (const query of ['k', 'kain', 'kain pria anak']) {
      const params = searchParameters({ query, language: 'id' })!;
      const steps = plan(db, searchSql(params.n as number), params);
      const shown = steps.join('\n');
      const terms = steps.filter((d) => / (category_terms|t) /.test(d));
      expect(terms[0], shown).toBe('SEARCH category_terms USING PRIMARY KEY (tree=? AND term>? AND term<?)');
      for (const other of terms.slice(1)) {
        expect(other, shown).toBe(
          'SEARCH t USING COVERING INDEX category_terms_by_leaf (tree=? AND category_id=? AND term>? AND term<?)',
        );
      }
      expect(steps, shown).toContain('SEARCH c USING PRIMARY KEY (tree=? AND id=?)');
      expect(
        steps.filter((d) => /^SCAN (category_terms|categories|c|t)\b/.test(d)),
        shown,
      ).toEqual([]);
    }
  }
});
