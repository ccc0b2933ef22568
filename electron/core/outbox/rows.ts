import { z } from 'zod';
import { SENDING_STATES as SHARED_SENDING_STATES } from '../../shared/plain/upload-words';
import { UPLOAD_STATES, type UploadState } from '../../shared/uploads';
import { FAILURE_KINDS } from '../marketplace/adapter';

/**
 * The outbox rows as read back from SQLite, validated: a row edited by hand, written by a
 * newer Akar or damaged must stop at this boundary with a clear message, not drive the
 * engine into a wrong state.
 */
export { UPLOAD_STATES, type UploadState };

/** States with work left to send. */
export const SENDING_STATES: readonly UploadState[] = SHARED_SENDING_STATES;

/** Why the last attempt failed: a marketplace failure kind, or one of Akar's own reasons. */
export const uploadErrorSchema = z.object({
  kind: z.enum([...FAILURE_KINDS, 'photo_missing', 'photos_waiting', 'product_gone', 'sku_taken', 'internal']),
  code: z.string().max(200).optional(),
  field: z.string().max(200).optional(),
  message: z.string().max(2000),
});
export type UploadError = z.infer<typeof uploadErrorSchema>;

const jsonText = <S extends z.ZodType>(schema: S) =>
  z.string().transform((text, ctx) => {
    try {
      return schema.parse(JSON.parse(text)) as z.output<S>;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not the JSON Akar wrote' });
      return z.NEVER;
    }
  });

export const uploadRowSchema = z
  .object({
    id: z.number().int().positive(),
    product_id: z.number().int().positive(),
    connection_id: z.number().int().positive(),
    seller_id: z.number().int().positive(),
    state: z.enum(UPLOAD_STATES),
    item_id: z.string().min(1).nullable(),
    sku_ids: jsonText(z.record(z.string(), z.string())),
    create_sent: z.number().int().nonnegative(),
    sent_version: z.string().nullable(),
    attempts: z.number().int().nonnegative(),
    next_attempt_at: z.string().nullable(),
    error: jsonText(uploadErrorSchema).nullable(),
    reject_reason: z.string().nullable(),
    images_total: z.number().int().nonnegative(),
    images_done: z.number().int().nonnegative(),
    bytes_total: z.number().int().nonnegative(),
    bytes_sent: z.number().int().nonnegative(),
    queued_at: z.string(),
    updated_at: z.string(),
    finished_at: z.string().nullable(),
    // Who is working on the row and until when (lease.ts): all four set, or all null.
    lease_owner: z.string().min(1).nullable(),
    lease_pid: z.number().int().positive().nullable(),
    lease_host: z.string().nullable(),
    lease_until: z.string().nullable(),
  })
  .refine(
    (row) =>
      [row.lease_pid, row.lease_host, row.lease_until].every(
        (value) => (value === null) === (row.lease_owner === null),
      ),
    { path: ['lease_owner'], message: 'a lease is either whole or absent' },
  );
export type UploadRow = z.output<typeof uploadRowSchema>;

export function readUploadRow(raw: unknown): UploadRow {
  const parsed = uploadRowSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new Error(`upload row ${id} is damaged (${where}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
  }
  return parsed.data;
}
