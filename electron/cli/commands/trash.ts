import type { TrashContents } from '../../shared/catalogue';
import { formatPriceRange, table } from '../format';
import { outcome, type Command } from '../run';

const day = (iso: string | null) => (iso ?? '').slice(0, 10);

export const trashCommands: Record<string, Command> = {
  'trash list': {
    options: [],
    async run({ core, t }) {
      const result = await core.trash();
      return outcome(result, ({ sellers, products }: TrashContents) => {
        if (sellers.length === 0 && products.length === 0) return t('trashEmpty');
        const parts: string[] = [];
        if (sellers.length > 0) {
          parts.push(
            t('trashSellers'),
            table(
              [t('col.id'), t('col.name'), t('col.products'), t('col.deleted')],
              sellers.map((s) => [String(s.id), s.name, String(s.productCount), day(s.deletedAt)]),
            ),
          );
        }
        if (products.length > 0) {
          if (parts.length > 0) parts.push('');
          parts.push(
            t('trashProducts'),
            table(
              [t('col.id'), t('col.name'), t('col.seller'), t('col.price'), t('col.deleted')],
              products.map((p) => [
                String(p.id),
                p.name,
                p.sellerName,
                formatPriceRange(p.minPrice, p.maxPrice),
                day(p.deletedAt),
              ]),
            ),
          );
        }
        return parts.join('\n');
      });
    },
  },
};
