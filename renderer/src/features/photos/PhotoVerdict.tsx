import { Icon, type IconName } from '../../ui/Icon';
import { useStudioWords } from './useStudioWords';
import type { PhotoVerdict } from '../../../../electron/shared/plain/photo-verdict';

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
