/**
 * The sign-in pages Akar hands to the system browser: Lazada's authorize page
 * (`https://auth.lazada.com/oauth/authorize?...`), or the practice marketplace's copy of it
 * on this laptop (`http://127.0.0.1:<port>/oauth/authorize?...`, which tests use to stand in
 * for Lazada). The core builds the address; main checks it here and again next to the call
 * that opens it, so nothing else (a file, `javascript:`, another site) is ever opened.
 */
const MAX_LENGTH = 2000;
const LAZADA_AUTHORIZE = 'https://auth.lazada.com/oauth/authorize';
const LOOPBACK_AUTHORIZE = /^http:\/\/127\.0\.0\.1:([1-9][0-9]{0,4})\/oauth\/authorize$/;

export function isSignInUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // What the browser would open is exactly what was checked: no credentials, no fragment.
  if (parsed.href !== url || parsed.username !== '' || parsed.password !== '' || parsed.hash !== '') return false;
  const page = `${parsed.origin}${parsed.pathname}`;
  if (page !== LAZADA_AUTHORIZE) {
    const match = LOOPBACK_AUTHORIZE.exec(page);
    if (!match || Number(match[1]) > 65_535) return false;
  }
  // The page is asked for a code for Akar's own callback on this laptop, nothing else.
  const query = parsed.searchParams;
  const redirect = query.get('redirect_uri') ?? '';
  return query.get('response_type') === 'code' && /^http:\/\/127\.0\.0\.1:[1-9][0-9]{0,4}\/callback$/.test(redirect);
}
