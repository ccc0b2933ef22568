import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppFile, mimeType } from '../../../electron/main/protocol-path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

/**
 * Serves the built renderer the way main's `akar://app` handler does: the same path
 * resolution (traversal-safe) and the same headers, CSP included, so a page that breaks
 * the policy fails here exactly as it would in the desktop app.
 */
export interface RendererServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveRenderer(rootDir: string): Promise<RendererServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const file = resolveAppFile(rootDir, new URL(request.url ?? '/', 'http://127.0.0.1').href);
      try {
        if (!file) throw new Error('outside the renderer');
        const body = await fs.readFile(file);
        response.writeHead(200, {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        response.end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
