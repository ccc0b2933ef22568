import { protocol } from 'electron';
import { readAppFile } from './protocol-path';
import { APP_SCHEME, isAppUrl } from './security';

/**
 * Serves the built renderer from `akar://app/` instead of `file://`, so a bug in the page
 * can never read arbitrary files, and attaches the CSP to every response.
 */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async function serveAppFile(request) {
    // Only akar://app/...: any other host is not ours to serve.
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const { status, headers, body } = await readAppFile(rendererDir, request.url);
    return new Response(body, { status, headers });
  });
}
