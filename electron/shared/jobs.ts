import { z } from 'zod';

/**
 * Long work (reading a file, checking or writing an import, a bulk change) is named by a
 * job id the renderer chooses before it asks, so it can follow the work's progress events
 * and cancel it while the call is still running.
 */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const jobCancelInput = z.strictObject({ jobId: jobIdSchema });

/** What a long job is doing; progress events carry it so a screen shows the right words. */
export const JOB_KINDS = [
  'import-read',
  'import-check',
  'import-write',
  'bulk-edit',
  'bulk-undo',
  'photo-import',
  /** The photo rendering queue: one job, id 'photo-process', while photos are waiting. */
  'photo-process',
  /** Sending a participant's outbox to the marketplace. */
  'upload',
  /** Downloading the category tree, attributes and brands from a marketplace. */
  'category-refresh',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];
