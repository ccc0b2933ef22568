import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo, ProductPhotos } from '../../../../electron/shared/photos';
import { usePhotoQueue } from '../../app/PhotoQueue';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { Icon } from '../../ui/Icon';
import { LoadFailed } from '../../ui/LoadFailed';
import { ImportStatus } from './ImportSummary';
import { makeMain, moveBy, moveTo, sameSet } from './order';
import { PhotoEditor } from './PhotoEditor';
import { PhotoThumb } from './PhotoThumb';
import { ProductIssues, QcBadges } from './QcBadges';
import { useFileDrop } from './useFileDrop';
import { usePhotoImport } from './usePhotoImport';
import { useProductPhotos } from './useProductPhotos';
import { useStudioWords } from './useStudioWords';
import { errorOf } from './calls';

/** The element the readiness panel's photo line moves to: the section, or the hint on a new product. */
export const PHOTOS_ANCHOR = 'product-photos';

/** The drag carries a photo id under this type, so other drags (text, files) are ignored. */
export const PHOTO_DRAG_TYPE = 'application/x-akar-photo';

type Focus = { readonly id: number; readonly action: 'left' | 'right' | 'main' } | null;

/**
 * "Foto produk" on a saved product's form: its photos in order, the first marked "Foto
 * utama"; each with its QC badges, "Jadikan utama", arrows to move it (or drag it onto
 * another photo's place), "Ubah" (the editor) and "Hapus" (undone from the toast). Every
 * change is saved at once; the form's own "Simpan" is not needed for photos.
 */
