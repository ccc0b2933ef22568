import { useEffect, useMemo, useRef, useState, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo, ProductPhotoSummary, SellerPhotoOverview } from '../../../../electron/shared/photos';
import type { Result } from '../../../../electron/shared/result';
import { useNavigation, type Route } from '../../app/navigation';
import { usePhotoQueue } from '../../app/PhotoQueue';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadStatus } from '../../ui/LoadStatus';
import { ImportStatus } from './ImportSummary';
import { PHOTO_DRAG_TYPE } from './ProductPhotoSection';
import { PhotoThumb } from './PhotoThumb';
import { VerdictBadge } from './PhotoVerdict';
import { photoVerdict } from '../../../../electron/shared/plain/photo-verdict';
import { standingOf } from './verdict';
import { useFileDrop } from './useFileDrop';
import { usePhotoImport } from './usePhotoImport';
import { PENDING_POLL_MS } from './useProductPhotos';
import { useStudioWords } from './useStudioWords';
import { issueWords, worstFirst } from './words';
import { errorOf } from './calls';

interface Overview {
  readonly overview: SellerPhotoOverview;
  readonly unmatched: readonly Photo[];
}

async function loadOverview(sellerId: number): Promise<Result<Overview>> {
  const [overview, unmatched] = await Promise.all([
    api.invoke('photos:overview', { sellerId }),
    api.invoke('photos:unmatched', { sellerId }),
  ]);
  if (!overview.ok) return overview;
  if (!unmatched.ok) return unmatched;
  return { ok: true, value: { overview: overview.value, unmatched: unmatched.value } };
}

/**
 * "Foto produk" of one participant: bring photos in from a phone or a USB stick (files named
 * after a SKU go straight to their product), see which products' photos need work (worst
 * first), and give the photos no name matched to their product, by choosing it or by dragging
 * the photo onto the product.
 */
