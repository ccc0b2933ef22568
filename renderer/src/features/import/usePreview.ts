import { useEffect, useState } from 'react';
import type { ColumnMapping, ImportReport } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { api } from '../../lib/api';
import { newJobId } from '../../lib/useJobProgress';

export type Preview =
  | { readonly state: 'idle' }
  | { readonly state: 'loading'; readonly previous: ImportReport | null; readonly jobId: string | null }
  | { readonly state: 'ready'; readonly report: ImportReport; readonly key: string }
  | { readonly state: 'failed'; readonly error: AppError };

/** Long enough to pick two columns in a row without a preview for each pick. */
const SETTLE_MS = 300;

/** The key a mapping is previewed under: the import button only trusts a preview of the mapping shown. */
export function mappingKey(mapping: readonly ColumnMapping[] | null): string {
  return JSON.stringify(mapping);
}

type Answer =
  { readonly input: string; readonly report: ImportReport } | { readonly input: string; readonly error: AppError };

/**
 * What importing would do with this mapping (`import:preview` writes nothing), asked again
 * whenever the mapping changes while `enabled`. An answer for an older mapping is dropped;
 * while a newer one is on its way the last numbers stay on screen, marked as being
 * checked. The last answer is kept while disabled, so coming back to the same mapping
 * does not make main check a large file a second time.
 */
export function usePreview(
  importId: string | null,
  sellerId: number,
  mapping: readonly ColumnMapping[] | null,
  enabled: boolean,
): Preview {
  const key = mappingKey(mapping);
  const input = importId && mapping ? `${sellerId}:${importId}:${key}` : null;
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The last numbers of this file, shown (as being checked) while a new mapping is checked.
  const [last, setLast] = useState<{ readonly importId: string; readonly report: ImportReport } | null>(null);
  // The check running now, so its progress can be shown; a superseded one is cancelled.
  const [jobId, setJobId] = useState<string | null>(null);
  const answered = answer !== null && answer.input === input;

  useEffect(() => {
    if (!enabled || !importId || !mapping || !input || answered) return;
    let current = true;
    const job = newJobId('import-check');
    const timer = setTimeout(() => {
      setJobId(job);
      api.invoke('import:preview', { importId, sellerId, mapping: [...mapping], jobId: job }).then(
        (result) => {
          if (!current) return;
          if (result.ok) {
            setAnswer({ input, report: result.value });
            setLast({ importId, report: result.value });
          } else setAnswer({ input, error: result.error });
        },
        () => {
          if (current) setAnswer({ input, error: { code: 'internal', message: 'import:preview failed' } });
        },
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      // Nobody waits for this answer any more: free the worker for the next check.
      void api.invoke('jobs:cancel', { jobId: job }).catch(() => null);
    };
    // `mapping` is a fresh array each render; `input` holds its content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, input, answered]);

  if (!input) return { state: 'idle' };
  if (answer && answered) {
    return 'report' in answer
      ? { state: 'ready', report: answer.report, key }
      : { state: 'failed', error: answer.error };
  }
  const previous = last && last.importId === importId ? last.report : null;
  return enabled ? { state: 'loading', previous, jobId } : { state: 'idle' };
}