export function ProductPhotoSection({
  sellerId,
  productId,
  onLoaded,
}: {
  sellerId: number;
  productId: number;
  /** Told each time the photos are (re)loaded: the readiness panel shows their verdict. */
  onLoaded?: (photos: ProductPhotos) => void;
}) {
  const { t } = useStudioWords();
  const { t: ui } = useTranslation();
  const toast = useToast();
  const queue = usePhotoQueue();
  const { load, reload, replace } = useProductPhotos(productId);
  const [editing, setEditing] = useState<Photo | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const grid = useRef<HTMLOListElement>(null);
  const run = usePhotoImport(sellerId, productId, (report) => {
    reload();
    // All went in: a toast says so; anything refused or skipped gets the full summary.
    if (report.rejected.length > 0 || report.duplicates > 0 || report.matched === 0) return true;
    toast({ message: t('section.added', { count: report.matched }) });
    return false;
  });
  const fileDrop = useFileDrop((files) => void run.drop(files), !run.busy);

  const loaded = load.state === 'ready' ? load.value : null;
  useEffect(() => {
    if (loaded) onLoaded?.(loaded);
  }, [loaded, onLoaded]);

  const photos = loaded?.photos ?? [];
  const ids = photos.map((photo) => photo.id);

  // After a move by keyboard, focus follows the photo to its new place (same button if it is
  // still there, else its other arrow), so the seller can keep pressing.
  useEffect(() => {
    if (!focus || !grid.current) return;
    const tile = grid.current.querySelector<HTMLElement>(`[data-photo-id="${focus.id}"]`);
    const wanted = tile?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]:not(:disabled)`);
    const fallback = tile?.querySelector<HTMLButtonElement>(
      '[data-action="left"]:not(:disabled), [data-action="right"]:not(:disabled)',
    );
    (wanted ?? fallback)?.focus();
    setFocus(null);
  }, [focus, load]);

  async function applyOrder(next: number[], moved: Photo, action: 'left' | 'right' | 'main' | null) {
    if (load.state !== 'ready') return;
    const before = load.value;
    const byId = new Map(before.photos.map((photo) => [photo.id, photo]));
    const reordered: ProductPhotos = {
      ...before,
      photos: next.flatMap((id) => {
        const photo = byId.get(id);
        return photo ? [photo] : [];
      }),
    };
    replace(reordered);
    const place = next.indexOf(moved.id) + 1;
    setAnnouncement(place === 1 ? t('section.nowMain') : t('section.movedTo', { number: place }));
    if (action) setFocus({ id: moved.id, action });
    const answer = await api.invoke('photos:reorder', { productId, photoIds: next }).catch(() => null);
    if (answer?.ok) {
      replace(answer.value);
    } else {
      replace(before);
      const error = errorOf(answer, 'photos:reorder');
      toast({ message: errorMessage(ui, error), tone: 'error' });
    }
  }

  async function remove(photo: Photo) {
    const order = ids;
    const answer = await api.invoke('photos:delete', { id: photo.id }).catch(() => null);
    if (!answer?.ok) {
      const error = errorOf(answer, 'photos:delete');
      toast({ message: errorMessage(ui, error), tone: 'error' });
      return;
    }
    reload();
    queue?.refresh();
    toast({
      message: t('section.deleted', { name: photo.fileName }),
      action: {
        label: ui('actions.undo'),
        icon: 'undo',
        run: async () => {
          const restored = await api.invoke('photos:restore', { id: photo.id }).catch(() => null);
          if (restored?.ok) {
            // A restored photo comes back last; it goes back to its old place when nothing else changed.
            const now = await api.invoke('photos:forProduct', { productId }).catch(() => null);
            const current = now?.ok ? now.value.photos.map((item) => item.id) : [];
            if (sameSet(current, order) && current.join() !== order.join()) {
              await api.invoke('photos:reorder', { productId, photoIds: order }).catch(() => null);
            }
          }
          reload();
          queue?.refresh();
          toast(
            restored?.ok
              ? { message: t('section.restored', { name: photo.fileName }) }
              : {
                  message: errorMessage(ui, errorOf(restored, 'photos:restore')),
                  tone: 'error',
                },
          );
        },
      },
    });
  }

  const onDragStart = (event: DragEvent<HTMLLIElement>, photo: Photo) => {
    event.dataTransfer.setData(PHOTO_DRAG_TYPE, String(photo.id));
    event.dataTransfer.effectAllowed = 'move';
    setDragging(photo.id);
  };
  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropAt !== index) setDropAt(index);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    event.preventDefault();
    const id = dragging ?? Number(event.dataTransfer.getData(PHOTO_DRAG_TYPE));
    setDragging(null);
    setDropAt(null);
    const moved = photos.find((photo) => photo.id === id);
    if (!moved) return;
    const next = moveTo(ids, id, index);
    if (next.join() !== ids.join()) void applyOrder(next, moved, null);
  };
  const endDrag = () => {
    setDragging(null);
    setDropAt(null);
  };

  return (
    <section
      className={`panel product-photos${fileDrop.over ? ' product-photos--drop' : ''}`}
      aria-labelledby="product-photos-title"
      id={PHOTOS_ANCHOR}
      tabIndex={-1}
      data-testid="product-photos"
      {...fileDrop.props}
    >
      <div className="product-photos__head">
        <div>
          <h2 className="panel__title" id="product-photos-title">
            {t('section.title')}
            {photos.length > 0 ? <span className="product-photos__count"> ({photos.length})</span> : null}
          </h2>
          <p className="panel__intro">{t('section.intro')}</p>
          <p className="panel__intro">{fileDrop.over ? t('import.dropNow') : t('section.dropHint')}</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void run.pick('files')}
          disabled={run.busy}
        >
          <Icon name="camera" />
          {t('section.add')}
        </button>
      </div>

      <ImportStatus run={run} toProduct />
      {load.state === 'failed' ? <LoadFailed error={load.error} onRetry={reload} /> : null}
      {load.state === 'ready' ? <ProductIssues issues={load.value.issues} /> : null}

      {photos.length > 0 ? (
        <ol className="photo-grid" aria-label={t('section.list')} ref={grid}>
          {photos.map((photo, index) => (
            <PhotoTile
              key={photo.id}
              photo={photo}
              index={index}
              count={photos.length}
              dragging={dragging === photo.id}
              dropTarget={dropAt === index && dragging !== null && dragging !== photo.id}
              onDragStart={(event) => onDragStart(event, photo)}
              onDragOver={(event) => onDragOver(event, index)}
              onDrop={(event) => onDrop(event, index)}
              onDragEnd={endDrag}
              onMain={() => void applyOrder(makeMain(ids, photo.id), photo, 'main')}
              onMove={(step) => void applyOrder(moveBy(ids, photo.id, step), photo, step === -1 ? 'left' : 'right')}
              onEdit={() => setEditing(photo)}
              onDelete={() => void remove(photo)}
            />
          ))}
        </ol>
      ) : load.state === 'ready' ? (
        <div className="product-photos__empty">
          <Icon name="camera" />
          <p>{t('section.empty')}</p>
        </div>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      {editing ? (
        <PhotoEditor
          photo={editing}
          number={ids.indexOf(editing.id) + 1 || null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
            queue?.refresh();
            toast({ message: t('editor.saved') });
          }}
        />
      ) : null}
    </section>
  );
}

function PhotoTile({
  photo,
  index,
  count,
  dragging,
  dropTarget,
  onDragStart,
  onDragOver,
  onDrop,
  onDragEnd,
  onMain,
  onMove,
  onEdit,
  onDelete,
}: {
  photo: Photo;
  index: number;
  count: number;
  dragging: boolean;
  dropTarget: boolean;
  onDragStart: (event: DragEvent<HTMLLIElement>) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  onDrop: (event: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
  onMain: () => void;
  onMove: (step: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useStudioWords();
  const number = index + 1;
  const isMain = index === 0;
  const classes = ['photo-tile'];
  if (isMain) classes.push('photo-tile--main');
  if (dragging) classes.push('photo-tile--dragging');
  if (dropTarget) classes.push('photo-tile--drop');
  const name = isMain ? t('tile.nameMain', { number }) : t('tile.name', { number });

  return (
    <li
      className={classes.join(' ')}
      aria-label={name}
      data-photo-id={photo.id}
      data-testid="photo-tile"
      draggable
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragEnd={onDragEnd}
    >
      <div className="photo-tile__picture">
        <PhotoThumb
          id={photo.id}
          version={photo.version}
          state={photo.state}
          failure={photo.failure}
          alt={t('tile.alt', { number, name: photo.fileName })}
        />
        <span className="photo-tile__number" aria-hidden="true">
          {number}
        </span>
        {isMain ? (
          <span className="photo-tile__main" data-testid="main-badge">
            <Icon name="star" />
            {t('tile.main')}
          </span>
        ) : null}
      </div>
      <p className="photo-tile__file" title={photo.fileName}>
        {photo.fileName}
      </p>
      <QcBadges issues={photo.issues} label={t('tile.issues', { number })} />
      <div className="photo-tile__order">
        <button
          type="button"
          className="button photo-tile__arrow"
          data-action="left"
          aria-label={t('tile.left', { number })}
          title={t('tile.leftShort')}
          onClick={() => onMove(-1)}
          disabled={index === 0}
        >
          <Icon name="arrowLeft" />
        </button>
        {isMain ? (
          <span className="photo-tile__is-main">{t('tile.isMain')}</span>
        ) : (
          <button
            type="button"
            className="button photo-tile__make-main"
            data-action="main"
            aria-label={t('tile.makeMainNamed', { number })}
            onClick={onMain}
          >
            {t('tile.makeMain')}
          </button>
        )}
        <button
          type="button"
          className="button photo-tile__arrow"
          data-action="right"
          aria-label={t('tile.right', { number })}
          title={t('tile.rightShort')}
          onClick={() => onMove(1)}
          disabled={index === count - 1}
        >
          <Icon name="arrow" />
        </button>
      </div>
      <div className="photo-tile__actions">
        <button type="button" className="button" aria-label={t('tile.editNamed', { number })} onClick={onEdit}>
          <Icon name="edit" />
          {t('tile.edit')}
        </button>
        <button
          type="button"
          className="button button--quiet button--danger"
          aria-label={t('tile.deleteNamed', { number })}
          onClick={onDelete}
        >
          <Icon name="trash" />
          {t('tile.delete')}
        </button>
      </div>
    </li>
  );
}

/** On a new product's form: photos come once it is saved. */
export function NewProductPhotoHint() {
  const { t } = useStudioWords();
  return (
    <p className="product-photos__new" data-testid="new-product-photo-hint" id={PHOTOS_ANCHOR} tabIndex={-1}>
      <Icon name="camera" />
      <span>{t('section.newProduct')}</span>
    </p>
  );
}
