/**
 * Pure security decisions for the main process, kept free of `electron` so they are unit
 * tested directly. Origins are compared parsed, never with `startsWith`.
 */

/** The custom scheme the app's own pages are served from (never `file://`). */
export const APP_SCHEME = 'akar';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Content-Security-Policy sent with every app page: nothing remote, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for the app's own origin (`akar://app`), or the dev server's exact origin. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password)
    return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && parsed.origin === dev.origin && parsed.origin !== 'null';
  }
  return false;
}

/** `will-navigate` guard: the window may only move between the app's own pages. */
export function isAllowedNavigation(url: string, devServerUrl?: string): boolean {
  return isAppUrl(url, devServerUrl);
}

/** IPC sender check: only the app's own top-level page may call into main. */
export function isTrustedSender(frameUrl: string | undefined, devServerUrl?: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, devServerUrl);
}
