import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AllProductsButton } from '../features/catalogue/AllProductsButton';
import { CatalogueScreen } from '../features/catalogue/CatalogueScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { PhotosScreen } from '../features/photos/PhotosScreen';
import { ProductFormScreen } from '../features/products/ProductFormScreen';
import { ProductListScreen } from '../features/products/ProductListScreen';
import { SellerFormScreen } from '../features/sellers/SellerFormScreen';
import { SellerListScreen } from '../features/sellers/SellerListScreen';
import { TrashScreen } from '../features/trash/TrashScreen';
import { AllUploadsButton } from '../features/uploads/AllUploadsButton';
import { UploadsOverviewScreen } from '../features/uploads/UploadsOverviewScreen';
import { UploadsScreen } from '../features/uploads/UploadsScreen';
import { Breadcrumb } from './Breadcrumb';
import { Connectivity } from './Connectivity';
import { LanguageSwitch } from './LanguageSwitch';
import { HOME, NavigationContext, parentOf, routeKey, type Navigation, type Route } from './navigation';
import { PhotoQueueIndicator, PhotoQueueProvider } from './PhotoQueue';
import { ToastProvider } from './toasts';
import { TrashButton } from './TrashButton';

export function App() {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(HOME);

  const go = useCallback((next: Route) => {
    setRoute(next);
    // A new screen starts at its top, like turning a page.
    window.scrollTo(0, 0);
  }, []);
  const navigation = useMemo<Navigation>(() => ({ route, go, back: () => go(parentOf(route) ?? HOME) }), [route, go]);

  return (
    <NavigationContext.Provider value={navigation}>
      <ToastProvider>
        <PhotoQueueProvider>
          <header className="app-header">
            <div className="app-header__brand">
              <span className="app-header__logo" aria-hidden="true">
                A
              </span>
              <span className="app-header__name">{t('app.name')}</span>
              <span className="app-header__tagline">{t('app.tagline')}</span>
            </div>
            <div className="app-header__tools">
              <PhotoQueueIndicator />
              <AllProductsButton />
              <AllUploadsButton />
              <TrashButton />
              <Connectivity />
              <LanguageSwitch />
            </div>
          </header>
          <Breadcrumb />
          {/* The table uses the whole window: its rows scroll inside it, under a header that stays. */}
          <main
            className={route.screen === 'catalogue' ? 'app-main app-main--table' : 'app-main'}
            key={routeKey(route)}
          >
            <Screen route={route} />
          </main>
        </PhotoQueueProvider>
      </ToastProvider>
    </NavigationContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'sellers':
      return <SellerListScreen />;
    case 'sellerForm':
      return <SellerFormScreen sellerId={route.sellerId} />;
    case 'products':
      return <ProductListScreen sellerId={route.sellerId} />;
    case 'productForm':
      return <ProductFormScreen sellerId={route.sellerId} sellerName={route.sellerName} productId={route.productId} />;
    case 'catalogue':
      return <CatalogueScreen sellerId={route.sellerId} sellerName={route.sellerName} />;
    case 'import':
      return <ImportScreen sellerId={route.sellerId} sellerName={route.sellerName} />;
    case 'photos':
      return <PhotosScreen sellerId={route.sellerId} sellerName={route.sellerName} />;
    case 'uploads':
      return <UploadsScreen sellerId={route.sellerId} sellerName={route.sellerName} />;
    case 'uploadsAll':
      return <UploadsOverviewScreen />;
    case 'trash':
      return <TrashScreen />;
  }
}
