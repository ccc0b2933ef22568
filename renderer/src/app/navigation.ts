import { createContext, useContext } from 'react';

/**
 * Where the seller is. A plain value instead of a router: the app has one window, no URLs
 * to share, and a handful of screens that nest (participants > one participant's
 * products > one product or their table, import, photos or uploads; participants > all products > one
 * product; participants > trash), so "back" always means "one level up", which is easier
 * to predict than browser-style history.
 */
export type Route =
  | { readonly screen: 'sellers' }
  | { readonly screen: 'sellerForm'; readonly sellerId?: number; readonly sellerName?: string }
  | { readonly screen: 'products'; readonly sellerId: number; readonly sellerName: string }
  | {
      readonly screen: 'productForm';
      readonly sellerId: number;
      readonly sellerName: string;
      readonly productId?: number;
      readonly productName?: string;
      /** Where the form was opened from when that was not the participant's product list (the table, the photos). */
      readonly returnTo?: CatalogueRoute | PhotosRoute | UploadsRoute;
    }
  | CatalogueRoute
  | { readonly screen: 'import'; readonly sellerId: number; readonly sellerName: string }
  | PhotosRoute
  | UploadsRoute
  | { readonly screen: 'uploadsAll' }
  | { readonly screen: 'trash' };

/** One participant's upload centre: their shop connection, sending ready products, and how each listing is doing. */
export interface UploadsRoute {
  readonly screen: 'uploads';
  readonly sellerId: number;
  readonly sellerName: string;
}

/** One participant's photos: importing from a phone or USB stick, and which products' photos need work. */
export interface PhotosRoute {
  readonly screen: 'photos';
  readonly sellerId: number;
  readonly sellerName: string;
}

/**
 * The product table: one participant's products, or (without `sellerId`) the whole
 * catalogue of this laptop, as a trainer checks it across participants.
 */
export interface CatalogueRoute {
  readonly screen: 'catalogue';
  readonly sellerId?: number;
  readonly sellerName?: string;
}

export const HOME: Route = { screen: 'sellers' };

/** The screen one level up, or null at the top. */
export function parentOf(route: Route): Route | null {
  switch (route.screen) {
    case 'sellers':
      return null;
    case 'sellerForm':
      // Editing is opened from the participant's own page, so that is where "back" leads.
      return route.sellerId && route.sellerName
        ? { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName }
        : HOME;
    case 'products':
      return HOME;
    case 'productForm':
      return route.returnTo ?? { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName };
    case 'catalogue':
      // One participant's table is opened from their product list; the whole catalogue from the header.
      return route.sellerId !== undefined && route.sellerName !== undefined
        ? { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName }
        : HOME;
    case 'import':
    case 'photos':
    case 'uploads':
      return { screen: 'products', sellerId: route.sellerId, sellerName: route.sellerName };
    case 'uploadsAll':
    case 'trash':
      return HOME;
  }
}

/** A stable key per screen, so React starts each screen fresh instead of reusing state. */
export function routeKey(route: Route): string {
  switch (route.screen) {
    case 'sellers':
      return 'sellers';
    case 'sellerForm':
      return `sellerForm:${route.sellerId ?? 'new'}`;
    case 'products':
      return `products:${route.sellerId}`;
    case 'productForm':
      return `productForm:${route.sellerId}:${route.productId ?? 'new'}`;
    case 'catalogue':
      return `catalogue:${route.sellerId ?? 'all'}`;
    case 'import':
      return `import:${route.sellerId}`;
    case 'photos':
      return `photos:${route.sellerId}`;
    case 'uploads':
      return `uploads:${route.sellerId}`;
    case 'uploadsAll':
      return 'uploadsAll';
    case 'trash':
      return 'trash';
  }
}

export interface Navigation {
  readonly route: Route;
  readonly go: (route: Route) => void;
  readonly back: () => void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside <App>');
  return navigation;
}
