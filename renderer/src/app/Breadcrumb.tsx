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
  const { t: catalogue } = useTranslation('catalogue');
  const { t: studio } = useTranslation('studio');
  const { t: upload } = useTranslation('upload');
  const { route, go, back } = useNavigation();
  const words: Words = {
    sellers: t('nav.sellers'),
    newSeller: t('nav.newSeller'),
    editSeller: t('nav.editSeller'),
    newProduct: t('nav.newProduct'),
    trash: t('nav.trash'),
    table: catalogue('nav.table'),
    allProducts: catalogue('nav.allProducts'),
    import: catalogue('nav.import'),
    photos: studio('nav.photos'),
    uploads: upload('screen.nav'),
    allUploads: upload('overview.nav'),
  };
  const crumbs = trail(route, words);
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

/** The crumbs' labels in the interface language (from several namespaces, looked up once). */
interface Words {
  readonly sellers: string;
  readonly newSeller: string;
  readonly editSeller: string;
  readonly newProduct: string;
  readonly trash: string;
  readonly table: string;
  readonly allProducts: string;
  readonly import: string;
  readonly photos: string;
  readonly uploads: string;
  readonly allUploads: string;
}

function trail(route: Route, words: Words): Crumb[] {
  const home: Crumb = { label: words.sellers, route: HOME };
  const sellerCrumb = (sellerId: number, sellerName: string): Crumb => ({
    label: sellerName,
    route: { screen: 'products', sellerId, sellerName },
  });
  switch (route.screen) {
    case 'sellers':
      return [home];
    case 'sellerForm':
      if (route.sellerId && route.sellerName) {
        return [home, sellerCrumb(route.sellerId, route.sellerName), { label: words.editSeller, route }];
      }
      return [home, { label: words.newSeller, route }];
    case 'products':
      return [home, { label: route.sellerName, route }];
    case 'productForm': {
      const product: Crumb = { label: route.productName ?? words.newProduct, route };
      // Opened from the table: the trail leads back there, as "Kembali" does.
      if (route.returnTo) return [...trail(route.returnTo, words), product];
      return [home, sellerCrumb(route.sellerId, route.sellerName), product];
    }
    case 'catalogue':
      if (route.sellerId !== undefined && route.sellerName !== undefined) {
        return [home, sellerCrumb(route.sellerId, route.sellerName), { label: words.table, route }];
      }
      return [home, { label: words.allProducts, route }];
    case 'import':
      return [home, sellerCrumb(route.sellerId, route.sellerName), { label: words.import, route }];
    case 'photos':
      return [home, sellerCrumb(route.sellerId, route.sellerName), { label: words.photos, route }];
    case 'uploads':
      return [home, sellerCrumb(route.sellerId, route.sellerName), { label: words.uploads, route }];
    case 'uploadsAll':
      return [home, { label: words.allUploads, route }];
    case 'trash':
      return [home, { label: words.trash, route }];
  }
}