export function PhotosScreen({ sellerId, sellerName }: { sellerId: number; sellerName: string }) {
  const { t } = useStudioWords();
  const { go } = useNavigation();
  const queue = usePhotoQueue();
  const [load, reload] = useLoad(() => loadOverview(sellerId), String(sellerId));
  const review = useRef<HTMLElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const run = usePhotoImport(sellerId, undefined, () => reload());
  const fileDrop = useFileDrop((files) => void run.drop(files), !run.busy);
  const here: Route = { screen: 'photos', sellerId, sellerName };

  // Photos render in the background: the list is asked again while any is still waiting
  // (and not while the seller has paused the queue: then nothing changes by itself).
  const paused = queue?.status?.paused ?? false;
  const pending =
    !paused &&
    load.state === 'ready' &&
    ((queue?.status?.pending ?? 0) > 0 ||
      load.value.unmatched.some((photo) => photo.state === 'pending') ||
      load.value.overview.products.some((product) => product.main?.state === 'pending'));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, load, reload]);

  if (load.state !== 'ready') return <LoadStatus load={load} onRetry={reload} />;
  const { overview, unmatched } = load.value;

  const open = (product: ProductPhotoSummary) =>
    go({
      screen: 'productForm',
      sellerId,
      sellerName,
      productId: product.productId,
      productName: product.name,
      returnTo: here,
    });
  const showReview = () => {
    review.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    review.current?.focus({ preventScroll: true });
  };

  return (
    <div className="photos-screen">
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('overview.title', { name: sellerName })}</h1>
          <p className="screen-head__intro">{t('overview.intro')}</p>
        </div>
      </div>

      <section
        className={`panel photo-import${fileDrop.over ? ' photo-import--drop' : ''}`}
        aria-labelledby="photo-import-title"
        data-testid="photo-import"
        {...fileDrop.props}
      >
        <h2 className="panel__title" id="photo-import-title">
          {t('import.title')}
        </h2>
        <p className="panel__intro">{t('import.intro')}</p>
        <div className="photo-import__buttons">
          <button
            type="button"
            className="button button--primary photo-import__button"
            onClick={() => void run.pick('folder')}
            disabled={run.busy}
          >
            <Icon name="folder" />
            {t('import.folder')}
          </button>
          <button
            type="button"
            className="button photo-import__button"
            onClick={() => void run.pick('files')}
            disabled={run.busy}
          >
            <Icon name="image" />
            {t('import.files')}
          </button>
        </div>
        <p className="photo-import__example">
          <Icon name="tag" />
          <span>{t('import.naming')}</span>
        </p>
        <p className="photo-import__example">
          <Icon name="image" />
          <span>{fileDrop.over ? t('import.dropNow') : t('import.dropHint')}</span>
        </p>
        <ImportStatus run={run} toProduct={false} {...(unmatched.length > 0 ? { onReview: showReview } : {})} />
      </section>

      {unmatched.length > 0 ? (
        <UnmatchedPhotos
          ref={review}
          photos={unmatched}
          products={overview.products}
          onChanged={reload}
          onDragging={setDragging}
        />
      ) : null}

      <section className="photo-products" aria-labelledby="photo-products-title">
        <h2 className="photo-products__title" id="photo-products-title">
          {t('products.title', { count: overview.products.length })}
        </h2>
        {overview.products.length === 0 ? (
          <EmptyState
            icon="box"
            title={t('products.emptyTitle')}
            hint={t('products.emptyHint')}
            action={
              <button
                type="button"
                className="button button--primary"
                onClick={() => go({ screen: 'productForm', sellerId, sellerName })}
              >
                <Icon name="plus" />
                {t('products.add')}
              </button>
            }
          />
        ) : (
          <>
            <p className="photo-products__intro">{dragging !== null ? t('products.dropHint') : t('products.intro')}</p>
            <ul className="photo-product-grid" aria-label={t('products.list')}>
              {overview.products.map((product) => (
                <ProductPhotoCard
                  key={product.productId}
                  product={product}
                  dragging={dragging}
                  onOpen={() => open(product)}
                  onAssigned={() => {
                    setDragging(null);
                    reload();
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** A product's photo state at a glance: main photo, how many, and the worst thing QC found. */
function ProductPhotoCard({
  product,
  dragging,
  onOpen,
  onAssigned,
}: {
  product: ProductPhotoSummary;
  dragging: number | null;
  onOpen: () => void;
  onAssigned: () => void;
}) {
  const { t, tr, language } = useStudioWords();
  const assign = useAssign();
  const [over, setOver] = useState(false);
  const titleId = `photo-product-${product.productId}`;
  const worst = worstFirst(product.issues)[0];
  const verdict = photoVerdict(standingOf(product));

  const accepts = (event: DragEvent) => dragging !== null || event.dataTransfer.types.includes(PHOTO_DRAG_TYPE);
  const onDragOver = (event: DragEvent<HTMLLIElement>) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    setOver(false);
    const id = dragging ?? Number(event.dataTransfer.getData(PHOTO_DRAG_TYPE));
    if (!id) return;
    void assign(id, product, onAssigned).then(onAssigned);
  };

  const classes = ['photo-product', `photo-product--${verdict}`];
  if (dragging !== null) classes.push('photo-product--target');
  if (over) classes.push('photo-product--over');

  return (
    <li
      className={classes.join(' ')}
      aria-labelledby={titleId}
      data-testid="photo-product"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button type="button" className="photo-product__open" onClick={onOpen}>
        <span className="photo-product__picture">
          {product.main ? (
            <PhotoThumb id={product.main.id} version={product.main.version} state={product.main.state} alt="" />
          ) : (
            <span className="photo-thumb photo-thumb--none">
              <Icon name="camera" />
            </span>
          )}
        </span>
        <span className="photo-product__text">
          <span className="photo-product__name" id={titleId}>
            {product.name}
          </span>
          {product.photoCount > 0 ? (
            <span className="photo-product__count">{t('products.count', { count: product.photoCount })}</span>
          ) : null}
          <VerdictBadge verdict={verdict} />
          {worst && verdict !== 'none' && verdict !== 'processing' ? (
            <span className="photo-product__issue">{issueWords(tr, worst, language).title}</span>
          ) : null}
        </span>
      </button>
    </li>
  );
}

/** Puts a photo on a product, with "Urungkan" (back to the photos waiting for a product). */
function useAssign() {
  const { t } = useStudioWords();
  const { t: ui } = useTranslation();
  const toast = useToast();
  return async (id: number, product: { productId: number; name: string } | null, after?: () => void) => {
    const answer = await api.invoke('photos:assign', { id, productId: product?.productId ?? null }).catch(() => null);
    if (!answer?.ok) {
      const error = errorOf(answer, 'photos:assign');
      toast({ message: errorMessage(ui, error), tone: 'error' });
      return;
    }
    if (!product) return;
    toast({
      message: t('review.assigned', { name: product.name }),
      action: {
        label: ui('actions.undo'),
        icon: 'undo',
        run: async () => {
          await api.invoke('photos:assign', { id: answer.value.id, productId: null }).catch(() => null);
          after?.();
        },
      },
    });
  };
}

/**
 * "Foto yang belum punya produk": photos whose file name matched no SKU or product name. Each
 * gets a product from a list, or is dragged onto a product below; "Buang" deletes it (undone
 * from the toast).
 */
function UnmatchedPhotos({
  ref,
  photos,
  products,
  onChanged,
  onDragging,
}: {
  ref: Ref<HTMLElement>;
  photos: readonly Photo[];
  products: readonly ProductPhotoSummary[];
  onChanged: () => void;
  onDragging: (id: number | null) => void;
}) {
  const { t } = useStudioWords();
  const { t: ui } = useTranslation();
  const toast = useToast();
  const assignTo = useAssign();
  const byName = useMemo(
    () => [...products].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    [products],
  );

  async function discard(photo: Photo) {
    const answer = await api.invoke('photos:delete', { id: photo.id }).catch(() => null);
    if (!answer?.ok) {
      const error = errorOf(answer, 'photos:delete');
      toast({ message: errorMessage(ui, error), tone: 'error' });
      return;
    }
    onChanged();
    toast({
      message: t('review.discarded', { name: photo.fileName }),
      action: {
        label: ui('actions.undo'),
        icon: 'undo',
        run: async () => {
          await api.invoke('photos:restore', { id: photo.id }).catch(() => null);
          onChanged();
        },
      },
    });
  }

  return (
    <section
      className="panel photo-review"
      aria-labelledby="photo-review-title"
      ref={ref}
      tabIndex={-1}
      data-testid="photo-review"
    >
      <h2 className="panel__title" id="photo-review-title">
        {t('review.title', { count: photos.length })}
      </h2>
      <p className="panel__intro">{t('review.intro')}</p>
      <ul className="stray-grid" aria-label={t('review.list')}>
        {photos.map((photo) => (
          <li
            key={photo.id}
            className="stray"
            draggable
            aria-label={photo.fileName}
            data-testid="stray-photo"
            onDragStart={(event) => {
              event.dataTransfer.setData(PHOTO_DRAG_TYPE, String(photo.id));
              event.dataTransfer.effectAllowed = 'move';
              onDragging(photo.id);
            }}
            onDragEnd={() => onDragging(null)}
          >
            <div className="stray__picture">
              <PhotoThumb
                id={photo.id}
                version={photo.version}
                state={photo.state}
                failure={photo.failure}
                alt={photo.fileName}
              />
            </div>
            <p className="stray__name" title={photo.fileName}>
              {photo.fileName}
            </p>
            <label className="field stray__field">
              <span className="field__label">{t('review.product')}</span>
              <select
                className="input"
                value=""
                aria-label={t('review.productFor', { name: photo.fileName })}
                onChange={(event) => {
                  const product = byName.find((item) => String(item.productId) === event.target.value);
                  if (product) void assignTo(photo.id, product, onChanged).then(onChanged);
                }}
              >
                <option value="">{t('review.choose')}</option>
                {byName.map((product) => (
                  <option key={product.productId} value={product.productId}>
                    {product.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--quiet button--danger stray__discard"
              aria-label={t('review.discardNamed', { name: photo.fileName })}
              onClick={() => void discard(photo)}
            >
              <Icon name="trash" />
              {t('review.discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
