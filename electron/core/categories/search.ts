import type { Language } from '../../shared/catalogue';
import { DEFAULT_CATEGORY_SEARCH_LIMIT, type CategorySummary } from '../../shared/categories';
import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { LAZADA, TERM_KIND } from './install';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';
import { normalized, prefixEnd, words } from './text';

/** More words than anyone types for a category; the rest are ignored. */
export const MAX_QUERY_WORDS = 6;
/** A longer "word" is pasted junk; this much already pins a category down. */
const MAX_WORD_CHARS = 40;
/**
 * Words this short match names only, not keywords or the path: one or two letters typed
 * so far start a word in the path of thousands of leaves on the full tree, and leaves whose
 * own name fits are what helps at that point.
 */
export const NAMES_ONLY_UP_TO_CHARS = 2;
/** Counting a word's matches stops here: beyond it, which word is rarer hardly matters. */
const COUNT_UP_TO = 5000;

export interface CategorySearch {
  readonly query: string;
  readonly language: Language;
  readonly limit?: number;
}

type Params = Record<string, string | number>;

/**
 * Leaves (the categories a product can take) matching every word typed, each word as the
 * start of a word of the leaf's names (Indonesian or English), its keywords or the names
 * above it: "kri" finds Keripik (keyword "kripik"), "KÉRIPIK" finds it too, "batik" finds
 * every leaf under Batik. Words of one or two letters match names only.
 *
 * Ranked: the name (in `language`) is exactly the query, then it starts with the query,
 * then every word is in a name (either language), then in a name or the keywords, then
 * anywhere in the path; ties by the name without case and accents. Names and paths come
 * back in `language`.
 *
 * The cost follows the matches, not the size of the tree, and the cheap places are looked
 * at first, each only while the page is not full:
 * 1. names starting with the query: one range of a names index, already in order (what a
 *    letter or two typed so far finds on the full tree, by the thousand);
 * 2. names and keywords, through `category_terms` (see `searchSql`);
 * 3. the same with the path, where most matches come from (a word of a top category is in
 *    the path of thousands of leaves) but which ranks last.
 */
export function searchCategories(db: Db, search: CategorySearch): CategorySummary[] {
  const params = searchParameters(search);
  if (!params) return [];
  const limit = params.limit as number;
  const map = (rows: SummaryRow[]) => rows.map((row) => toSummary(row, search.language));

  const starting = cached<Params, SummaryRow>(db, namePrefixSql(search.language)).all({
    tree: LAZADA,
    whole: params.whole as string,
    wholeEnd: prefixEnd(params.whole as string),
    limit,
  });
  if (starting.length >= limit) return map(starting);

  const ordered = rarestFirst(db, params);
  const statement = cached<Params, SummaryRow>(db, searchSql(params.n as number));
  const namesAndKeywords = withKindsUpTo(ordered, TERM_KIND.keyword);
  const rows = statement.all(namesAndKeywords);
  if (rows.length >= limit || sameKinds(ordered, namesAndKeywords)) return map(rows);
  return map(statement.all(ordered));
}

/** The bound values for a search, or null when the query has no word to look for. */
export function searchParameters(search: CategorySearch): Params | null {
  const unique = [...new Set(words(search.query).map((w) => w.slice(0, MAX_WORD_CHARS)))].slice(0, MAX_QUERY_WORDS);
  if (unique.length === 0) return null;
  const params: Params = {
    tree: LAZADA,
    n: unique.length,
    whole: normalized(search.query),
    language: search.language,
    limit: search.limit ?? DEFAULT_CATEGORY_SEARCH_LIMIT,
  };
  for (const [i, word] of unique.entries()) {
    params[`p${i}`] = word;
    params[`e${i}`] = prefixEnd(word);
    params[`k${i}`] = Array.from(word).length <= NAMES_ONLY_UP_TO_CHARS ? TERM_KIND.name : TERM_KIND.path;
  }
  return params;
}

/**
 * Leaves whose name in `language` starts with the whole query, in the order `searchSql`
 * ranks them (the exact name is the shortest such key, so it comes first): one range of
 * a partial names index of migration 0050.
 */
export function namePrefixSql(language: Language): string {
  const key = language === 'en' ? 'key_en' : 'key_id';
  return `
    SELECT ${SUMMARY_COLUMNS} FROM categories c
    WHERE c.tree = @tree AND c.leaf = 1 AND c.${key} >= @whole AND c.${key} < @wholeEnd
    ORDER BY c.${key}, c.id
    LIMIT @limit`;
}

