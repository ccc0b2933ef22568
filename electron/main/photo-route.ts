import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../core';
import type { PhotoKind } from '../shared/photos';
import type { AppFileResponse } from './protocol-path';

/**
 * Photos reach the page as `akar://app/photo/<id>/<kind>?v=<version>`: an opaque id, never a
 * path. The route is matched on the raw path, before any percent-decoding, against one
 * exact pattern, so `..`, encoded separators or absolute paths simply do not match; the
 * core turns the id into a file it made itself; and that file must still lie inside the
 * photos folder (symbolic links resolved) before a byte is read.
 */
const PHOTO_ROUTE = /^\/photo\/([1-9][0-9]{0,14})\/(thumb|main|original)$/;

export function parsePhotoPath(rawPathname: string): { id: number; kind: PhotoKind } | null {
  const match = PHOTO_ROUTE.exec(rawPathname);
  if (!match?.[1] || !match[2]) return null;
  return { id: Number(match[1]), kind: match[2] as PhotoKind };
}

/** True for any request under /photo/ (answered here, even when refused); everything else is a page file. */
export function isPhotoRequest(rawPathname: string): boolean {
  return rawPathname.startsWith('/photo/');
}

const NOT_FOUND: AppFileResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };

export async function isInside(folder: string, file: string): Promise<boolean> {
  try {
    const [root, real] = await Promise.all([fs.realpath(folder), fs.realpath(file)]);
    const relative = path.relative(root, real);
    return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

export async function readPhoto(core: Core, photosDir: string, rawPathname: string): Promise<AppFileResponse> {
  const route = parsePhotoPath(rawPathname);
  if (!route) return NOT_FOUND;
  const found = await core.photos.file(route);
  if (!found.ok || !(await isInside(photosDir, found.value.path))) return NOT_FOUND;
  try {
    const body = await fs.readFile(found.value.path);
    return {
      status: 200,
      headers: {
        'content-type': 'image/jpeg',
        'x-content-type-options': 'nosniff',
        // The URL carries the version: the same URL is always the same picture.
        'cache-control': 'private, max-age=31536000, immutable',
      },
      body,
    };
  } catch {
    return NOT_FOUND;
  }
}
