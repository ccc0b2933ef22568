import sanitizeHtml from 'sanitize-html';
import { escapeHtml, formatRupiah, page, t, type PracticeLanguage } from './html';
import { listingsOf, toListing, type PracticeListing } from './listings';
import type { PracticeStore } from './store';

/**
 * What a participant sees as a buyer: `/` (the practice shops), `/shop/<sellerId>` (live
 * listings as cards, and a quiet line for the owner about the ones still in QC or
 * rejected), `/shop/<sellerId>/item/<itemId>` (photos, name, description, variants).
 * A pending or rejected item's page opens too, with a note saying why buyers cannot see it.
 */

export interface HtmlPage {
  readonly status: number;
  readonly html: string;
}

/** Descriptions may carry simple formatting only; everything else is dropped or escaped. */
const DESCRIPTION_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u'],
  allowedAttributes: {},
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title'],
};

function descriptionHtml(text: string): string {
  // Plain text keeps its line breaks; text with tags is sanitised (which escapes the rest).
  if (!/<[a-z!/]/i.test(text)) return escapeHtml(text).replace(/\r?\n/g, '<br>');
  return sanitizeHtml(text, DESCRIPTION_OPTIONS);
}

/** Image URLs are this server's own `/img/…`; only their path is used, so nothing points elsewhere. */
function localImage(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const path = new URL(url).pathname;
    return /^\/img\/[0-9a-f]{24}\.(jpg|png)$/.test(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function priceText(listing: PracticeListing): string {
  const prices = listing.skus.map((s) =>
    s.specialPrice !== undefined && s.specialPrice > 0 && s.specialPrice < s.price ? s.specialPrice : s.price,
  );
  if (prices.length === 0) return '';
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max ? formatRupiah(min) : `${formatRupiah(min)} – ${formatRupiah(max)}`;
}

function notFound(language: PracticeLanguage, key: string): HtmlPage {
  return {
    status: 404,
    html: page(
      language,
      t(language, key),
      `<h1>${escapeHtml(t(language, key))}</h1><p><a href="/">${escapeHtml(t(language, 'shop.back'))}</a></p>`,
    ),
  };
}

export function homePage(store: PracticeStore, language: PracticeLanguage, now: number): HtmlPage {
  const shops = store.shops();
  const rows = shops.map((shop) => {
    const live = listingsOf(store, shop.seller_id, now).filter((l) => l.status === 'live').length;
    return `<li><a href="/shop/${shop.seller_id}">${escapeHtml(shop.name)}</a> <span class="quiet">${escapeHtml(t(language, 'home.products', { count: live }))}</span></li>`;
  });
  const body =
    `<h1>${escapeHtml(t(language, 'home.title'))}</h1>` +
    (shops.length === 0
      ? `<p>${escapeHtml(t(language, 'home.empty'))}</p>`
      : `<p class="quiet">${escapeHtml(t(language, 'home.intro'))}</p><ul>${rows.join('')}</ul>`);
  return { status: 200, html: page(language, t(language, 'home.title'), body) };
}

export function shopPage(store: PracticeStore, language: PracticeLanguage, sellerId: number, now: number): HtmlPage {
  const shop = store.shop(sellerId);
  if (!shop) return notFound(language, 'shop.notFound');
  const listings = listingsOf(store, sellerId, now);
  const live = listings.filter((l) => l.status === 'live').reverse();
  const pending = listings.filter((l) => l.status === 'pending').length;
  const rejected = listings.filter((l) => l.status === 'rejected').length;
  const owner = [
    pending > 0 ? t(language, 'shop.pending', { count: pending }) : '',
    rejected > 0 ? t(language, 'shop.rejected', { count: rejected }) : '',
  ].filter((s) => s !== '');
  const cards = live.map((l) => {
    const img = localImage(l.images[0] ?? l.skus[0]?.images[0]);
    return (
      `<a class="card" href="/shop/${sellerId}/item/${l.itemId}">` +
      (img ? `<img src="${escapeHtml(img)}" alt="">` : '') +
      `<div><div>${escapeHtml(l.name)}</div><div class="price">${escapeHtml(priceText(l))}</div>` +
      `<div class="quiet">${escapeHtml(t(language, 'shop.variants', { count: l.skus.length }))}</div></div></a>`
    );
  });
  const body =
    `<p><a href="/">${escapeHtml(t(language, 'shop.back'))}</a></p><h1>${escapeHtml(shop.name)}</h1>` +
    (owner.length > 0 ? `<p class="quiet">${escapeHtml(owner.join(', '))}</p>` : '') +
    (live.length === 0
      ? `<p>${escapeHtml(t(language, 'shop.empty'))}</p>`
      : `<div class="grid">${cards.join('')}</div>`);
  return { status: 200, html: page(language, shop.name, body) };
}

export function itemPage(
  store: PracticeStore,
  language: PracticeLanguage,
  sellerId: number,
  itemId: number,
  now: number,
): HtmlPage {
  const shop = store.shop(sellerId);
  const item = store.item(itemId);
  if (!shop || !item || item.seller_id !== sellerId) return notFound(language, 'item.notFound');
  const listing = toListing(store, item, now);
  const note =
    listing.status === 'pending'
      ? `<p class="note">${escapeHtml(t(language, 'item.pending'))}</p>`
      : listing.status === 'rejected'
        ? `<p class="error">${escapeHtml(t(language, 'item.rejected', { reason: listing.rejectReason ?? '' }))}</p>`
        : listing.status === 'deleted'
          ? `<p class="error">${escapeHtml(t(language, 'item.deleted'))}</p>`
          : '';
  const photos = listing.images
    .map(localImage)
    .filter((p): p is string => p !== undefined)
    .map((p) => `<img src="${escapeHtml(p)}" alt="">`);
  const variants = listing.skus.map((s) => {
    const props = Object.values(s.saleProps).join(' / ');
    const price =
      s.specialPrice !== undefined && s.specialPrice > 0 && s.specialPrice < s.price
        ? `${escapeHtml(formatRupiah(s.specialPrice))} <s class="quiet">${escapeHtml(formatRupiah(s.price))}</s>`
        : escapeHtml(formatRupiah(s.price));
    return `<tr><td>${escapeHtml(props === '' ? s.sellerSku : props)}</td><td class="price">${price}</td><td>${escapeHtml(s.quantity)}</td></tr>`;
  });
  const body =
    `<p><a href="/shop/${sellerId}">${escapeHtml(t(language, 'item.back'))}: ${escapeHtml(shop.name)}</a></p>${note}` +
    `<div class="photos">${photos.join('')}</div><h1>${escapeHtml(listing.name)}</h1>` +
    `<p class="price">${escapeHtml(priceText(listing))}</p>` +
    `<h2>${escapeHtml(t(language, 'item.variants'))}</h2><table><tr><th></th><th>${escapeHtml(t(language, 'item.price'))}</th><th>${escapeHtml(t(language, 'item.stock'))}</th></tr>${variants.join('')}</table>` +
    `<h2>${escapeHtml(t(language, 'item.description'))}</h2><div>${descriptionHtml(listing.description)}</div>`;
  return { status: 200, html: page(language, listing.name, body) };
}
