import type { PhotoIssue, PhotoState } from '../../../../electron/shared/photos';
import { Icon, type IconName } from '../../ui/Icon';
import { useStudioWords } from './useStudioWords';

/** How a product's photos stand, at a glance. */
export type PhotoVerdict = 'none' | 'processing' | 'reject' | 'warn' | 'good';

/**
 * The verdict from the photos' count, the main photo's state and every QC finding (the
 * set's and each rendered photo's). QC judges rendered photos only: while the main photo
 * waits, "Foto siap" would be a guess, so it says "Sedang diproses".
 */
export function photoVerdict(
  photoCount: number,
  mainState: PhotoState | undefined,
  issues: readonly PhotoIssue[],
): PhotoVerdict {
  if (photoCount === 0) return 'none';
  if (mainState === 'pending') return 'processing';
  if (issues.some((issue) => issue.severity === 'reject')) return 'reject';
  return issues.length > 0 ? 'warn' : 'good';
}

const ICONS: Record<PhotoVerdict, IconName> = {
  none: 'camera',
  processing: 'image',
  reject: 'alert',
  warn: 'alert',
  good: 'check',
};

/**
 * The verdict as a coloured label with its icon ("Foto siap", "Perlu diperbaiki", ...).
 * `onCard`: away from the photos (a product card), the label says it is about the photos.
 */
export function VerdictBadge({ verdict, onCard = false }: { verdict: PhotoVerdict; onCard?: boolean }) {
  const { t } = useStudioWords();
  return (
    <span className={`verdict verdict--${verdict}`} data-testid="verdict">
      <Icon name={ICONS[verdict]} />
      {t(onCard ? `verdictOnCard.${verdict}` : `verdict.${verdict}`)}
    </span>
  );
}
