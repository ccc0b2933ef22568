import type { ColumnMapping, ImportField } from '../../shared/imports';

export type { ColumnMapping } from '../../shared/imports';

/**
 * The columns Akar writes when exporting, in order, with their Indonesian and English
 * headers. Each header is also one of the synonyms below, so an exported file maps itself
 * when imported again (a test checks it).
 */
export const EXPORT_COLUMNS = [
  { mapping: { field: 'productKey' }, id: 'Kode Induk', en: 'Parent Key' },
  { mapping: { field: 'name' }, id: 'Nama Produk', en: 'Product Name' },
  { mapping: { field: 'description' }, id: 'Deskripsi', en: 'Description' },
  { mapping: { field: 'highlights' }, id: 'Keunggulan', en: 'Highlights' },
  { mapping: { field: 'brand' }, id: 'Merek', en: 'Brand' },
  { mapping: { field: 'category' }, id: 'Kategori', en: 'Category' },
  { mapping: { field: 'condition' }, id: 'Kondisi', en: 'Condition' },
  { mapping: { field: 'variation1' }, id: 'Nama Variasi 1', en: 'Variation Name 1' },
  { mapping: { field: 'option1' }, id: 'Varian untuk Variasi 1', en: 'Option 1' },
  { mapping: { field: 'variation2' }, id: 'Nama Variasi 2', en: 'Variation Name 2' },
  { mapping: { field: 'option2' }, id: 'Varian untuk Variasi 2', en: 'Option 2' },
  { mapping: { field: 'sellerSku' }, id: 'SKU', en: 'SKU' },
  { mapping: { field: 'price' }, id: 'Harga', en: 'Price' },
  { mapping: { field: 'specialPrice' }, id: 'Harga Promo', en: 'Special Price' },
  { mapping: { field: 'specialFrom' }, id: 'Promo Mulai', en: 'Special From' },
  { mapping: { field: 'specialTo' }, id: 'Promo Sampai', en: 'Special To' },
  { mapping: { field: 'stock' }, id: 'Stok', en: 'Stock' },
  { mapping: { field: 'weight', unit: 'kg' }, id: 'Berat (kg)', en: 'Weight (kg)' },
  { mapping: { field: 'length' }, id: 'Panjang (cm)', en: 'Length (cm)' },
  { mapping: { field: 'width' }, id: 'Lebar (cm)', en: 'Width (cm)' },
  { mapping: { field: 'height' }, id: 'Tinggi (cm)', en: 'Height (cm)' },
] as const satisfies readonly { mapping: ColumnMapping; id: string; en: string }[];

/** Attribute columns are written as "Atribut: material" (the attribute's key). */
export function attributeHeader(name: string): string {
  return `Atribut: ${name}`;
}

/**
 * Header words for each field, folded (lower case, no accents, no punctuation). Headers
 * come from Indonesian and English sheets, from Akar's own export, and from the
 * marketplaces' templates (Lazada "SellerSku", Shopee "Kode Variasi", "Nama Variasi 1").
 */
