import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SECRETS_FILE } from '../../core';
import type { TFunction } from 'i18next';
import { startLoopbackReceiver } from '../../core/marketplace/lazada/oauth-loopback';
import { authorizeUrl } from '../../core/marketplace/lazada/oauth';
import { LAZADA_ENDPOINTS, practiceEndpoints } from '../../core/marketplace/lazada/endpoints';
import { listingAdvice, problemText, sendingCount } from '../../shared/plain/upload-words';
import type { DrainReport, EnqueueResult, Marketplace, UploadListing } from '../../shared/uploads';
import type { Seller } from '../../shared/catalogue';
import { EXIT, UsageError, wholeNumber, type Command, type CommandContext, type CommandOutcome } from '../run';

/** How long `akar connect` waits for the seller to finish in the browser. */
const AUTHORIZE_TIMEOUT_MS = 10 * 60_000;
const MAX_LISTED = 50;

function marketplaceOf(t: TFunction, value: string | undefined, fallback: Marketplace): Marketplace {
  const marketplace = value ?? fallback;
  if (marketplace !== 'lazada' && marketplace !== 'practice') throw new UsageError(t('upload.marketplaceUsage'));
  return marketplace;
}

/** Why a listing is not live, with what to do (the upload centre's words, see upload-words.ts). */
function adviceText(t: TFunction, listing: UploadListing): string {
  return listingAdvice(t, listing).advice;
}

function enqueueText(t: TFunction, result: EnqueueResult): string {
  const lines = [t('upload.queued', { count: result.queued })];
  if (result.refused.length > 0) {
    lines.push(t('upload.refusedTitle', { count: result.refused.length }));
    for (const product of result.refused.slice(0, MAX_LISTED)) {
      lines.push(
        `  #${product.productId} ${product.name}: ${product.problems.map((p) => problemText(t, p)).join('; ')}`,
      );
    }
  }
  return lines.join('\n');
}

function reportText(t: TFunction, report: DrainReport, listings: readonly UploadListing[]): string {
  const c = report.counts;
  const lines = [
    t(`upload:outcome.${report.outcome}`),
    t('upload.summary', {
      live: c.live,
      inQc: c.in_qc,
      rejected: c.rejected,
      blocked: c.blocked,
      waiting: sendingCount(c),
    }),
  ];
  if (report.clockOffsetMs !== undefined) {
    lines.push(t('common:errors.clock_wrong', { minutes: Math.round(Math.abs(report.clockOffsetMs) / 60_000) }));
  }
  const troubled = listings.filter((l) => l.state === 'rejected' || l.state === 'blocked');
  for (const listing of troubled.slice(0, MAX_LISTED)) {
    lines.push(
      `  #${listing.productId} ${listing.productName}: ${t(`upload:states.${listing.state}`)}. ${adviceText(t, listing)}`,
    );
  }
  return lines.join('\n');
}

/** The participants an upload is for: the one asked for, else everyone connected to the marketplace. */
async function sellersToUpload(ctx: CommandContext, marketplace: Marketplace): Promise<number[]> {
  if (ctx.options.seller !== undefined) {
    const id = wholeNumber(ctx.options.seller);
    if (typeof id !== 'number') throw new UsageError(ctx.t('upload.usage'));
    return [id];
  }
  const sellers = await ctx.core.sellers.list({});
  if (!sellers.ok) return [];
  const ids: number[] = [];
  for (const seller of sellers.value as Seller[]) {
    const connections = await ctx.core.uploads.connections({ sellerId: seller.id });
    if (connections.ok && connections.value.some((c) => c.marketplace === marketplace)) ids.push(seller.id);
  }
  return ids;
}

