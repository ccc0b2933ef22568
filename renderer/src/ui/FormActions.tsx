import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/**
 * The bar under every form: one big "Simpan …" that says "Menyimpan…" while it works (and
 * cannot be pressed twice), and a quiet "Batal" beside it. A long form keeps the bar in
 * view (`sticky`), so saving never means scrolling down first.
 */
export function FormActions({
  saveLabel,
  saving,
  onCancel,
  sticky = false,
}: {
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
  sticky?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className={sticky ? 'form-actions form-actions--sticky' : 'form-actions'}>
      <button type="submit" className="button button--primary" disabled={saving}>
        <Icon name="check" />
        {saving ? t('actions.saving') : saveLabel}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}
