import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAppFile } from '../../../electron/main/protocol-path';

/**
 * Serves the built renderer with the same `readAppFile` main's `akar://app` handler uses:
 * the same path resolution (traversal-safe) and the same headers, CSP included, so a page that breaks
 * the policy fails here exactly as it would in the desktop app.
 */
export interface RendererServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveRenderer(rootDir: string): Promise<RendererServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      const { status, headers, body } = await readAppFile(
        rootDir,
        new URL(request.url ?? '/', 'http://127.0.0.1').href,
      );
      response.writeHead(status, { ...headers, 'cache-control': 'no-store' });
      response.end(body);
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
