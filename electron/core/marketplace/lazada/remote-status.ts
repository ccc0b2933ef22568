import { z } from 'zod';
import type { RemoteStatus } from '../adapter';

/**
 * Lazada's item states in the words it uses in different places — `/products/get`
 * `status` ("live", "pending", "rejected", "inactive", "deleted", "sold-out"), the create
 * answer's `item_status` ("Active", "InActive", "Pending QC") — read liberally: case,
 * spaces, `_` and `-` do not matter. A word not listed here is not guessed at: the answer
 * is then unreadable (an unknown outcome), which is safer than filing an item that exists
 * under the wrong state.
 */
const STATUS_WORDS: Readonly<Record<string, RemoteStatus>> = {
  live: 'live',
  active: 'live',
  soldout: 'live',
  pending: 'pending_qc',
  pendingqc: 'pending_qc',
  qcpending: 'pending_qc',
  rejected: 'rejected',
  reject: 'rejected',
  qcrejected: 'rejected',
  inactive: 'inactive',
  deactivated: 'inactive',
  deleted: 'deleted',
};

export function remoteStatus(text: string): RemoteStatus | undefined {
  const word = text.toLowerCase().replace(/[\s_-]+/g, '');
  return Object.hasOwn(STATUS_WORDS, word) ? STATUS_WORDS[word] : undefined;
}

export const remoteStatusSchema = z.string().transform((text, ctx): RemoteStatus => {
  const status = remoteStatus(text);
  if (status === undefined) {
    ctx.addIssue({ code: 'custom', message: `unknown item status "${text.slice(0, 50)}"` });
    return z.NEVER;
  }
  return status;
});