const SYNONYMS: Readonly<Record<Exclude<ImportField, 'attribute' | 'weight'>, readonly string[]>> = {
  productKey: [
    'kode induk',
    'kode produk induk',
    'sku induk',
    'parent sku',
    'parent key',
    'kode integrasi variasi',
    'group',
    'grup',
    'kode grup',
    'id produk',
    'product id',
  ],
  name: ['nama produk', 'nama barang', 'nama', 'produk', 'product name', 'name', 'judul', 'title', 'item name'],
  description: ['deskripsi', 'deskripsi produk', 'keterangan', 'description', 'product description'],
  highlights: ['keunggulan', 'poin utama', 'highlights', 'short description', 'deskripsi singkat'],
  brand: ['merek', 'merk', 'brand', 'brand name'],
  category: ['kategori', 'category', 'id kategori', 'category id', 'primarycategory', 'primary category'],
  condition: ['kondisi', 'condition'],
  variation1: ['nama variasi 1', 'variasi 1', 'variation 1', 'variation name 1', 'nama variasi', 'variation name'],
  option1: ['varian untuk variasi 1', 'pilihan variasi 1', 'option 1', 'varian 1', 'varian', 'variant', 'variasi'],
  variation2: ['nama variasi 2', 'variasi 2', 'variation 2', 'variation name 2'],
  option2: ['varian untuk variasi 2', 'pilihan variasi 2', 'option 2', 'varian 2'],
  sellerSku: ['sku', 'sellersku', 'seller sku', 'kode sku', 'kode variasi', 'kode barang', 'sku penjual', 'kode'],
  price: ['harga', 'harga jual', 'harga normal', 'price', 'harga satuan', 'harga (rp)', 'harga rp'],
  specialPrice: ['harga promo', 'harga diskon', 'harga coret', 'special price', 'sale price', 'harga spesial'],
  specialFrom: [
    'promo mulai',
    'tanggal mulai promo',
    'mulai promo',
    'special from',
    'sale start date',
    'special_from_date',
  ],
  specialTo: ['promo sampai', 'tanggal akhir promo', 'akhir promo', 'special to', 'sale end date', 'special_to_date'],
  stock: ['stok', 'stock', 'jumlah', 'qty', 'quantity', 'persediaan', 'jumlah stok'],
  length: ['panjang', 'panjang (cm)', 'length', 'length (cm)', 'package length', 'panjang paket'],
  width: ['lebar', 'lebar (cm)', 'width', 'width (cm)', 'package width', 'lebar paket'],
  height: ['tinggi', 'tinggi (cm)', 'height', 'height (cm)', 'package height', 'tinggi paket'],
};

/** Headers that name a variation by its values ("Warna" holds "Merah", "Biru"). */
const VARIATION_HEADERS = [
  'warna',
  'ukuran',
  'size',
  'color',
  'colour',
  'rasa',
  'flavor',
  'flavour',
  'motif',
  'model',
  'tipe',
  'type',
  'isi',
  'berat bersih',
  'level',
];

const WEIGHT_GRAMS = ['berat (gram)', 'berat (gr)', 'berat (g)', 'berat gram', 'weight (g)', 'weight (gram)', 'gram'];
const WEIGHT_KG = ['berat', 'berat (kg)', 'berat paket', 'berat paket (kg)', 'weight', 'weight (kg)', 'package weight'];
const ATTRIBUTE_PREFIXES = ['atribut:', 'atribut', 'attribute:', 'attribute'];

/** A header folded for comparison: "Harga (Rp)*" and "harga (rp)" are the same column. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Guesses each column's meaning from its header; the preview shows the guess and the user
 * corrects it. Each field is taken by the first column that claims it (a second "Harga"
 * column is left unmapped rather than silently overwriting the first), and a variation
 * header fills option1, then option2.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<string>();
  const claim = (mapping: ColumnMapping, key: string = mapping.field): ColumnMapping => {
    if (mapping.field === 'ignore' || taken.has(key)) return { field: 'ignore' };
    taken.add(key);
    return mapping;
  };
  return headers.map((header) => {
    const folded = foldHeader(header);
    if (!folded) return { field: 'ignore' };
    const attribute = ATTRIBUTE_PREFIXES.find((prefix) => folded.startsWith(prefix) && folded.length > prefix.length);
    if (attribute) {
      const name = folded.slice(attribute.length).trim().replace(/\s+/g, '_');
      return claim({ field: 'attribute', attribute: name }, `attribute:${name}`);
    }
    if (WEIGHT_GRAMS.includes(folded)) return claim({ field: 'weight', unit: 'g' });
    if (WEIGHT_KG.includes(folded)) return claim({ field: 'weight', unit: 'kg' });
    for (const [field, words] of Object.entries(SYNONYMS)) {
      if (words.includes(folded)) return claim({ field } as ColumnMapping);
    }
    if (VARIATION_HEADERS.includes(folded)) {
      return taken.has('option1') ? claim({ field: 'option2' }) : claim({ field: 'option1' });
    }
    return { field: 'ignore' };
  });
}

/**
 * The variation name a value column stands for: its header when that names a property
 * ("Warna", "Ukuran"), otherwise a plain "Varian" the seller can rename.
 */
export function variationName(header: string, which: 1 | 2): string {
  if (VARIATION_HEADERS.includes(foldHeader(header))) return header.trim().replace(/\*+$/, '').trim();
  return which === 1 ? 'Varian' : 'Varian 2';
}
