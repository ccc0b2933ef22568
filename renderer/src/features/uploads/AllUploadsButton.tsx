import { useNavigation } from '../../app/navigation';
import { Icon } from '../../ui/Icon';
import { useUploadWords } from './useUploadWords';

/** "Semua unggahan" in the header: every participant's shops and queue, from any screen. */
export function AllUploadsButton() {
  const { t } = useUploadWords();
  const { route, go } = useNavigation();
  return (
    <button
      type="button"
      className="header-button"
      aria-current={route.screen === 'uploadsAll' ? 'page' : undefined}
      onClick={() => go({ screen: 'uploadsAll' })}
    >
      <Icon name="send" />
      {t('overview.nav')}
    </button>
  );
}
