import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { HOME, parentOf, useNavigation, type Route } from './navigation';

interface Crumb {
  readonly label: string;
  readonly route: Route;
}

/** The trail from "Peserta" down to this screen, plus a big "Kembali" to go one level up. */
export function Breadcrumb() {
  const { t } = useTranslation();
  const { route, go, back } = useNavigation();
  const crumbs = trail(route, t);
  const parent = parentOf(route);
  // On the start screen the trail would only repeat the page title.
  if (!parent) return null;

  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <button type="button" className="button button--quiet breadcrumb__back" onClick={back}>
        <Icon name="back" />
        {t('nav.back')}
      </button>
      <ol className="breadcrumb__trail">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={index} className="breadcrumb__item">
              {last ? (
                <span aria-current="page">{crumb.label}</span>
              ) : (
                <>
                  <button type="button" className="link-button" onClick={() => go(crumb.route)}>
                    {crumb.label}
                  </button>
                  <Icon name="chevron" className="breadcrumb__separator" />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function trail(route: Route, t: T): Crumb[] {
  const home: Crumb = { label: t('nav.sellers'), route: HOME };
  switch (route.screen) {
    case 'sellers':
      return [home];
    case 'sellerForm':
      if (route.sellerId && route.sellerName) {
        const seller: Route = { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName };
        return [home, { label: route.sellerName, route: seller }, { label: t('nav.editSeller'), route }];
      }
      return [home, { label: t('nav.newSeller'), route }];
    case 'products':
      return [home, { label: route.sellerName, route }];
    case 'productForm': {
      const seller: Route = { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName };
      return [
        home,
        { label: route.sellerName, route: seller },
        { label: route.productName ?? t('nav.newProduct'), route },
      ];
    }
    case 'trash':
      return [home, { label: t('nav.trash'), route }];
  }
}
