import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { Icon } from '../../ui/Icon';

/**
 * "Semua produk" in the header: the trainer's way to the whole catalogue of this laptop
 * (every participant's products in one table), from any screen.
 */
export function AllProductsButton() {
  const { t } = useTranslation('catalogue');
  const { route, go } = useNavigation();
  const here = route.screen === 'catalogue' && route.sellerId === undefined;
  return (
    <button
      type="button"
      className="header-button"
      aria-current={here ? 'page' : undefined}
      onClick={() => go({ screen: 'catalogue' })}
    >
      <Icon name="table" />
      {t('nav.allProducts')}
    </button>
  );
}
