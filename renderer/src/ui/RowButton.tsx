import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/**
 * A button on a row or card that itself opens when clicked: the button does its own job
 * only, so "Hapus" never also opens the item underneath. `label` names the item for
 * screen readers ("Hapus Dodol Wijen"); the visible text stays short.
 */
export function RowButton({
  label,
  onClick,
  danger = false,
  children,
}: {
  label: string;
  onClick: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button--quiet button--danger' : 'button'}
      aria-label={label}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {children}
    </button>
  );
}

/** "Hapus" on a row or card: quiet and red, and undoable (the screen shows the undo toast). */
export function RowDeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <RowButton label={label} onClick={onClick} danger>
      <Icon name="trash" />
      {t('actions.delete')}
    </RowButton>
  );
}
