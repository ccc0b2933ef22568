import type { Seller } from '../../shared/catalogue';
import { table } from '../format';
import { outcome, type Command } from '../run';
import { byIdCommand } from './by-id';

export const sellerCommands: Record<string, Command> = {
  'seller add': {
    options: ['name', 'business', 'phone', 'district', 'notes'],
    async run({ core, options, t }) {
      const result = await core.sellers.create({
        name: options.name ?? '',
        businessName: options.business,
        phone: options.phone,
        district: options.district,
        notes: options.notes,
      });
      return outcome(result, (seller: Seller) => t('sellerAdded', { id: seller.id, name: seller.name }));
    },
  },
  'seller list': {
    options: ['query', 'all'],
    async run({ core, options, t }) {
      const result = await core.sellers.list({ query: options.query, includeDeleted: options.all });
      return outcome(result, (sellers: Seller[]) =>
        sellers.length === 0
          ? t('noSellers')
          : table(
              [t('col.id'), t('col.name'), t('col.business'), t('col.district'), t('col.products')],
              sellers.map((s) => [
                String(s.id),
                s.deletedAt ? `${s.name} ${t('inTrash')}` : s.name,
                s.businessName,
                s.district,
                String(s.productCount),
              ]),
            ),
      );
    },
  },
  'seller delete': byIdCommand((core, input) => core.sellers.delete(input), 'sellerDeleted'),
  'seller restore': byIdCommand((core, input) => core.sellers.restore(input), 'sellerRestored'),
};
