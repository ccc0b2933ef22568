import { useId, useState } from 'react';
import type { PhotoIssue } from '../../../../electron/shared/photos';
import { Icon } from '../../ui/Icon';
import { useStudioWords } from './useStudioWords';
import { issueWords, worstFirst } from './words';

/**
 * What marketplace QC would say about a photo, worst first: a short red (would be refused)
 * or amber (may be refused) badge each, whose fix-it tip opens on hover, on keyboard focus
 * and on a click or tap (touch screens have no hover).
 */
export function QcBadges({ issues, label }: { issues: readonly PhotoIssue[]; label: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="qc-badges" aria-label={label}>
      {worstFirst(issues).map((issue, index) => (
        <QcBadge key={`${issue.code}-${index}`} issue={issue} />
      ))}
    </ul>
  );
}

function QcBadge({ issue }: { issue: PhotoIssue }) {
  const { t, tr, language } = useStudioWords();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const words = issueWords(tr, issue, language);
  return (
    <li className={`qc-badge qc-badge--${issue.severity}`} data-open={open} data-testid="qc-badge">
      <button
        type="button"
        className="qc-badge__button"
        aria-expanded={open}
        aria-describedby={tipId}
        onClick={(event) => {
          event.stopPropagation();
          setOpen((was) => !was);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
        onBlur={() => setOpen(false)}
      >
        <Icon name="alert" />
        {words.title}
      </button>
      <span className="qc-badge__tip" role="tooltip" id={tipId}>
        <strong className="qc-badge__severity">{issue.severity === 'reject' ? t('qc.reject') : t('qc.warn')}</strong>{' '}
        {words.tip}
      </span>
    </li>
  );
}

/** The findings about the whole set (too few photos, none yet), each with its tip in full. */
export function ProductIssues({ issues }: { issues: readonly PhotoIssue[] }) {
  const { tr, language } = useStudioWords();
  if (issues.length === 0) return null;
  return (
    <ul className="photo-notices" data-testid="product-photo-issues">
      {worstFirst(issues).map((issue, index) => {
        const words = issueWords(tr, issue, language);
        return (
          <li key={`${issue.code}-${index}`} className={`photo-notice photo-notice--${issue.severity}`}>
            <Icon name="alert" />
            <span>
              <strong className="photo-notice__title">{words.title}</strong>
              <span className="photo-notice__tip">{words.tip}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
