import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';

/**
 * Row leases: which Akar is working on an outbox row (or sending a photo) right now.
 *
 * The desktop app's automatic sender and `akar upload` may drain one shop at the same
 * time, each with its own connection to akar.db. A process claims a row, in the same write
 * transaction that finds it due, by writing its owner identity and an expiry on it; the
 * other process skips rows whose lease is alive. The lease is renewed at every recovery
 * point and by a heartbeat while photos crawl over 3G, and released when the work on the
 * row stops. Every recovery point the engine writes first checks that it still holds the
 * lease, so a process that lost it (asleep for longer than the expiry) stops instead of
 * writing over the other's work.
 *
 * A lease counts as alive until its expiry, unless its holder is known to be dead: the
 * holder ran on this computer and its pid is gone. A SIGKILLed or crashed process (the
 * crash chaos test kills its uploader 50 times) is thus taken over at once by the next one,
 * which has a new pid, instead of after the expiry. The expiry stays the backstop for what
 * a pid cannot tell: a holder on another host (a data dir on a shared drive), a pid reused
 * by an unrelated program, a core that died inside a process that lives on (a worker
 * thread ended the hard way), or a live process that stopped renewing (a laptop asleep).
 * Each of those only makes the other process wait, never lets two work at once.
 */

/** How long a claim holds without renewal: long enough for a heartbeat or two to be missed. */
export const LEASE_MS = 120_000;
/** How often a working engine renews its leases (a quarter of the expiry). */
export const LEASE_RENEW_MS = 30_000;
/** While another Akar works on rows of the shop, how often a drain looks for work again. */
export const LEASE_POLL_MS = 500;
/** A listing whose photo another Akar is sending waits this long for that photo's URL. */
export const PHOTO_ELSEWHERE_WAIT_MS = 1_000;

/**
 * One engine instance in one process. `id` is random, so two cores in one process (or
 * a restarted one) never mistake each other's leases for their own; pid and host say
 * whether the holder can still be alive.
 */
export interface LeaseOwner {
  readonly id: string;
  readonly pid: number;
  readonly host: string;
}

export function newLeaseOwner(): LeaseOwner {
  return { id: randomUUID(), pid: process.pid, host: os.hostname() };
}

/** A lease as read back from SQLite. */
export const leaseHolderSchema = z.object({
  owner: z.string().min(1),
  pid: z.number().int().positive(),
  host: z.string(),
});
export type LeaseHolder = z.output<typeof leaseHolderSchema>;

/** A photo's lease as read back from SQLite: the holder and its expiry (ISO time). */
export const heldLeaseSchema = leaseHolderSchema.extend({ until: z.string() });

/** What a claim or a renewal writes, and how it judges the leases of others. */
export interface LeaseClaim {
  readonly owner: LeaseOwner;
  /** ISO times: now, and the expiry the claim writes. */
  readonly now: string;
  readonly until: string;
  /** Whether the holder of an unexpired lease may still be working (normally `holderAlive`). */
  readonly alive: (holder: LeaseHolder) => boolean;
}

/**
 * False only when the holder certainly stopped: it ran on this host and its pid is gone.
 * A holder on another host cannot be asked, so it counts as alive until its lease expires.
 */
export function holderAlive(holder: LeaseHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  return processAlive(holder.pid);
}

/**
 * Signal 0 checks that a process exists without touching it (POSIX and Windows alike).
 * ESRCH: no such process. EPERM means it exists but belongs to someone else: alive. Any
 * other answer is taken as alive, so a doubt costs a wait for the expiry, never a double send.
 */
export function processAlive(pid: number): boolean {
  // 0 and negative pids name process groups; the schema refuses them, this keeps kill() off them.
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
