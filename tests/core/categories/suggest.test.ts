import { describe, expect, it } from 'vitest';
import { suggestCategories, suggestionWords } from '../../../electron/core/categories/suggest';
import { sharedBundledDb } from './helpers';

/** Product names as SME owners in Garut, Tasikmalaya and Bandung write them, and the leaf they belong in. */
const TABLE: readonly (readonly [string, string])[] = [
  ['Keripik Singkong Pedas Level 5', 'Keripik'],
  ['Kripik Pisang Manis 250gr', 'Keripik'],
  ['Basreng Pedas Daun Jeruk 100 gr', 'Keripik'],
  ['Kerupuk Kulit Sapi 250gr', 'Kerupuk & Rengginang'],
  ['Rengginang Ketan Terasi Isi 20', 'Kerupuk & Rengginang'],
  ['Nastar Nanas Toples 500 gr', 'Kue Kering'],
  ['Dodol Garut Rasa Durian 500 gr', 'Dodol & Jenang'],
  ['Abon Sapi Pedas 100 gr', 'Abon & Dendeng'],
  ['Sambal Cumi Pedas Botol 150 ml', 'Sambal'],
  ['Gula Aren Semut Organik 500 gr', 'Gula Aren & Gula Merah'],
  ['Madu Hutan Asli 250 ml', 'Madu'],
  ['Kopi Arabika Garut 250 gr', 'Kopi Bubuk'],
  ['Kopi Bubuk Robusta Tasik 200gr', 'Kopi Bubuk'],
  ['Kopi Biji Arabika Papandayan Roasted Beans 1 kg', 'Kopi Biji'],
  ['Teh Hijau Daun Kering 100 g', 'Teh Daun'],
  ['Teh Celup Rosella isi 25', 'Teh Celup'],
  ['Bandrek Instan Jahe Merah 10 sachet', 'Jamu & Minuman Herbal'],
  ['Pashmina Ceruti Polos', 'Pashmina'],
  ['Kerudung Segi Empat Voal Motif', 'Hijab Segi Empat'],
  ['Bergo Instan Jersey Anak', 'Hijab Instan'],
  ['Gamis Syari Wolfis Busui', 'Gamis'],
  ['Mukena Katun Jepang Dewasa', 'Mukena'],
  ['Dress Batik Wanita Mega Mendung', 'Dress Batik'],
  ['Kain Batik Tulis Garutan 2 Meter', 'Kain Batik & Jarik'],
  ['Kemeja Batik Garutan Pria', 'Kemeja Batik Pria'],
  ['Baju Koko Kurta Pria Lengan Panjang', 'Baju Koko'],
  ['Peci Hitam Nasional No 7', 'Peci & Kopiah'],
  ['Sarung Tenun Tasik', 'Sarung'],
  ['Jaket Kulit Domba Garut Pria', 'Jaket Pria'],
  ['Sepatu Kulit Pria Pantofel', 'Sepatu Kulit Pria'],
  ['Tas Anyaman Pandan Tasik', 'Tas Anyaman'],
  ['Bakul Nasi Anyaman Bambu', 'Anyaman Bambu'],
  ['Tikar Mendong Tasikmalaya 2x3 m', 'Anyaman Pandan & Mendong'],
  ['Wayang Golek Cepot Ukuran Sedang', 'Wayang Golek'],
  ['Angklung Set 8 Nada Bambu Hitam', 'Angklung & Alat Musik Bambu'],
  ['Cobek Batu Asli Ulekan', 'Cobek & Ulekan'],
  ['Hiasan Dinding Kaligrafi Kayu', 'Hiasan Dinding'],
  ['Keset Kaki Sabut Kelapa', 'Keset & Karpet'],
  ['Sabun Sereh Herbal Handmade 100 gr', 'Sabun Batang & Sabun Herbal'],
  ['Lulur Beras Bengkoang 200 gr', 'Lulur & Scrub'],
  ['Minyak Kayu Putih Asli 60 ml', 'Minyak Pijat & Aromaterapi'],
  ['Masker Wajah Bengkoang Organik', 'Masker Wajah'],
  ['Minyak Kemiri Penumbuh Rambut', 'Minyak & Tonik Rambut'],
];

describe('suggestCategories', () => {
  const db = sharedBundledDb();

  it.each(TABLE)('%s -> %s', (name, expected) => {
    const [top] = suggestCategories(db(), name, 'id');
    expect(top?.name).toBe(expected);
  });

  it('offers up to `limit` leaves, best first, in the chosen language', () => {
    const suggestions = suggestCategories(db(), 'Kemeja Batik Garutan Pria', 'en', 2);
    expect(suggestions).toEqual([
      {
        id: expect.any(Number),
        name: "Men's Batik Shirts",
        path: ["Men's Fashion", "Men's Batik", "Men's Batik Shirts"],
        leaf: true,
      },
      expect.objectContaining({ leaf: true }),
    ]);
    expect(suggestCategories(db(), 'Kain Batik Wanita', 'id')).toHaveLength(3);
    expect(suggestCategories(db(), 'Keripik Singkong', 'id').map((c) => c.name)).toEqual(['Keripik']);
  });

  it('works from English product names too', () => {
    expect(suggestCategories(db(), 'Ground Coffee Arabica 250g', 'en')[0]?.name).toBe('Ground Coffee');
  });

  it('suggests nothing when no word of the name says anything about a category', () => {
    for (const name of ['', '   ', '250 gr', 'Promo Murah Original 1 kg', 'Xyzzy Qwerty']) {
      expect(suggestCategories(db(), name, 'id'), name).toEqual([]);
    }
  });
});

describe('suggestionWords', () => {
  it('drops numbers, units, sizes and selling talk, keeps the words that tell a category', () => {
    expect(suggestionWords('Keripik Singkong Pedas Level 5 isi 250gr')).toEqual(['keripik', 'singkong', 'pedas']);
    expect(suggestionWords('PROMO!! Kopi Arabika Garut 250 gr ORIGINAL')).toEqual(['kopi', 'arabika', 'garut']);
    expect(suggestionWords('Kopi Biji 1 kg')).toEqual(['kopi', 'biji']);
  });
});