export const uploadCommands: Record<string, Command> = {
  /**
   * akar connect lazada|practice --seller ID --app-key K [--app-secret S] [--endpoint URL]
   *   [--access-token T | --code C]
   * Without a token or code: opens the authorisation flow (prints the address to open and
   * waits for the browser's redirect on 127.0.0.1).
   */
  connect: {
    options: ['seller', 'endpoint', 'app-key', 'app-secret', 'access-token', 'refresh-token', 'code'],
    async run(ctx): Promise<CommandOutcome> {
      const { core, options, args, t } = ctx;
      if (args.length !== 1 || options.seller === undefined || options['app-key'] === undefined) {
        throw new UsageError(t('upload.connectUsage'));
      }
      const marketplace = marketplaceOf(t, args[0], 'lazada');
      const base = {
        sellerId: wholeNumber(options.seller),
        marketplace,
        appKey: options['app-key'],
        ...(options['app-secret'] !== undefined ? { appSecret: options['app-secret'] } : {}),
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      };
      let input: Record<string, unknown>;
      if (options['access-token'] !== undefined) {
        input = {
          ...base,
          accessToken: options['access-token'],
          ...(options['refresh-token'] !== undefined ? { refreshToken: options['refresh-token'] } : {}),
        };
      } else if (options.code !== undefined) {
        input = { ...base, code: options.code };
      } else {
        const endpoints = options.endpoint === undefined ? LAZADA_ENDPOINTS : practiceEndpoints(options.endpoint);
        const state = randomBytes(16).toString('hex');
        const receiver = await startLoopbackReceiver({
          state,
          timeoutMs: AUTHORIZE_TIMEOUT_MS,
          pageText: t('upload.browserDone'),
          deniedText: t('upload.browserDenied'),
        });
        ctx.say?.(
          t('upload.openBrowser', {
            url: authorizeUrl({
              authorize: endpoints.authorize,
              appKey: options['app-key'],
              redirectUri: receiver.redirectUri,
              state,
            }),
          }),
        );
        try {
          input = { ...base, code: await receiver.code, redirectUri: receiver.redirectUri };
        } finally {
          await receiver.close();
        }
      }
      const result = await core.uploads.connect(input);
      if (!result.ok) return { result, text: '' };
      return {
        result,
        text: t('upload.connected', {
          marketplace,
          account: result.value.account ?? '-',
          secrets: path.join(core.dataDir, SECRETS_FILE),
        }),
      };
    },
  },
  /** akar upload [--seller ID] [--marketplace lazada|practice] [--endpoint URL] [--wait] */
  upload: {
    options: ['seller', 'marketplace', 'endpoint', 'wait'],
    async run(ctx): Promise<CommandOutcome> {
      const { core, options, args, t } = ctx;
      if (args.length > 0) throw new UsageError(t('upload.usage'));
      const marketplace = marketplaceOf(t, options.marketplace, 'lazada');
      const sellerIds = await sellersToUpload(ctx, marketplace);
      if (sellerIds.length === 0)
        return { result: { ok: true, value: [] }, text: t('upload.nobody'), exitCode: EXIT.rejected };
      const texts: string[] = [];
      const reports: unknown[] = [];
      let failed = false;
      for (const sellerId of sellerIds) {
        const queued = await core.uploads.enqueue({ sellerId, marketplace });
        if (!queued.ok) return { result: queued, text: '' };
        texts.push(enqueueText(t, queued.value));
        if (queued.value.refused.length > 0) failed = true;
        const drained = await core.uploads.drain({
          sellerId,
          marketplace,
          jobId: `cli-upload-${sellerId}`,
          ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
          ...(options.wait ? { keepTrying: true } : {}),
          // A command line ends when the queue is empty, also when the app is sending part of it.
          waitForOthers: true,
        });
        if (!drained.ok) return { result: drained, text: texts.join('\n') };
        const shop = await core.uploads.shop({ sellerId, marketplace });
        texts.push(reportText(t, drained.value, shop.ok ? shop.value.listings : []));
        reports.push({ sellerId, queued: queued.value, report: drained.value });
        const c = drained.value.counts;
        if (drained.value.outcome !== 'done' || c.blocked > 0 || c.rejected > 0) failed = true;
      }
      return {
        result: { ok: true, value: reports },
        text: texts.join('\n\n'),
        exitCode: failed ? EXIT.rejected : EXIT.ok,
      };
    },
  },
};
