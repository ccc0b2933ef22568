import type { TFunction } from 'i18next';
import type { BrandSearch, CategoryRefreshReport } from '../../shared/category-refresh';
import type { Marketplace } from '../../shared/uploads';
import { UsageError, wholeNumber, type Command, type CommandOutcome } from '../run';

/** The brand names `categories brands` prints at most. */
const BRANDS_LISTED = 50;

function marketplaceOf(t: TFunction, value: string | undefined): Marketplace {
  const marketplace = value ?? 'lazada';
  if (marketplace !== 'lazada' && marketplace !== 'practice') throw new UsageError(t('upload.marketplaceUsage'));
  return marketplace;
}

function refreshText(t: TFunction, report: CategoryRefreshReport): string {
  const lines = [
    t('categories.refreshed', {
      marketplace: t(`categories.marketplace.${report.marketplace}`),
      version: report.version,
      categories: report.categoryCount,
      leaves: report.leafCount,
    }),
    t('categories.attributes', { fetched: report.attributesFetched, kept: report.attributesKept }),
    t('categories.brands', { count: report.brandCount }),
  ];
  if (report.productsChanged > 0) lines.push(t('categories.productsChanged', { count: report.productsChanged }));
  if (report.clockOffsetMs !== undefined) {
    lines.push(t('common:errors.clock_wrong', { minutes: Math.round(Math.abs(report.clockOffsetMs) / 60_000) }));
  }
  return lines.join('\n');
}

function brandsText(t: TFunction, marketplace: Marketplace, query: string, found: BrandSearch): string {
  const name = t(`categories.marketplace.${marketplace}`);
  if (!found.listed) return t('categories.brandsNone', { marketplace: name, code: marketplace });
  if (found.names.length === 0) return t('categories.brandsNoMatch', { query });
  const title = t('categories.brandsTitle', { marketplace: name, date: (found.fetchedAt ?? '').slice(0, 10) });
  return [title, ...found.names.map((brand) => `  ${brand}`)].join('\n');
}

export const categoryCommands: Record<string, Command> = {
  /**
   * akar categories refresh --seller ID [--marketplace lazada|practice] [--endpoint URL]
   * Downloads the category tree, the attributes of the categories products use and the
   * brand list through the participant's connected shop. `--endpoint` points a practice
   * shop at a practice marketplace that restarted elsewhere, as `akar upload` does.
   */
  'categories refresh': {
    options: ['seller', 'marketplace', 'endpoint'],
    async run(ctx): Promise<CommandOutcome> {
      const { core, options, args, t } = ctx;
      if (args.length > 0 || options.seller === undefined) throw new UsageError(t('categories.usage'));
      const marketplace = marketplaceOf(t, options.marketplace);
      const sellerId = wholeNumber(options.seller);
      const result = await core.categories.refresh({
        sellerId,
        marketplace,
        // A job id, so the progress line shows while it downloads.
        jobId: `cli-categories-${typeof sellerId === 'number' ? sellerId : 'x'}`,
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      });
      return { result, text: result.ok ? refreshText(t, result.value) : '' };
    },
  },
  /** akar categories brands [--marketplace lazada|practice] [--query START] */
  'categories brands': {
    options: ['marketplace', 'query'],
    async run(ctx): Promise<CommandOutcome> {
      const { core, options, args, t } = ctx;
      if (args.length > 0) throw new UsageError(t('categories.usage'));
      const marketplace = marketplaceOf(t, options.marketplace);
      const query = options.query ?? '';
      const result = await core.categories.brands({ marketplace, query, limit: BRANDS_LISTED });
      return { result, text: result.ok ? brandsText(t, marketplace, query, result.value) : '' };
    },
  },
};
