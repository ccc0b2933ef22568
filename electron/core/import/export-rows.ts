import type { Language, Product } from '../../shared/catalogue';
import { attributeHeader, EXPORT_COLUMNS } from './columns';

/** A cell as the spreadsheet writer takes it: numbers stay numbers in XLSX. */
export type Cell = string | number | null;

const CONDITION_TEXT: Readonly<Record<Language, Readonly<Record<Product['condition'], string>>>> = {
  id: { new: 'Baru', used: 'Bekas' },
  en: { new: 'New', used: 'Used' },
};

/**
 * The sheet for some products: one row per SKU, product fields repeated on each row (so
 * any row can be read alone, and sorting in Excel does not lose them), grouped by a product
 * key. The columns are the importer's own, so the file imports back as it was.
 */
export function exportSheet(
  products: Iterable<Product>,
  language: Language,
  extra: { readonly header: string; readonly value: (product: Product) => Cell } | null = null,
): { headers: string[]; rows: Cell[][] } {
  const list = [...products];
  const attributeNames = [...new Set(list.flatMap((p) => Object.keys(p.attributes)))].sort();
  const headers = [
    ...(extra ? [extra.header] : []),
    ...EXPORT_COLUMNS.map((column) => column[language]),
    ...attributeNames.map(attributeHeader),
  ];
  const rows: Cell[][] = [];
  for (const product of list) {
    const shared = (field: string): Cell => {
      switch (field) {
        case 'productKey':
          return `P${product.id}`;
        case 'name':
          return product.name;
        case 'description':
          return product.description;
        case 'highlights':
          return product.highlights.join('\n');
        case 'brand':
          return product.brand;
        case 'category':
          return product.categoryId;
        case 'condition':
          return CONDITION_TEXT[language][product.condition];
        case 'variation1':
          return product.variation1;
        case 'variation2':
          return product.variation2;
        default:
          return null;
      }
    };
    for (const sku of product.skus) {
      const skuCell = (field: string): Cell => {
        switch (field) {
          case 'option1':
            return sku.option1;
          case 'option2':
            return sku.option2;
          case 'sellerSku':
            return sku.sellerSku;
          case 'price':
            return sku.price;
          case 'specialPrice':
            return sku.specialPrice;
          case 'specialFrom':
            return sku.specialFrom;
          case 'specialTo':
            return sku.specialTo;
          case 'stock':
            return sku.stock;
          case 'weight':
            return sku.weightKg;
          case 'length':
            return sku.lengthCm;
          case 'width':
            return sku.widthCm;
          case 'height':
            return sku.heightCm;
          default:
            return shared(field);
        }
      };
      rows.push([
        ...(extra ? [extra.value(product)] : []),
        ...EXPORT_COLUMNS.map((column) => skuCell(column.mapping.field)),
        ...attributeNames.map((name) => {
          const value = product.attributes[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        }),
      ]);
    }
  }
  return { headers, rows };
}