/**
 * The search for `n` words; user text only ever arrives as bound parameters. The first
 * word (the rarest, see `rarestFirst`) is a range of the `category_terms` primary key,
 * grouped to one row per leaf (a prefix can match several words of a leaf) with its
 * strongest relation; every other word is then looked up for those leaves only, through
 * `category_terms_by_leaf`. A leaf matches when every word found it.
 */
export function searchSql(n: number): string {
  const others = Array.from({ length: n - 1 }, (_, j) => {
    const i = j + 1;
    return `(SELECT MIN(t.kind) FROM category_terms t INDEXED BY category_terms_by_leaf
             WHERE t.tree = @tree AND t.category_id = f.category_id
               AND t.term >= @p${i} AND t.term < @e${i} AND t.kind <= @k${i}) AS m${i}`;
  });
  const kinds = Array.from({ length: n }, (_, i) => `m${i}`);
  return `
    WITH first AS (
      SELECT category_id, MIN(kind) AS m0 FROM category_terms
      WHERE tree = @tree AND term >= @p0 AND term < @e0 AND kind <= @k0
      -- "+": grouping must not tempt the planner into reading every word in leaf order.
      GROUP BY +category_id
    ),
    -- Materialised: each lookup runs once per leaf, not once per use of its result.
    each AS MATERIALIZED (
      SELECT f.category_id, f.m0${others.map((other) => `,\n             ${other}`).join('')}
      FROM first f
    ),
    matched AS (
      SELECT category_id,
             ${kinds.map((m) => `(${m} = 0)`).join(' + ')} AS in_name,
             ${kinds.map((m) => `(${m} <= 1)`).join(' + ')} AS in_name_or_keyword
      FROM each
      WHERE ${kinds.map((m) => `${m} IS NOT NULL`).join(' AND ')}
    ),
    ranked AS (
      SELECT ${SUMMARY_COLUMNS}, m.in_name, m.in_name_or_keyword,
             CASE WHEN @language = 'en' THEN c.key_en ELSE c.key_id END AS key
      -- CROSS JOIN keeps this order: from the matches to their rows, never a scan of the tree.
      FROM matched m
      CROSS JOIN categories c ON c.tree = @tree AND c.id = m.category_id
    )
    SELECT id, leaf, name_id, name_en, path_id, path_en,
           CASE
             WHEN key = @whole THEN 0
             WHEN substr(key, 1, length(@whole)) = @whole THEN 1
             WHEN in_name = @n THEN 2
             WHEN in_name_or_keyword = @n THEN 3
             ELSE 4
           END AS rank
    FROM ranked
    ORDER BY rank, key, id
    LIMIT @limit`;
}

/**
 * `params` with its words reordered so the one with the fewest matches comes first: the
 * search walks that word's matches and only checks the others, so "baju anak" costs the
 * leaves with "baju", not the thousands under "Bayi & Anak".
 */
function rarestFirst(db: Db, params: Params): Params {
  const n = params.n as number;
  if (n === 1) return params;
  const count = cachedPluck<Params, number>(
    db,
    `SELECT COUNT(*) FROM (SELECT 1 FROM category_terms
         WHERE tree = @tree AND term >= @p AND term < @e AND kind <= @k LIMIT ${COUNT_UP_TO})`,
  );
  const order = Array.from({ length: n }, (_, i) => {
    const word = { tree: LAZADA, p: params[`p${i}`]!, e: params[`e${i}`]!, k: params[`k${i}`]! };
    return { i, matches: count.get(word) ?? 0 };
  }).sort((a, b) => a.matches - b.matches || a.i - b.i);
  const out: Params = { ...params };
  for (const [to, { i: from }] of order.entries()) {
    for (const key of ['p', 'e', 'k']) out[`${key}${to}`] = params[`${key}${from}`]!;
  }
  return out;
}

/** `params` with no word matching beyond `kind`. */
function withKindsUpTo(params: Params, kind: number): Params {
  const out = { ...params };
  for (let i = 0; i < (params.n as number); i++) out[`k${i}`] = Math.min(params[`k${i}`] as number, kind);
  return out;
}

function sameKinds(a: Params, b: Params): boolean {
  for (let i = 0; i < (a.n as number); i++) if (a[`k${i}`] !== b[`k${i}`]) return false;
  return true;
}
