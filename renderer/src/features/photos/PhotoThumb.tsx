import { useState } from 'react';
import type { PhotoKind, PhotoState } from '../../../../electron/shared/photos';
import { usePhotoQueue } from '../../app/PhotoQueue';
import { Icon } from '../../ui/Icon';
import { photoUrl, useStudioWords } from './useStudioWords';
import { reasonWords } from './words';

/**
 * A photo's picture, or a clear stand-in while there is none: "Sedang diproses…" while it
 * waits to be rendered ("Menunggu, pemrosesan dijeda" while the seller paused the queue),
 * the reason in words when it failed, and a plain picture icon if the file cannot be shown.
 */
export function PhotoThumb({
  id,
  version,
  state,
  failure,
  kind = 'thumb',
  alt,
}: {
  id: number;
  version: string;
  state: PhotoState;
  failure?: { readonly reason: string; readonly params: Readonly<Record<string, string | number>> } | undefined;
  kind?: PhotoKind;
  alt: string;
}) {
  const { t, tr, language } = useStudioWords();
  const queue = usePhotoQueue();
  const src = photoUrl(id, kind, version);
  // Remembered per URL: a new version is tried again.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);

  if (state === 'pending') {
    const paused = queue?.status?.paused ?? false;
    return (
      <div className="photo-thumb photo-thumb--pending" data-testid="photo-pending">
        {paused ? <Icon name="pause" /> : <span className="photo-thumb__spinner" aria-hidden="true" />}
        <span className="photo-thumb__note">{paused ? t('thumb.paused') : t('thumb.pending')}</span>
      </div>
    );
  }
  if (state === 'failed') {
    const words = reasonWords(tr, failure?.reason ?? 'render_error', failure?.params, language);
    return (
      <div className="photo-thumb photo-thumb--failed" data-testid="photo-failed">
        <Icon name="alert" />
        <span className="photo-thumb__note">
          <strong>{t('thumb.failed')}</strong> {words.what}
        </span>{' '}
        <span className="photo-thumb__next">{words.next}</span>
      </div>
    );
  }
  if (brokenSrc === src) {
    return (
      <div className="photo-thumb photo-thumb--missing">
        <Icon name="image" />
        <span className="photo-thumb__note">{t('thumb.missing')}</span>
      </div>
    );
  }
  return (
    <img
      className="photo-thumb photo-thumb--image"
      src={src}
      alt={alt}
      draggable={false}
      decoding="async"
      onError={() => setBrokenSrc(src)}
    />
  );
}
