import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What a first-time user sees instead of an empty list: what this is, and the next step. */
export function EmptyState({
  icon,
  title,
  hint,
  action,
}: {
  icon: IconName;
  title: string;
  hint: string;
  action?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-state__icon">
        <Icon name={icon} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__hint">{hint}</p>
      {action}
    </section>
  );
}
