import { protocol } from 'electron';
import type { Core } from '../core';
import { isPhotoRequest, readPhoto } from './photo-route';
import { readAppFile } from './protocol-path';
import { APP_SCHEME, isAppUrl } from './security';

/** Where photo URLs are answered from: the running core and the data dir's photos folder. */
export interface PhotoSource {
  readonly core: () => Core | null;
  readonly photosDir: string;
}

/**
 * Serves the built renderer from `akar://app/` instead of `file://`, so a bug in the page
 * can never read arbitrary files, and attaches the CSP to every response. Photos come from
 * the same origin under /photo/<id>/<kind> (see photo-route.ts).
 */
export function registerAppProtocol(rendererDir: string, photos: PhotoSource): void {
  protocol.handle(APP_SCHEME, async function serveAppFile(request) {
    // Only akar://app/...: any other host is not ours to serve.
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const pathname = new URL(request.url).pathname;
    const core = photos.core();
    const { status, headers, body } =
      isPhotoRequest(pathname) && core
        ? await readPhoto(core, photos.photosDir, pathname)
        : await readAppFile(rendererDir, request.url);
    return new Response(body, { status, headers });
  });
}
