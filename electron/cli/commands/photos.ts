import path from 'node:path';
import type { TFunction } from 'i18next';
import type { PhotoImportReport, PhotoQueueStatus } from '../../shared/photos';
import { EXIT, UsageError, wholeNumber, type Command, type CommandOutcome } from '../run';

/** Rejected files listed before "… and N more". */
const MAX_REJECTED_SHOWN = 50;

/** Why a file was not taken, in the user's words (the photo screens' own wording). */
export function photoReason(t: TFunction, reason: string, params: Readonly<Record<string, string | number>>): string {
  const known = t(`studio:reasons.${reason}.what`, { ...params, defaultValue: '' });
  const key = known ? reason : 'unknown';
  return [t(`studio:reasons.${key}.what`, params), t(`studio:reasons.${key}.next`, { ...params, defaultValue: '' })]
    .filter((text) => text !== '')
    .join(' ');
}

function importText(t: TFunction, report: PhotoImportReport): string {
  const lines = [t('photos.imported', { ...report, rejectedCount: report.rejected.length })];
  if (report.unmatched > 0) lines.push(t('photos.unmatchedHint', { count: report.unmatched }));
  if (report.truncated) lines.push(t('photos.truncated'));
  if (report.rejected.length > 0) {
    lines.push('', t('photos.rejectedTitle'));
    for (const rejected of report.rejected.slice(0, MAX_REJECTED_SHOWN)) {
      lines.push(`  ${rejected.fileName}: ${photoReason(t, rejected.reason, rejected.params)}`);
    }
    if (report.rejected.length > MAX_REJECTED_SHOWN) {
      lines.push(t('photos.more', { count: report.rejected.length - MAX_REJECTED_SHOWN }));
    }
  }
  return lines.join('\n');
}

function statusText(t: TFunction, status: PhotoQueueStatus): string {
  return t('photos.optimised', { ready: status.ready, failed: status.failed, pending: status.pending });
}

export const photoCommands: Record<string, Command> = {
  /** akar photos import PATH... --seller ID [--product ID] */
  'photos import': {
    options: ['seller', 'product'],
    async run({ core, options, args, t }): Promise<CommandOutcome> {
      if (args.length === 0) throw new UsageError(t('photos.importUsage'));
      const result = await core.photos.importFiles(
        args.map((arg) => path.resolve(arg)),
        {
          sellerId: wholeNumber(options.seller),
          ...(options.product !== undefined ? { productId: wholeNumber(options.product) } : {}),
          jobId: 'cli-photo-import',
        },
      );
      if (!result.ok) return { result, text: '' };
      return {
        result,
        text: importText(t, result.value),
        // Files that could not be taken are a failure a script must notice.
        exitCode: result.value.rejected.length > 0 ? EXIT.rejected : EXIT.ok,
      };
    },
  },
  /** akar photos optimise [--seller ID] */
  'photos optimise': {
    options: ['seller'],
    async run({ core, options, args, t }): Promise<CommandOutcome> {
      if (args.length > 0) throw new UsageError(t('photos.optimiseUsage'));
      const result = await core.photos.process({
        action: 'start',
        wait: true,
        ...(options.seller !== undefined ? { sellerId: wholeNumber(options.seller) } : {}),
      });
      if (!result.ok) return { result, text: '' };
      return {
        result,
        text: statusText(t, result.value),
        exitCode: result.value.failed > 0 ? EXIT.rejected : EXIT.ok,
      };
    },
  },
};
