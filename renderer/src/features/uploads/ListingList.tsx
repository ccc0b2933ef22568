import type { ReactNode } from 'react';
import type { ShopUploads, UploadListing, UploadState } from '../../../../electron/shared/uploads';
import { Icon } from '../../ui/Icon';
import { PhotoThumb } from '../photos/PhotoThumb';
import { initials, toneFor } from '../../lib/initials';
import { useUploadWords } from './useUploadWords';
import { isSending, listingAdvice, sendingCount, sizeText, stateText } from './words';

/** A product's main picture, when it has a rendered one (from the photo overview). */
export interface MainPhoto {
  readonly id: number;
  readonly version: string;
}

/** Trouble first (what needs the seller), then what is on its way, then what is done. */
const ORDER: Readonly<Record<UploadState, number>> = {
  rejected: 0,
  blocked: 1,
  queued: 2,
  images: 2,
  creating: 2,
  updating: 2,
  in_qc: 3,
  live: 4,
  skipped: 5,
};

const TILES = [
  { key: 'live', label: 'screen.summary.live' },
  { key: 'inQc', label: 'screen.summary.inQc' },
  { key: 'rejected', label: 'screen.summary.rejected' },
  { key: 'blocked', label: 'screen.summary.blocked' },
  { key: 'waiting', label: 'screen.summary.waiting' },
] as const;

/** Failures the seller fixes in the product (the rest pass by themselves, or with "Coba lagi"). */
const FIXABLE = new Set(['rejected', 'photo_missing', 'sku_taken']);

/**
 * How the shop's listings are doing: five counts at a glance, "Periksa status QC" and
 * "Lihat toko", then one row per product with its picture, state, photos sent, and (when
 * it is not live) what to do about it, with the marketplace's own words in quotes.
 */
export function ListingList({
  shop,
  photos,
  busy,
  checking,
  onFollowQc,
  onViewShop,
  onRetry,
  onSkip,
  onFix,
  notice,
}: {
  shop: ShopUploads;
  photos: ReadonlyMap<number, MainPhoto>;
  busy: boolean;
  checking: boolean;
  onFollowQc: () => void;
  /** "Lihat toko": the practice storefront on this laptop (absent for a real marketplace). */
  onViewShop?: (() => void) | undefined;
  onRetry: (listing: UploadListing) => void;
  onSkip: (listing: UploadListing) => void;
  onFix: (listing: UploadListing) => void;
  /** The answer to "Periksa status QC" (or another button here), shown under the buttons. */
  notice: ReactNode;
}) {
  const { t, language } = useUploadWords();
  const { counts } = shop;
  const values = {
    live: counts.live,
    inQc: counts.in_qc,
    rejected: counts.rejected,
    blocked: counts.blocked,
    waiting: sendingCount(counts),
  };
  const listings = [...shop.listings].sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || a.productName.localeCompare(b.productName, language),
  );
  const live = counts.live > 0;

  return (
    <section className="upload-results" aria-labelledby="upload-results-title">
      <div className="upload-results__head">
        <h2 className="upload-section-title" id="upload-results-title">
          {t('screen.summary.title')}
        </h2>
        <div className="upload-results__actions">
          <button type="button" className="button" onClick={onFollowQc} disabled={busy || checking}>
            <Icon name="refresh" />
            {checking ? t('screen.checking') : t('screen.followQc')}
          </button>
          {onViewShop ? (
            <button
              type="button"
              className="button"
              onClick={onViewShop}
              disabled={!live}
              title={live ? undefined : t('screen.viewShopHint')}
            >
              <Icon name="store" />
              {t('screen.viewShop')}
            </button>
          ) : null}
        </div>
      </div>
      {notice}
      <ul className="upload-counts" aria-label={t('screen.summary.title')}>
        {TILES.map((tile) => (
          <li
            key={tile.key}
            className={`upload-count upload-count--${tile.key}${values[tile.key] > 0 ? ' upload-count--some' : ''}`}
            data-testid={`count-${tile.key}`}
          >
            <span className="upload-count__number">{values[tile.key]}</span>{' '}
            <span className="upload-count__label">{t(tile.label)}</span>
          </li>
        ))}
      </ul>
      {counts.rejected + counts.blocked > 0 ? (
        <p className="upload-results__hint">{t('screen.fixThenUpload')}</p>
      ) : null}
      <ul className="listing-list" aria-label={t('screen.listings')}>
        {listings.map((listing) => (
          <ListingRow
            key={listing.id}
            listing={listing}
            photo={photos.get(listing.productId) ?? null}
            busy={busy}
            onRetry={() => onRetry(listing)}
            onSkip={() => onSkip(listing)}
            onFix={() => onFix(listing)}
          />
        ))}
      </ul>
    </section>
  );
}

