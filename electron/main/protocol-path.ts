import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Maps an `akar://app/...` request to a file inside `rootDir`, or null when the request
 * tries to leave it. Percent-decoding happens once, before the check, so `%2e%2e%2f` and
 * `..%5c` are caught like plain `../`; backslashes, NUL bytes and absolute paths are refused.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  relative = relative.replace(/^\/+/, '');
  if (relative === '') relative = 'index.html';
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
  return resolved;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppFileResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array<ArrayBuffer> | string;
}

/**
 * What the app's own pages are answered with, wherever they are served from (the
 * akar:// protocol in the app, a loopback server in the end-to-end tests): the file if
 * it is inside `rootDir`, with the CSP header, or a plain 404.
 */
export async function readAppFile(rootDir: string, requestUrl: string): Promise<AppFileResponse> {
  const file = resolveAppFile(rootDir, requestUrl);
  if (file) {
    try {
      const body = await fs.readFile(file);
      return {
        status: 200,
        headers: {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
        body,
      };
    } catch {
      // Missing, a folder, unreadable: all the same 404 to the page.
    }
  }
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
}
