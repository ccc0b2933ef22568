import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface SummaryItem {
  readonly key: string;
  readonly label: string | null;
  readonly message: string;
  /** Moves focus to the field, so the seller does not have to hunt for it. */
  readonly focus?: () => void;
}

/**
 * The short list at the top of a form after a failed save. Each entry names the field and
 * jumps to it; the full message also sits under the field itself.
 */
export function ErrorSummary({
  items,
  fieldCount,
  ref,
}: {
  items: readonly SummaryItem[];
  fieldCount: number;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <p className="error-summary__title">
        <Icon name="alert" />
        {fieldCount > 0 ? t('form.summary', { count: fieldCount }) : t('form.summaryGeneral')}
      </p>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={item.key}>
            {item.focus ? (
              <button type="button" className="link-button" onClick={item.focus}>
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </button>
            ) : (
              <>
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