function ListingRow({
  listing,
  photo,
  busy,
  onRetry,
  onSkip,
  onFix,
}: {
  listing: UploadListing;
  photo: MainPhoto | null;
  busy: boolean;
  onRetry: () => void;
  onSkip: () => void;
  onFix: () => void;
}) {
  const { t, tr, language } = useUploadWords();
  const { advice, theirs } = listingAdvice(tr, listing);
  const name = listing.productName;
  const sending = isSending(listing.state);
  const trouble = listing.state === 'rejected' || listing.state === 'blocked';
  // "Coba lagi" makes sense for a listing waiting out a failure; fixing, for one refused.
  const canRetry = sending && (listing.error !== null || listing.nextAttemptAt !== null);
  const canSkip = listing.state === 'queued' || listing.state === 'images' || listing.state === 'blocked';
  // A dropped link or a busy marketplace is nothing to fix in the product; a refusal is.
  const canFix = trouble || (listing.error !== null && FIXABLE.has(listing.error.kind));
  const titleId = `listing-${listing.id}`;
  const meta: string[] = [];
  if (listing.imagesTotal > 0) meta.push(t('screen.photos', { done: listing.imagesDone, total: listing.imagesTotal }));
  if (listing.bytesSent > 0) {
    meta.push(
      listing.bytesTotal > listing.bytesSent
        ? t('screen.sentOf', {
            sent: sizeText(listing.bytesSent, language),
            total: sizeText(listing.bytesTotal, language),
          })
        : t('screen.sent', { size: sizeText(listing.bytesSent, language) }),
    );
  }

  return (
    <li className={`listing listing--${listing.state}`} aria-labelledby={titleId} data-testid="listing">
      <span className="listing__picture">
        {photo ? (
          <PhotoThumb id={photo.id} version={photo.version} state="ready" alt="" />
        ) : (
          <span className={`listing__initials tone-${toneFor(name)}`} aria-hidden="true">
            {initials(name)}
          </span>
        )}
      </span>
      <div className="listing__body">
        <div className="listing__title">
          <h3 className="listing__name" id={titleId}>
            {name}
          </h3>
          <span className={`listing-state listing-state--${listing.state}`} data-testid="listing-state">
            {stateText(tr, listing.state)}
          </span>
        </div>
        {meta.length > 0 ? <p className="listing__meta">{meta.join(' · ')}</p> : null}
        {advice ? (
          <div className={`listing__advice${trouble ? ' listing__advice--trouble' : ''}`} data-testid="listing-advice">
            <Icon name={trouble ? 'alert' : 'refresh'} />
            <p>
              <span>{advice}</span>
              {theirs ? <span className="listing__theirs"> {t('screen.theirReason', { reason: theirs })}</span> : null}
              {sending && listing.nextAttemptAt ? (
                <span className="listing__theirs"> {t('screen.nextAttempt')}</span>
              ) : null}
            </p>
          </div>
        ) : null}
      </div>
      <div className="listing__actions">
        {canFix ? (
          <button
            type="button"
            className={trouble ? 'button button--primary' : 'button'}
            onClick={onFix}
            aria-label={t('screen.result.fixNamed', { name })}
          >
            <Icon name="edit" />
            {t('screen.result.fix')}
          </button>
        ) : null}
        {canRetry ? (
          <button
            type="button"
            className="button"
            onClick={onRetry}
            disabled={busy}
            aria-label={t('screen.retryNamed', { name })}
          >
            <Icon name="refresh" />
            {t('screen.retry')}
          </button>
        ) : null}
        {canSkip ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={onSkip}
            disabled={busy}
            aria-label={t('screen.skipNamed', { name })}
          >
            <Icon name="skip" />
            {t('screen.skip')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
