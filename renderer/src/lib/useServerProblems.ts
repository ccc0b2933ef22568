import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../electron/shared/result';
import { formProblems, NO_PROBLEMS, type FormProblems, type Reword } from './errors';

/**
 * Holds the last failed save of a form. The raw error is kept and translated on every
 * render (so a language switch re-words it); after a failure the summary at the top takes
 * focus, so keyboard and screen-reader users land on it too.
 */
export function useServerProblems(
  knownField: (field: string) => boolean,
  options: { extra?: ReadonlyMap<string, string>; reword?: Reword } = {},
) {
  const { extra, reword } = options;
  const { t } = useTranslation();
  const [failure, setFailure] = useState<AppError | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const problems: FormProblems = useMemo(() => {
    const fromServer = failure ? formProblems(t, failure, knownField, reword) : NO_PROBLEMS;
    if (!extra || extra.size === 0) return fromServer;
    // Client-side notes (e.g. "write digits only") replace main's generic message for that field.
    const byField = new Map(fromServer.byField);
    for (const [field, message] of extra) byField.set(field, message);
    return { byField, general: fromServer.general };
  }, [failure, knownField, extra, reword, t]);

  const fail = useCallback((error: AppError) => {
    setFailure(error);
    // After React has painted the summary.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }, []);
  const clear = useCallback(() => setFailure(null), []);

  return { problems, fail, clear, summaryRef };
}
