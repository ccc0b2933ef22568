import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../electron/shared/photos';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import { Icon } from '../../ui/Icon';
import { ModalDialog } from '../../ui/ModalDialog';
import {
  BRIGHTNESS_MAX,
  BRIGHTNESS_MIN,
  BRIGHTNESS_STEP,
  centredCrop,
  clampCrop,
  DEFAULT_RECIPE,
  fitInSquare,
  frameBox,
  MIN_CROP_SIZE,
  moveCrop,
  orientedSize,
  readRecipe,
  recipeToSave,
  resizeCrop,
  sameRecipe,
  turn,
  turnedImage,
  type CropFrame,
  type EditorRecipe,
  type Fit,
} from './crop';
import { PhotoThumb } from './PhotoThumb';
import { photoUrl, useStudioWords } from './useStudioWords';
import { errorOf } from './calls';

type View = 'edit' | 'before' | 'after';

/** Arrow keys move the frame this far (a tenth with Shift), in fractions of the image. */
const KEY_STEP = 0.01;
const KEY_STEP_LARGE = 0.1;

/**
 * "Ubah foto": a modal dialog over the form. The seller turns the photo, chooses the whole
 * photo on white ("Kotak putih") or a square cut ("Potong kotak", with a frame to drag and a
 * slider for its size), makes it lighter or darker, and compares the original ("Sebelum") with
 * the marketplace picture last made ("Sesudah"). The preview is drawn by the browser; the core
 * renders the real picture from the original after "Simpan" (nothing is ever lost: "Kembalikan
 * seperti asli" brings back the untouched photo).
 */
