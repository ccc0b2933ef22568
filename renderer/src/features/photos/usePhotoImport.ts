import { useRef, useState } from 'react';
import type { PhotoImportReport } from '../../../../electron/shared/photos';
import type { AppError } from '../../../../electron/shared/result';
import { usePhotoQueue } from '../../app/PhotoQueue';
import { api } from '../../lib/api';
import { newJobId, useJobProgress, type JobProgress } from '../../lib/useJobProgress';

export type PickKind = 'files' | 'folder';

export type ImportOutcome =
  | { readonly state: 'idle' }
  | { readonly state: 'done'; readonly report: PhotoImportReport }
  | { readonly state: 'stopped' }
  | { readonly state: 'failed'; readonly error: AppError };

export interface PhotoImport {
  readonly pick: (kind: PickKind) => Promise<void>;
  /** Files (or folders) dropped on the page from the computer. */
  readonly drop: (files: readonly File[]) => Promise<void>;
  readonly stop: () => void;
  /** Set from the click until the import is done (the system dialog is open part of that time). */
  readonly busy: boolean;
  readonly stopping: boolean;
  readonly progress: JobProgress | null;
  readonly outcome: ImportOutcome;
  readonly dismiss: () => void;
}

/**
 * "Pilih foto" / "Ambil dari folder": main opens the system dialog, then the core copies,
 * checks and matches the photos as one job with progress and "Hentikan" (nothing is kept of a
 * stopped import: its rows are written at the very end, in one transaction). With a product,
 * every photo goes to it; without, each file is matched to a product by its name.
 */
export function usePhotoImport(
  sellerId: number,
  productId: number | undefined,
  /** Runs after an import; answering false leaves the summary out (a toast said it all). */
  onImported: (report: PhotoImportReport) => boolean | void,
): PhotoImport {
  const [jobId, setJobId] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome>({ state: 'idle' });
  const progress = useJobProgress(jobId);
  const queue = usePhotoQueue();
  const running = useRef(false);

  type Input = { sellerId: number; jobId: string; productId?: number };
  type Answer = Awaited<ReturnType<typeof api.invoke<'photos:pickFiles'>>>;

  const pick = (kind: PickKind) =>
    run((input) => api.invoke(kind === 'files' ? 'photos:pickFiles' : 'photos:pickFolder', input));
  // null from the preload: none of the dropped things were files from the disk.
  const drop = (files: readonly File[]) =>
    run(async (input) => (await api.importDroppedPhotos(files, input)) ?? { ok: true, value: null });

  async function run(call: (input: Input) => Promise<Answer>) {
    if (running.current) return;
    running.current = true;
    const job = newJobId('photo-import');
    setJobId(job);
    setStopping(false);
    setOutcome({ state: 'idle' });
    const input = { sellerId, jobId: job, ...(productId !== undefined ? { productId } : {}) };
    const answer = await call(input).catch(() => null);
    running.current = false;
    setJobId(null);
    setStopping(false);
    if (answer === null) {
      setOutcome({ state: 'failed', error: { code: 'internal', message: 'photo import failed' } });
    } else if (!answer.ok) {
      setOutcome(answer.error.code === 'cancelled' ? { state: 'stopped' } : { state: 'failed', error: answer.error });
    } else if (answer.value) {
      // null: the seller closed the dialog without choosing; nothing to say.
      const show = onImported(answer.value);
      setOutcome(show === false ? { state: 'idle' } : { state: 'done', report: answer.value });
    }
    queue?.refresh();
  }

  function stop() {
    if (jobId === null) return;
    setStopping(true);
    void api.invoke('jobs:cancel', { jobId }).catch(() => null);
  }

  return {
    pick,
    drop,
    stop,
    busy: jobId !== null,
    stopping,
    progress,
    outcome,
    dismiss: () => setOutcome({ state: 'idle' }),
  };
}
