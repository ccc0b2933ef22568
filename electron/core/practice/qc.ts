import sanitizeHtml from 'sanitize-html';

/**
 * The practice marketplace's quality control. Lazada reviews a new or edited listing
 * asynchronously ("Pending QC", up to 24 h), then approves or rejects it with a reason. Here
 * an item submitted at T is pending until its stored due time (T + qcDelayMs, fixed when it
 * is submitted), then its verdict is computed from what is stored, each time it is read: no
 * timers, so a restart changes nothing and the same data always gives the same verdict.
 *
 * Rules, with the reason in Lazada's own English wording:
 * 1. "No White Background" (a real Lazada reject reason): the main photo's outer band is
 *    not near-white. Lazada's guideline asks for a white background; a product shot on a
 *    white canvas passes, a photo on cloth, a table or a coloured wall does not.
 * 2. "Poor Product Description": the description, without HTML, is under 30 characters:
 *    too little for a buyer to decide.
 * 3. "Prohibited Keywords in Product Name": promotional words in the name (price claims,
 *    free shipping, discounts belong in vouchers, not titles), as whole words, any case.
 * All failing rules are reported, joined with "; ", so a participant fixes everything at once.
 */

export const REASON_WHITE_BACKGROUND = 'No White Background';
export const REASON_DESCRIPTION = 'Poor Product Description';
export const REASON_KEYWORDS = 'Prohibited Keywords in Product Name';

/** Near-white: bright (mean luminance) and colourless (mean chroma) around the edges. */
export const WHITE_MIN_LUMINANCE = 235;
export const WHITE_MAX_CHROMA = 16;
export const MIN_DESCRIPTION_CHARS = 30;

export const PROHIBITED_WORDS: readonly string[] = [
  'termurah',
  'murah banget',
  'promo',
  'diskon',
  'gratis ongkir',
  'free ongkir',
  'cashback',
  'obral',
  'flash sale',
];

const PROHIBITED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PROHIBITED_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

export type QcStatus = 'pending' | 'live' | 'rejected';

export interface QcInput {
  readonly name: string;
  readonly description: string;
  /** The main image's stored background measure; undefined when it is missing. */
  readonly background: { readonly luminance: number; readonly chroma: number } | undefined;
  readonly qcDueAt: number;
}

export interface QcVerdict {
  readonly status: QcStatus;
  readonly reasons: readonly string[];
}

export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style'] })
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, 'x')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isWhiteBackground(background: QcInput['background']): boolean {
  return (
    background !== undefined && background.luminance >= WHITE_MIN_LUMINANCE && background.chroma <= WHITE_MAX_CHROMA
  );
}

export function qcReasons(input: Omit<QcInput, 'qcDueAt'>): string[] {
  const reasons: string[] = [];
  if (!isWhiteBackground(input.background)) reasons.push(REASON_WHITE_BACKGROUND);
  if ([...plainText(input.description)].length < MIN_DESCRIPTION_CHARS) reasons.push(REASON_DESCRIPTION);
  if (PROHIBITED.test(input.name)) reasons.push(REASON_KEYWORDS);
  return reasons;
}

export function qcVerdict(input: QcInput, now: number): QcVerdict {
  if (now < input.qcDueAt) return { status: 'pending', reasons: [] };
  const reasons = qcReasons(input);
  return { status: reasons.length > 0 ? 'rejected' : 'live', reasons };
}