export function PhotoEditor({
  photo,
  number,
  onClose,
  onSaved,
}: {
  photo: Photo;
  /** The photo's place on the product (1 = main), for the title. */
  number: number | null;
  onClose: () => void;
  onSaved: (photo: Photo) => void;
}) {
  const { t } = useStudioWords();
  const { t: ui } = useTranslation();
  const titleId = useId();
  const stored = useMemo(() => readRecipe(photo.recipe), [photo.recipe]);
  // A stored frame that no longer fits (the reason a render failed) opens pulled inside.
  const [recipe, setRecipe] = useState<EditorRecipe>(() => {
    if (!stored.crop) return stored;
    const size = orientedSize(photo.original.width, photo.original.height, stored.rotate);
    return { ...stored, crop: clampCrop(stored.crop, size.width, size.height) };
  });
  const [view, setView] = useState<View>('edit');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const { width, height } = photo.original;
  const oriented = orientedSize(width, height, recipe.rotate);
  const frame: CropFrame | null =
    recipe.fit === 'crop' ? (recipe.crop ?? centredCrop(1, oriented.width, oriented.height)) : null;
  const unchanged = sameRecipe(recipe, stored, width, height);
  // A photo that failed may be saved as it is: that is how it is tried again.
  const canSave = !unchanged || photo.state === 'failed';

  const update = (change: Partial<EditorRecipe>) => {
    setFailure(null);
    setView('edit');
    setRecipe((current) => ({ ...current, ...change }));
  };
  // A turn changes what "left" and "top" mean: the frame starts again in the middle.
  const rotate = (direction: 1 | -1) => {
    setFailure(null);
    setView('edit');
    setRecipe((current) => {
      const { crop: _dropped, ...rest } = current;
      return { ...rest, rotate: turn(current.rotate, direction) };
    });
  };
  const setFit = (fit: Fit) => {
    setFailure(null);
    setView('edit');
    setRecipe((current) => {
      const { crop: _dropped, ...rest } = current;
      return { ...rest, fit };
    });
  };
  const setFrame = (crop: CropFrame) => update({ fit: 'crop', crop });

  async function save() {
    setSaving(true);
    setFailure(null);
    const answer = await api
      .invoke('photos:setRecipe', { id: photo.id, recipe: recipeToSave(recipe, width, height) })
      .catch(() => null);
    if (answer?.ok) {
      onSaved(answer.value);
      return;
    }
    setSaving(false);
    setFailure(errorOf(answer, 'photos:setRecipe'));
  }

  const title = number === null ? t('editor.title') : t('editor.titleNumbered', { number });

  return createPortal(
    <ModalDialog
      title={title}
      onClose={onClose}
      busy={saving}
      className="photo-editor"
      testId="photo-editor"
      failureTestId="photo-editor-failure"
      failure={
        failure ? (
          <>
            {errorMessage(ui, failure)}
            {failure.issues?.[0] ? ` ${issueMessage(ui, failure.issues[0])}` : ''} {t('editor.failedNext')}
          </>
        ) : null
      }
    >
      <div className="photo-editor__body">
        <div className="photo-editor__view">
          <div className="segmented" role="group" aria-label={t('editor.view')}>
            {(['edit', 'before', 'after'] as const).map((name) => (
              <button
                key={name}
                type="button"
                className="segmented__option"
                aria-pressed={view === name}
                onClick={() => setView(name)}
              >
                <Icon name={name === 'edit' ? 'edit' : name === 'before' ? 'image' : 'check'} />
                {t(`editor.views.${name}`)}
              </button>
            ))}
          </div>
          {view === 'edit' ? (
            <EditStage photo={photo} recipe={recipe} frame={frame} onFrame={setFrame} />
          ) : (
            <div className="photo-stage photo-stage--compare" data-testid={`photo-stage-${view}`}>
              {view === 'before' ? (
                <img
                  className="photo-stage__whole"
                  src={photoUrl(photo.id, 'original', photo.version)}
                  alt={t('editor.beforeAlt', { name: photo.fileName })}
                  draggable={false}
                />
              ) : (
                <PhotoThumb
                  id={photo.id}
                  version={photo.version}
                  state={photo.state}
                  failure={photo.failure}
                  kind="main"
                  alt={t('editor.afterAlt', { name: photo.fileName })}
                />
              )}
            </div>
          )}
          <p className="photo-editor__caption">
            {view === 'edit'
              ? frame
                ? t('editor.captionCrop')
                : t('editor.captionPad')
              : view === 'before'
                ? t('editor.captionBefore')
                : unchanged
                  ? t('editor.captionAfter')
                  : t('editor.captionAfterUnsaved')}
          </p>
        </div>

        <div className="photo-editor__controls">
          <fieldset className="photo-editor__group">
            <legend className="field__label">{t('editor.rotate')}</legend>
            <div className="photo-editor__row">
              <button type="button" className="button" onClick={() => rotate(-1)} data-autofocus>
                <Icon name="rotateLeft" />
                {t('editor.rotateLeft')}
              </button>
              <button type="button" className="button" onClick={() => rotate(1)}>
                <Icon name="rotateRight" />
                {t('editor.rotateRight')}
              </button>
            </div>
          </fieldset>

          <fieldset className="choice photo-editor__group">
            <legend className="field__label">{t('editor.shape')}</legend>
            <div className="choice__options">
              {(['pad', 'crop'] as const).map((fit) => (
                <label key={fit} className="choice__option choice__option--compact">
                  <input
                    type="radio"
                    name={`${titleId}-fit`}
                    value={fit}
                    checked={recipe.fit === fit}
                    onChange={() => setFit(fit)}
                  />
                  <span className="choice__text">
                    <strong>{t(`editor.fit.${fit}`)}</strong>
                    {t(`editor.fit.${fit}Hint`)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {frame ? (
            <Slider
              label={t('editor.cropSize')}
              value={Math.round(frame.size * 100)}
              min={Math.round(MIN_CROP_SIZE * 100)}
              max={100}
              step={1}
              shown={t('editor.percent', { value: Math.round(frame.size * 100) })}
              onChange={(value) => setFrame(resizeCrop(frame, value / 100, oriented.width, oriented.height))}
            />
          ) : null}

          <Slider
            label={t('editor.brightness')}
            value={recipe.brightness}
            min={BRIGHTNESS_MIN}
            max={BRIGHTNESS_MAX}
            step={BRIGHTNESS_STEP}
            shown={t('editor.percent', { value: Math.round(recipe.brightness * 100) })}
            hint={t('editor.brightnessHint')}
            onChange={(value) => update({ brightness: value })}
          />

          <button
            type="button"
            className="button button--quiet photo-editor__reset"
            onClick={() => {
              setFailure(null);
              setView('edit');
              setRecipe(DEFAULT_RECIPE);
            }}
            disabled={sameRecipe(recipe, DEFAULT_RECIPE, width, height)}
          >
            <Icon name="undo" />
            {t('editor.reset')}
          </button>
        </div>
      </div>

      <div className="photo-editor__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={saving || !canSave}
        >
          <Icon name="check" />
          {saving ? ui('actions.saving') : t('editor.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose} disabled={saving}>
          {ui('actions.cancel')}
        </button>
        {!canSave && !saving ? <span className="field__hint">{t('editor.nothingChanged')}</span> : null}
      </div>
    </ModalDialog>,
    document.body,
  );
}

/**
 * The picture as it will come out: turned, lighter or darker, and either whole on a white
 * square or with the square frame over it (the part outside the frame dimmed).
 */
function EditStage({
  photo,
  recipe,
  frame,
  onFrame,
}: {
  photo: Photo;
  recipe: EditorRecipe;
  frame: CropFrame | null;
  onFrame: (crop: CropFrame) => void;
}) {
  const { t } = useStudioWords();
  const box = useRef<HTMLDivElement>(null);
  // The upright preview is made on first request (a moment for a big photo): a spinner until then.
  const [shown, setShown] = useState<'loading' | 'loaded' | 'broken'>('loading');
  const drag = useRef<{ x: number; y: number; start: CropFrame; width: number; height: number } | null>(null);
  const { width, height } = photo.original;
  const oriented = orientedSize(width, height, recipe.rotate);
  const fitted = fitInSquare(oriented.width, oriented.height);
  const image = turnedImage(width, height, recipe.rotate);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!frame || !box.current) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const rect = box.current.getBoundingClientRect();
    drag.current = { x: event.clientX, y: event.clientY, start: frame, width: rect.width, height: rect.height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const from = drag.current;
    if (!from || from.width === 0 || from.height === 0) return;
    const dx = (event.clientX - from.x) / from.width;
    const dy = (event.clientY - from.y) / from.height;
    onFrame(moveCrop(from.start, dx, dy, oriented.width, oriented.height));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!frame) return;
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onFrame(moveCrop(frame, move[0], move[1], oriented.width, oriented.height));
  };

  const placed = frame ? frameBox(frame, oriented.width, oriented.height) : null;
  return (
    <div className={frame ? 'photo-stage photo-stage--crop' : 'photo-stage'} data-testid="photo-stage-edit">
      <div
        className="photo-stage__oriented"
        ref={box}
        style={{ width: `${fitted.width}%`, height: `${fitted.height}%` }}
      >
        <img
          className="photo-stage__image"
          src={photoUrl(photo.id, 'original', photo.version)}
          alt={t('editor.previewAlt', { name: photo.fileName })}
          draggable={false}
          onLoad={() => setShown('loaded')}
          onError={() => setShown('broken')}
          style={{
            width: `${image.width}%`,
            height: `${image.height}%`,
            transform: image.transform,
            filter: `brightness(${recipe.brightness})`,
          }}
        />
        {placed && shown === 'loaded' ? (
          <div
            className="crop-frame"
            tabIndex={0}
            role="group"
            aria-label={t('editor.frame')}
            aria-roledescription={t('editor.frameRole')}
            data-testid="crop-frame"
            style={{
              left: `${placed.left}%`,
              top: `${placed.top}%`,
              width: `${placed.width}%`,
              height: `${placed.height}%`,
            }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown}
          >
            <span className="crop-frame__hint" aria-hidden="true">
              {t('editor.dragHint')}
            </span>
          </div>
        ) : null}
      </div>
      {shown !== 'loaded' ? (
        <div className="photo-stage__status" data-testid="photo-stage-status">
          {shown === 'loading' ? <span className="photo-thumb__spinner" aria-hidden="true" /> : <Icon name="image" />}
          <span>{shown === 'loading' ? t('editor.loading') : t('thumb.missing')}</span>
        </div>
      ) : null}
    </div>
  );
}

function Slider({
  label,
  value,
  min,
  max,
  step,
  shown,
  hint,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown: string;
  hint?: string;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field photo-editor__slider">
      <label className="field__label photo-editor__slider-label" htmlFor={id}>
        <span>{label}</span>
        <output htmlFor={id} className="photo-editor__value">
          {shown}
        </output>
      </label>
      <input
        id={id}
        className="photo-editor__range"
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={shown}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      {hint ? <span className="field__hint">{hint}</span> : null}
    </div>
  );
}
