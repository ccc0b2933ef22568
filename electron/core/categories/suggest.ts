import type { Language } from '../../shared/catalogue';
import { DEFAULT_CATEGORY_SUGGESTIONS, type CategorySummary } from '../../shared/categories';
import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { LAZADA, TERM_KIND } from './install';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';
import { normalized, words } from './text';

/**
 * Words in product names that say nothing about the category: joining words, selling talk
 * ("murah", "promo", "original"), packaging and variation words ("isi", "rasa", "toples").
 * Kept small on purpose: a word that is sometimes a category's own ("biji" in Kopi Biji,
 * "saset" for instant coffee, "handmade" for soap) stays, and rarity weighting handles it.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // joining words
  ...'dan atau dengan untuk yang di ke dari per the and for with of'.split(' '),
  // selling talk
  ...'asli original ori murah termurah promo diskon grosir ecer eceran premium super spesial special'.split(' '),
  ...'khas oleh produk baru new ready stok stock cod gratis ongkir free best seller terlaris'.split(' '),
  ...'kualitas bagus viral hits kekinian'.split(' '),
  // packaging and variations
  ...'isi ukuran size level rasa varian warna kemasan paket set box dus toples botol pouch standing'.split(' '),
  ...'jumbo mini besar kecil sedang'.split(' '),
  // units
  ...'g gr grm gram kg mg ml l lt ltr liter cm mm meter inch oz pcs pc pack pak lusin kodi'.split(' '),
]);

/** How much a word counts by where the leaf has it: its own name, a keyword, the path above. */
const KIND_WEIGHT: Readonly<Record<number, number>> = {
  [TERM_KIND.name]: 1,
  [TERM_KIND.keyword]: 0.8,
  [TERM_KIND.path]: 0.35,
};

/**
 * Added in proportion to how much of the leaf's own name the product name covers, so
 * "Teh Celup Rosella" prefers Teh Celup (both words) over Teh Herbal (a keyword).
 */
const NAME_COVER_BONUS = 1.5;

/** The words of a product name that can tell its category: no numbers, units or filler. */
export function suggestionWords(productName: string): string[] {
  return [...new Set(words(productName).filter((w) => w.length >= 2 && !/\d/.test(w) && !STOP_WORDS.has(w)))];
}

/**
 * A word in more leaves than this (together with the rarer words of the name) does not
 * look for candidates: on the full tree "pria" is in the path of thousands of leaves. It
 * still scores for the candidates the rarer words found.
 */
const CANDIDATE_MATCHES = 2000;
/** Candidates that get the common words' score and the name bonus; far more than shown. */
const SHORTLIST = 50;

interface Hit {
  readonly term: string;
  readonly category_id: number;
  readonly kind: number;
}

/**
 * Leaves a product probably belongs in, best first, from its name: "Keripik Singkong Pedas
 * Level 5" -> Keripik. Each word of the name scores for the leaves that have it, more for
 * rarer words (idf: "kopi" tells more than "pria") and more in the leaf's name than in its
 * keywords or path; covering the leaf's own name adds a bonus. Whole words only, looked up
 * in the search index (`category_terms`): the rarer words find the candidates, the common
 * ones are then looked up for those candidates only. Empty when nothing matches.
 */
export function suggestCategories(
  db: Db,
  productName: string,
  language: Language,
  limit = DEFAULT_CATEGORY_SUGGESTIONS,
): CategorySummary[] {
  const tokens = suggestionWords(productName);
  if (tokens.length === 0) return [];
  const frequencies = cached<[string, string], { term: string; leaves: number }>(
    db,
    `SELECT term, COUNT(*) AS leaves FROM category_terms
       WHERE tree = ? AND term IN (SELECT value FROM json_each(?))
       GROUP BY term`,
  )
    .all(LAZADA, JSON.stringify(tokens))
    .sort((a, b) => a.leaves - b.leaves || a.term.localeCompare(b.term));
  if (frequencies.length === 0) return [];

  const leafCount =
    cachedPluck<[string], number>(db, 'SELECT leaf_count FROM category_trees WHERE marketplace = ?').get(LAZADA) ?? 0;
  const idf = new Map(frequencies.map((f) => [f.term, Math.log(1 + leafCount / f.leaves)]));
  const scores = new Map<number, number>();
  const add = (hit: Hit) =>
    scores.set(
      hit.category_id,
      (scores.get(hit.category_id) ?? 0) + (KIND_WEIGHT[hit.kind] ?? 0) * (idf.get(hit.term) ?? 0),
    );

  // The rarest words, up to CANDIDATE_MATCHES leaves in all (always at least one word).
  const finders: string[] = [];
  let matches = 0;
  for (const { term, leaves } of frequencies) {
    matches += leaves;
    if (finders.length > 0 && matches > CANDIDATE_MATCHES) break;
    finders.push(term);
  }
  const common = frequencies.slice(finders.length).map((f) => f.term);
  cached<[string, string], Hit>(
    db,
    'SELECT term, category_id, kind FROM category_terms WHERE tree = ? AND term IN (SELECT value FROM json_each(?))',
  )
    .all(LAZADA, JSON.stringify(finders))
    .forEach(add);
  let shortlist = best(scores, SHORTLIST);
  if (common.length > 0) {
    cached<[string, string, string], Hit>(
      db,
      `SELECT term, category_id, kind FROM category_terms INDEXED BY category_terms_by_leaf
       WHERE tree = ? AND category_id IN (SELECT value FROM json_each(?)) AND term IN (SELECT value FROM json_each(?))`,
    )
      .all(LAZADA, JSON.stringify(shortlist), JSON.stringify(common))
      .forEach(add);
    shortlist = best(scores, SHORTLIST);
  }

  // The name bonus needs the leaves' names: read them for the shortlist only.
  const rows = cached<[string, string], SummaryRow & { key_id: string; key_en: string }>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, c.key_id, c.key_en
       FROM categories c WHERE c.tree = ? AND c.id IN (SELECT value FROM json_each(?))`,
  ).all(LAZADA, JSON.stringify(shortlist));
  const given = new Set(tokens);
  const ranked = rows.map((row) => {
    const cover = Math.max(nameCover(row.key_id, given), nameCover(row.key_en, given));
    return { row, score: (scores.get(row.id) ?? 0) + NAME_COVER_BONUS * cover };
  });
  ranked.sort((a, b) => b.score - a.score || a.row.name_id.localeCompare(b.row.name_id, 'id') || a.row.id - b.row.id);
  return ranked.slice(0, limit).map(({ row }) => toSummary(row, language));
}

/** The ids of the `count` best-scored leaves. */
function best(scores: ReadonlyMap<number, number>, count: number): number[] {
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([id]) => id);
}

/** The share of a leaf name's words (normalised) found among the product name's words. */
function nameCover(key: string, given: ReadonlySet<string>): number {
  const nameWords = normalized(key)
    .split(' ')
    .filter((w) => w.length >= 2);
  if (nameWords.length === 0) return 0;
  return nameWords.filter((w) => given.has(w)).length / nameWords.length;
}
