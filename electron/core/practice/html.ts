import en from '../../../resources/locales/en/practice.json';
import id from '../../../resources/locales/id/practice.json';

/**
 * Server-rendered HTML for the storefront and the OAuth page: one escaping function every
 * value goes through, one page frame with the "Toko Latihan Akar" banner (so nobody
 * mistakes it for the real Lazada), and the words from the `practice` locale namespace.
 * The pages carry no script at all, which the CSP header states.
 */

export type PracticeLanguage = 'id' | 'en';

/** No scripts, no remote anything; inline styles only (the CSS below). */
export const STOREFRONT_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
/** The OAuth form posts to itself, then redirects to the app on this laptop. */
export const AUTHORIZE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; base-uri 'none'; frame-ancestors 'none'";

const LOCALES: Record<PracticeLanguage, unknown> = { id, en };

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function lookup(language: PracticeLanguage, key: string): string | undefined {
  let node: unknown = LOCALES[language];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text for `key` (dots into nested objects), `{{name}}` filled in. With a `count`,
 * `key_one` or `key_other` is used, as i18next does. Values are not escaped here.
 */
export function t(
  language: PracticeLanguage,
  key: string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const full = vars.count === undefined ? key : `${key}_${vars.count === 1 ? 'one' : 'other'}`;
  const text = lookup(language, full) ?? lookup('id', full) ?? full;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** Whole rupiah the Indonesian way: `Rp15.000`, `Rp1.250.000`. */
export function formatRupiah(amount: number): string {
  const whole = Math.round(amount);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole < 0 ? '-' : ''}Rp${digits}`;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#f5f5f7;line-height:1.4}
.banner{background:#0b6e4f;color:#fff;padding:10px 16px}.banner strong{font-size:1.1em}.banner small{display:block;opacity:.85}
main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:1.4em;margin:.4em 0}a{color:#0b6e4f}
.quiet{color:#666;font-size:.9em}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;overflow:hidden;text-decoration:none;color:inherit;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.card img{width:100%;aspect-ratio:1;object-fit:contain;background:#fff;display:block}.card div{padding:8px}
.price{color:#d0011b;font-weight:600}.photos{display:flex;gap:8px;overflow-x:auto}.photos img{width:240px;height:240px;object-fit:contain;background:#fff;border-radius:6px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:6px 8px;border-bottom:1px solid #eee;text-align:left}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 12px;margin:8px 0}.error{background:#fdecea;border-left:4px solid #d0011b;padding:8px 12px;margin:8px 0}
form label{display:block;margin:12px 0 4px}input[type=text]{width:100%;padding:10px;font-size:1em}button{margin-top:16px;padding:12px 24px;font-size:1.1em;background:#0b6e4f;color:#fff;border:0;border-radius:6px}
`;

/** A whole page; `body` must already be escaped HTML. */
export function page(language: PracticeLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(t(language, 'banner'))}</title><style>${CSS}</style></head>
<body><div class="banner"><strong>${escapeHtml(t(language, 'banner'))}</strong><small>${escapeHtml(t(language, 'bannerNote'))}</small></div>
<main>${body}</main></body></html>`;
}
