import { useTranslation } from 'react-i18next';
import type { ReadinessProblem } from '../../../../electron/shared/catalogue';
import { Icon } from '../../ui/Icon';

/**
 * What still stands between a product and the marketplace, in a few plain words per
 * problem ("Berat belum diisi"), or a quiet "Lengkap" when nothing does. A row has room for
 * two badges, one above the other: with more problems the second line counts the rest
 * ("+3 lainnya"), which the tooltip and screen readers name in full.
 */
export function ProblemBadges({
  problems,
  first,
}: {
  problems: readonly ReadinessProblem[];
  /** The problem the table is filtered by: shown first, so every row visibly has it. */
  first?: ReadinessProblem | undefined;
}) {
  const { t } = useTranslation('catalogue');
  if (problems.length === 0) {
    return (
      <span className="problem-badge problem-badge--none">
        <Icon name="check" />
        {t('problems.none')}
      </span>
    );
  }
  const ordered = first && problems.includes(first) ? [first, ...problems.filter((p) => p !== first)] : problems;
  const names = ordered.map((problem) => t(`problems.${problem}`));
  const shown = names.length > 2 ? names.slice(0, 1) : names;
  const hidden = names.slice(shown.length);
  return (
    <span className="problem-badges" title={names.join('\n')}>
      {shown.map((name) => (
        <span key={name} className="problem-badge">
          {name}
        </span>
      ))}
      {hidden.length > 0 ? (
        <span className="problem-badge problem-badge--more">
          <span aria-hidden="true">{t('problems.more', { count: hidden.length })}</span>
          <span className="catalogue-sr-only">{hidden.join(', ')}</span>
        </span>
      ) : null}
    </span>
  );
}
