import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChipOption {
  readonly value: string;
  readonly label: string;
}

/** Enough to cover the usual choices on two short rows; the rest wait behind one button. */
const FIRST_CHIPS = 10;

/**
 * Known values as buttons that add or take out a value ("Merah", "Biru"): quicker than
 * typing, and they show a first-time seller what kind of value is meant. A long list
 * (Lazada knows 27 colours) starts short; values already chosen always stay in view.
 */
export function OptionChips({
  label,
  options,
  pressed,
  onToggle,
}: {
  label: string;
  options: readonly ChipOption[];
  pressed: (value: string) => boolean;
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (options.length === 0) return null;
  const long = options.length > FIRST_CHIPS + 2;
  const shown =
    !long || all ? options : options.filter((option, index) => index < FIRST_CHIPS || pressed(option.value));
  return (
    <div className="chips" role="group" aria-label={label}>
      {shown.map((option) => (
        <button
          type="button"
          key={option.value}
          className="chip"
          aria-pressed={pressed(option.value)}
          onClick={() => onToggle(option.value)}
        >
          {option.label}
        </button>
      ))}
      {long ? (
        <button type="button" className="chip chip--more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('productForm.showFewerOptions') : t('productForm.showAllOptions', { count: options.length })}
        </button>
      ) : null}
    </div>
  );
}
