import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../../electron/core';
import { isPhotoRequest, readPhoto } from '../../../electron/main/photo-route';
import { readAppFile } from '../../../electron/main/protocol-path';

/**
 * Serves the built renderer with the same `readAppFile` main's `akar://app` handler uses:
 * the same path resolution (traversal-safe) and the same headers, CSP included, so a page that breaks
 * the policy fails here exactly as it would in the desktop app.
 */
export interface RendererServer {
  readonly url: string;
  /** The running app's core and photos folder, for /photo/ URLs (set per test session). */
  photos: { core: Core; photosDir: string } | null;
  close(): Promise<void>;
}

export async function serveRenderer(rootDir: string): Promise<RendererServer> {
  const served: RendererServer = { url: '', photos: null, close: async () => undefined };
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const { status, headers, body } =
        isPhotoRequest(url.pathname) && served.photos
          ? await readPhoto(served.photos.core, served.photos.photosDir, url.pathname)
          : await readAppFile(rootDir, url.href);
      response.writeHead(status, { ...headers, 'cache-control': 'no-store' });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(served, {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
