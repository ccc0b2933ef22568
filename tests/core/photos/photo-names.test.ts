import { describe, expect, it } from 'vitest';
import { matchFileName, slug, type MatchTargets } from '../../../electron/core/photos/match-names';

/** File names as phones, Windows and trainers make them, matched to a small catalogue. */
const targets: MatchTargets = {
  skus: new Map([
    ['KR-01', 1],
    ['KR', 2],
    ['KR-3', 3],
    ['BTK-GRT-M', 4],
  ]),
  names: new Map([
    ['keripik-singkong-balado', 5],
    ['dodol-garut', 6],
  ]),
};

describe('matching photos to products by file name', () => {
  it.each([
    ['KR-01.jpg', { productId: 1, number: 1, by: 'sku' }],
    ['kr-01.JPG', { productId: 1, number: 1, by: 'sku' }],
    ['KR-01_2.jpg', { productId: 1, number: 2, by: 'sku' }],
    ['KR-01-3.jpeg', { productId: 1, number: 3, by: 'sku' }],
    ['KR-01 (4).png', { productId: 1, number: 4, by: 'sku' }],
    ['KR-01(5).png', { productId: 1, number: 5, by: 'sku' }],
    ['BTK-GRT-M_2.webp', { productId: 4, number: 2, by: 'sku' }],
    // A code ending in a digit is that code when it exists...
    ['KR-3.jpg', { productId: 3, number: 1, by: 'sku' }],
    // ...and otherwise the third photo of the shorter code.
    ['KR-4.jpg', { productId: 2, number: 4, by: 'sku' }],
    ['keripik-singkong-balado.jpg', { productId: 5, number: 1, by: 'name' }],
    ['Keripik Singkong Balado 2.jpg', { productId: 5, number: 2, by: 'name' }],
    ['KERIPIK_SINGKONG_BALADO.JPG', { productId: 5, number: 1, by: 'name' }],
    ['Dodol Garut (3).jpg', { productId: 6, number: 3, by: 'name' }],
    ['/media/usb/DCIM/Camera/dodol-garut_2.jpg', { productId: 6, number: 2, by: 'name' }],
    ['C:\\Users\\ani\\Pictures\\KR-01.jpg', { productId: 1, number: 1, by: 'sku' }],
  ])('%s', (fileName, expected) => {
    expect(matchFileName(fileName, targets)).toEqual(expected);
  });

  it.each([
    'IMG_20250301_101500.jpg',
    'DSC0001.JPG',
    'WhatsApp Image 2025-03-01 at 10.15.00.jpeg',
    '.jpg',
    'KR-01x.jpg',
  ])('leaves %s for the seller to assign', (fileName) => {
    expect(matchFileName(fileName, targets)).toBeNull();
  });

  it('compares names without case, accents or punctuation', () => {
    expect(slug('  Kopi Arábica — Gunung Puntang!! ')).toBe('kopi-arabica-gunung-puntang');
    expect(slug('***')).toBe('');
  });
});
