import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoQueueStatus } from '../../../electron/shared/photos';
import { useStudioWords } from '../features/photos/useStudioWords';
import { timeLeft } from '../features/photos/words';
import { api } from '../lib/api';
import type { JobProgress } from '../lib/useJobProgress';
import { Icon } from '../ui/Icon';
import { errorMessage } from '../lib/errors';
import { useToast } from './toasts';
import { errorOf } from '../features/photos/calls';

/**
 * The photo rendering queue as every screen sees it. Photos are rendered in the background
 * (the core worker) after each import or edit; this keeps its status (how many wait, whether
 * the seller paused it) and the run's progress, and lets screens say "something changed,
 * look again" after they add or edit photos. Status is asked every 1.5 s while photos are
 * waiting, and rarely otherwise (an app restarted with photos waiting still shows them).
 */
export interface PhotoQueue {
  readonly status: PhotoQueueStatus | null;
  /** The current run's progress (photos done of this run's total), while one is going. */
  readonly progress: JobProgress | null;
  /** Asks for the status now (after an import or an edit). */
  readonly refresh: () => void;
  /** Pauses (true) or resumes (false) rendering; the choice is kept across restarts. */
  readonly setPaused: (paused: boolean) => Promise<void>;
  /** True while a pause or resume is on its way (a pause waits for the photos being made). */
  readonly changing: boolean;
}

const BUSY_POLL_MS = 1500;
const IDLE_POLL_MS = 10_000;

const PhotoQueueContext = createContext<PhotoQueue | null>(null);

export function usePhotoQueue(): PhotoQueue | null {
  return useContext(PhotoQueueContext);
}

export function PhotoQueueProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<PhotoQueueStatus | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [changing, setChanging] = useState(false);
  const [asked, setAsked] = useState(0);
  const { t } = useTranslation();
  const toast = useToast();
  const alive = useRef(true);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // One status request per `asked`; then the next one is scheduled by how busy the queue is.
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void api
      .invoke('photos:status', {})
      .catch(() => null)
      .then((answer) => {
        if (!current) return;
        const next = answer?.ok ? answer.value : null;
        if (next) {
          setStatus(next);
          if (next.pending === 0) setProgress(null);
        }
        const busy = next !== null && next.pending > 0 && !next.paused;
        timer = setTimeout(refresh, busy ? BUSY_POLL_MS : IDLE_POLL_MS);
      });
    return () => {
      current = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [asked, refresh]);

  useEffect(
    () =>
      api.on('progress', (event) => {
        if (event.kind !== 'photo-process' || event.total <= 0) return;
        setProgress({
          done: event.done,
          total: event.total,
          ...(event.etaMs !== undefined ? { etaMs: event.etaMs } : {}),
        });
      }),
    [],
  );

  const setPaused = useCallback(
    async (paused: boolean) => {
      setChanging(true);
      const answer = await api.invoke('photos:process', { action: paused ? 'pause' : 'start' }).catch(() => null);
      if (!alive.current) return;
      setChanging(false);
      if (answer?.ok) {
        setStatus(answer.value);
        setProgress(null);
      } else {
        const error = errorOf(answer, 'photos:process');
        toast({ message: errorMessage(t, error), tone: 'error' });
      }
      refresh();
    },
    [refresh, toast, t],
  );

  const value = useMemo<PhotoQueue>(
    () => ({ status, progress, refresh, setPaused, changing }),
    [status, progress, refresh, setPaused, changing],
  );
  return <PhotoQueueContext.Provider value={value}>{children}</PhotoQueueContext.Provider>;
}

/**
 * Quiet, in the header: "Memproses foto 12 dari 40 · sekitar 1 menit" with "Jeda" while
 * photos are being made, "Foto dijeda · 28 menunggu" with "Lanjutkan" while paused, and
 * nothing at all when no photo is waiting.
 */
export function PhotoQueueIndicator() {
  const queue = usePhotoQueue();
  const { t, tr } = useStudioWords();
  const status = queue?.status;
  if (!queue || !status || status.pending === 0) return null;
  const { progress, changing } = queue;

  let line: string;
  let detail: string | null;
  if (status.paused) {
    line = t('queue.paused');
    detail = t('queue.waiting', { count: status.pending });
  } else if (progress && progress.total > progress.done) {
    line = t('queue.running', { done: progress.done + 1, total: progress.total });
    detail = progress.etaMs !== undefined ? timeLeft(tr, progress.etaMs) : null;
  } else {
    line = t('queue.starting');
    detail = t('queue.waiting', { count: status.pending });
  }

  return (
    // Not a live region: the count changes several times a second and would drown out a
    // screen reader; the button's own words say whether photos are being made or paused.
    <div className="photo-queue" data-testid="photo-queue">
      <span className="photo-queue__icon" aria-hidden="true">
        <Icon name={status.paused ? 'pause' : 'image'} />
      </span>
      <p className="photo-queue__text">
        <span className="photo-queue__line">{line}</span>
        {detail ? <span className="photo-queue__detail">{detail}</span> : null}
      </p>
      <button
        type="button"
        className="header-button photo-queue__button"
        onClick={() => void queue.setPaused(!status.paused)}
        disabled={changing}
      >
        <Icon name={status.paused ? 'play' : 'pause'} />
        {changing ? t('queue.changing') : status.paused ? t('queue.resume') : t('queue.pause')}
      </button>
    </div>
  );
}
