import type { Language } from '../../../../electron/shared/catalogue';
import type { PhotoIssue } from '../../../../electron/shared/photos';
import { formatNumber } from '../../lib/numbers';

/**
 * Words for the codes the photo studio sends: why a file was refused at import or could not
 * be rendered (`studio:reasons.<reason>`, what happened and what to do next), and the QC
 * findings (`photos:qc.<code>.title` and `.tip`, written with the QC rules). Codes stay raw
 * in state and are worded at render time, so a language switch re-words what is on screen.
 * Pure functions of `t`, checked for every code in both languages by
 * tests/renderer/photo-words.test.ts.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What `t` answers for a missing key, so a code without words falls back instead of showing its key. */
const MISSING = '\u0000missing';

function lookup(t: Translate, key: string, options: Record<string, unknown> = {}): string | null {
  const text = t(key, { ...options, defaultValue: MISSING });
  return text === MISSING ? null : text;
}

type Params = Readonly<Record<string, string | number>> | undefined;

/** Left as numbers: `count` picks the plural form, `photo` is a photo's place ("foto 2"). */
const KEPT = new Set(['count', 'photo']);

/** Numbers read the way the interface writes them ("4.000", "0,5"). */
function wordParams(params: Params, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = typeof value === 'number' && !KEPT.has(name) ? formatNumber(value, language) : value;
  }
  return out;
}

/** Every reason the studio gives for a refused file or a failed render. */
export const PHOTO_REASONS = [
  'empty',
  'not_an_image',
  'heic',
  'svg',
  'too_many_pixels',
  'truncated',
  'corrupt',
  'unsupported',
  'timeout',
  'file_not_found',
  'not_a_file',
  'access_denied',
  'read_failed',
  'too_large',
  'crop_outside',
  'over_byte_limit',
  'invalid_recipe',
  'render_error',
] as const;

export interface ReasonWords {
  /** What happened (and why). */
  readonly what: string;
  /** What to do next. */
  readonly next: string;
}

const MEGABYTE = 1024 * 1024;

/** Why a file was refused or a photo could not be made, as "what happened" and "what next". */
export function reasonWords(t: Translate, reason: string, params: Params, language: Language): ReasonWords {
  const words: Record<string, string | number> = wordParams(params, language);
  // The limits that matter to the seller, in units they know.
  if (reason === 'too_large') {
    const max = typeof params?.['maxBytes'] === 'number' ? params['maxBytes'] : 80 * MEGABYTE;
    words['maximum'] = formatNumber(Math.round(max / MEGABYTE), language);
  }
  if (reason === 'too_many_pixels') {
    const max = typeof params?.['maxMegapixels'] === 'number' ? params['maxMegapixels'] : 70;
    words['maximum'] = formatNumber(max, language);
  }
  const what = lookup(t, `studio:reasons.${reason}.what`, words);
  const next = lookup(t, `studio:reasons.${reason}.next`, words);
  if (what !== null && next !== null) return { what, next };
  return { what: t('studio:reasons.unknown.what'), next: t('studio:reasons.unknown.next') };
}

export interface IssueWords {
  readonly title: string;
  readonly tip: string;
}

/**
 * A QC finding as a short title and a fix-it tip. The words live in the `photos` namespace;
 * a code it does not have yet is worded from `studio:qcFallback`, then generically.
 */
export function issueWords(t: Translate, issue: PhotoIssue, language: Language): IssueWords {
  const params = wordParams(issue.params, language);
  for (const base of [`photos:qc.${issue.code}`, `studio:qcFallback.${issue.code}`]) {
    const title = lookup(t, `${base}.title`, params);
    const tip = lookup(t, `${base}.tip`, params);
    if (title !== null && tip !== null) return { title, tip };
  }
  return {
    title: t(`studio:qcFallback.unknown.${issue.severity}`),
    tip: t('studio:qcFallback.unknown.tip'),
  };
}

const RANK = { reject: 0, warn: 1 } as const;

/** Worst first: what the marketplace would refuse, then what it may; otherwise in the order given. */
export function worstFirst(issues: readonly PhotoIssue[]): PhotoIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.index - b.index)
    .map(({ issue }) => issue);
}

/** The photo-queue's time left in words: seconds under a minute and a half, then whole minutes. */
export function timeLeft(t: Translate, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return t('studio:queue.etaSeconds', { count: seconds });
  return t('studio:queue.etaMinutes', { count: Math.ceil(seconds / 60) });
}
