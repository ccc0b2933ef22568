import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { useNavigation } from './navigation';

/**
 * "Tempat sampah" in the header, on every screen: the way back to anything deleted after
 * its "Urungkan" toast has gone. Same icon as every "Hapus" button, so the two connect.
 */
export function TrashButton() {
  const { t } = useTranslation();
  const { route, go } = useNavigation();
  const here = route.screen === 'trash';
  return (
    <button
      type="button"
      className="header-button"
      aria-current={here ? 'page' : undefined}
      onClick={() => go({ screen: 'trash' })}
    >
      <Icon name="trash" />
      {t('nav.trash')}
    </button>
  );
}
