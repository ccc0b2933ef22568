import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppFile, mimeType } from './protocol-path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl } from './security';

/**
 * Serves the built renderer from `akar://app/` instead of `file://`, so a bug in the page
 * can never read arbitrary files, and attaches the CSP to every response.
 */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async function serveAppFile(request) {
    // Only akar://app/...: any other host is not ours to serve.
    const file = isAppUrl(request.url) ? resolveAppFile(rendererDir, request.url) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
