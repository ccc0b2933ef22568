import type { PhotoIssue, ProductPhotos } from '../../../../electron/shared/photos';
import { VerdictBadge } from './PhotoVerdict';
import { photoVerdict, type PhotoStanding } from '../../../../electron/shared/plain/photo-verdict';
import { standingOfPhotos } from './verdict';
import { useStudioWords } from './useStudioWords';
import { issueWords, worstFirst } from './words';

/** A product's photos as the form knows them: not saved yet, still loading, or loaded. */
export type PhotoSet = 'new' | 'loading' | ProductPhotos;

/**
 * The photos' line in the product's readiness panel: the same verdict as on the photo
 * overview, the worst QC finding in words, and a button to the photo section. Photos do not
 * decide "Siap jual" (that is the catalogue's data), but an upload needs at least one, and
 * the QC findings are what the marketplace would refuse after the upload: the seller sees
 * them beside what is still missing, before anything is sent.
 */
export function PhotoReadiness({ photos, onGo }: { photos: PhotoSet; onGo: () => void }) {
  const { t, tr, language } = useStudioWords();

  /** What to fix first: photos that could not be made, then the worst QC finding. */
  function toFix({ failed, issues }: PhotoStanding<PhotoIssue>): string {
    const ordered = worstFirst(issues);
    const worst = ordered[0];
    const first =
      failed > 0 ? t('readiness.failed', { count: failed }) : worst ? issueWords(tr, worst, language).title : '';
    const more = ordered.length - (failed > 0 ? 0 : 1);
    return more > 0 ? `${first} ${t('readiness.more', { count: more })}` : first;
  }

  if (photos === 'loading') return null;
  if (photos === 'new') {
    return (
      <div className="photo-readiness" data-testid="photo-readiness">
        <h3 className="photo-readiness__title">{t('readiness.title')}</h3>
        <VerdictBadge verdict="none" />
        <p className="photo-readiness__line">{t('readiness.new')}</p>
      </div>
    );
  }
  const standing = standingOfPhotos(photos);
  const verdict = photoVerdict(standing);
  const line = verdict === 'reject' || verdict === 'warn' ? toFix(standing) : t(`readiness.${verdict}`);
  return (
    <div className="photo-readiness" data-testid="photo-readiness">
      <h3 className="photo-readiness__title">{t('readiness.title')}</h3>
      <VerdictBadge verdict={verdict} />
      <button
        type="button"
        className={`readiness__item photo-readiness__line photo-readiness__line--${verdict}`}
        onClick={onGo}
      >
        <span>{line}</span>
        <span className="photo-readiness__go">{t('readiness.go')}</span>
      </button>
    </div>
  );
}
