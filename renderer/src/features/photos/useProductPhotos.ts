import { useCallback, useEffect, useState } from 'react';
import type { ProductPhotos } from '../../../../electron/shared/photos';
import type { AppError } from '../../../../electron/shared/result';
import { usePhotoQueue } from '../../app/PhotoQueue';
import { api } from '../../lib/api';
import { errorOf } from './calls';

export type PhotosLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: ProductPhotos }
  | { readonly state: 'failed'; readonly error: AppError };

/** While any photo waits to be rendered, the list is asked for again this often. */
export const PENDING_POLL_MS = 1500;

/**
 * One product's photos, asked again every 1.5 s while any is still being rendered (so each
 * "Sedang diproses…" turns into its picture without a click), and replaceable at once by a
 * screen that already has the new list (after a reorder, main answers with it).
 */
export function useProductPhotos(productId: number) {
  const [load, setLoad] = useState<PhotosLoad>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    void api
      .invoke('photos:forProduct', { productId })
      .catch(() => null)
      .then((answer) => {
        if (!current) return;
        if (answer?.ok) setLoad({ state: 'ready', value: answer.value });
        else
          setLoad((before) =>
            // A passing failure while polling keeps the photos on screen.
            before.state === 'ready'
              ? before
              : {
                  state: 'failed',
                  error: errorOf(answer, 'photos:forProduct'),
                },
          );
      });
    return () => {
      current = false;
    };
  }, [productId, generation]);

  // Nothing changes while the seller has paused the queue; "Lanjutkan" starts the asking again.
  const paused = usePhotoQueue()?.status?.paused ?? false;
  const pending = load.state === 'ready' && load.value.photos.some((photo) => photo.state === 'pending');
  useEffect(() => {
    if (!pending || paused) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, paused, load, reload]);

  const replace = useCallback((value: ProductPhotos) => setLoad({ state: 'ready', value }), []);
  return { load, reload, replace };
}
