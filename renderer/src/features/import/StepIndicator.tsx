import { Icon } from '../../ui/Icon';
import { useWords } from './useWords';

export const STEPS = ['choose', 'match', 'check', 'done'] as const;
export type Step = (typeof STEPS)[number];

/**
 * "1 Pilih file · 2 Cocokkan kolom · 3 Periksa · 4 Selesai": where the seller is and how
 * much is left. Done steps get a tick; the current one is marked for screen readers too.
 */
export function StepIndicator({ current }: { current: Step }) {
  const { t } = useWords();
  const at = STEPS.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('steps.label')}>
      {STEPS.map((step, index) => {
        const state = index < at ? 'done' : index === at ? 'current' : 'todo';
        // The last step is reached only when the import is done: it gets its tick too.
        const ticked = state === 'done' || (state === 'current' && step === 'done');
        return (
          <li
            key={step}
            className={`import-steps__item import-steps__item--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="import-steps__number" aria-hidden="true">
              {ticked ? <Icon name="check" /> : index + 1}
            </span>
            <span className="import-steps__text">
              <span className="import-steps__kicker">{t('steps.number', { number: index + 1 })}</span>
              {t(`steps.${step}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
