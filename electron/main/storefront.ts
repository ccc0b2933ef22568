/**
 * The only web addresses Akar hands to the system browser: pages of the practice
 * marketplace it runs itself, on this laptop (`http://127.0.0.1:<port>/...`). Anything else
 * (another host, `localhost` or another loopback spelling, https, credentials, an odd
 * port, encoded or backslashed paths) is refused, so a page that went wrong cannot make
 * main open a file, a `javascript:` URL or a site on the internet.
 */
const MAX_LENGTH = 500;
const STOREFRONT_URL = /^http:\/\/127\.0\.0\.1:([1-9][0-9]{0,4})\/[A-Za-z0-9/_-]*$/;

export function isStorefrontUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return false;
  const match = STOREFRONT_URL.exec(url);
  if (!match) return false;
  const port = Number(match[1]);
  if (port < 1 || port > 65_535) return false;
  // No empty segments ("//"): the path is the server's own, never a host in disguise.
  if (url.slice(url.indexOf('/', 'http://'.length)).includes('//')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // What the browser would open is exactly what was checked.
  return parsed.href === url && parsed.hostname === '127.0.0.1' && parsed.port === String(port);
}
