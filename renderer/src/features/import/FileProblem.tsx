import type { ReactNode } from 'react';
import type { AppError } from '../../../../electron/shared/result';
import { Icon } from '../../ui/Icon';
import { fileProblemWords } from './messages';
import { useWords } from './useWords';

/** Why the file cannot be used, and what to do: in two sentences, never a code. */
export function FileProblem({ error, action }: { error: AppError; action?: ReactNode }) {
  const { t, tr, language } = useWords();
  const { what, next } = fileProblemWords(tr, error, language);
  return (
    <div className="import-problem" role="alert" data-testid="file-problem">
      <p className="import-problem__title">
        <Icon name="alert" />
        {t('fileError.title')}
      </p>
      <p className="import-problem__what">{what}</p>
      <p className="import-problem__next">{next}</p>
      {action}
    </div>
  );
}
