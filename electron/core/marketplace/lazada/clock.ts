/**
 * The marketplace's idea of "now", learned from its responses. Lazada refuses a request
 * whose `timestamp` is more than 7200 s from its clock (marketplaces.md §1.1), and the
 * laptops Akar runs on often have a flat CMOS battery or the wrong time zone set as UTC.
 * So every response's `Date` header (RFC 9110 §6.6.1; Lazada documents no time field in
 * its bodies) updates an offset, and requests are stamped with local time + offset.
 *
 * The latest observation replaces the previous one (no smoothing): the window is two
 * hours and one observation is good to about a second (the header's resolution plus half
 * the round trip), while the event that matters — the seller fixing the laptop's clock
 * after Akar told them, or Windows syncing it — must be picked up by the very next
 * response, not averaged in over several.
 */

/** Lazada's timestamp window: requests further than this from its clock are refused. */
export const LAZADA_TIMESTAMP_WINDOW_MS = 7_200_000;

/** Beyond this, Akar tells the seller their laptop's clock is wrong (it still works). */
export const FAR_OFF_MS = 10 * 60_000;

/** `Date` has whole seconds: the server's real time lies anywhere in the following second. */
const DATE_RESOLUTION_MS = 1000;

export class ServerClock {
  #offsetMs = 0;
  #observed = false;

  /** `localNow` is the laptop's clock (injected in tests). */
  constructor(readonly localNow: () => number = Date.now) {}

  /** The marketplace's current time in ms since the epoch, as well as we know it. */
  now(): number {
    return Math.round(this.localNow() + this.#offsetMs);
  }

  /** Server minus local, in ms (0 until a response with a `Date` header was seen). */
  offsetMs(): number {
    return this.#offsetMs;
  }

  /** Whether any response has told us the server's time yet. */
  observed(): boolean {
    return this.#observed;
  }

  /** True when the laptop's clock is more than 10 minutes off the marketplace's. */
  farOff(): boolean {
    return Math.abs(this.#offsetMs) > FAR_OFF_MS;
  }

  /**
   * Learns from one response. The server stamped `Date` somewhere between our send
   * (`sentAt`) and our receipt (`receivedAt`), both local times: the midpoint is the best
   * guess, and the header's truncated second is taken at its middle.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (dateHeader === null || receivedAt < sentAt) return; // no header, or the local clock stepped back mid-call
    const serverSecond = Date.parse(dateHeader);
    if (!Number.isFinite(serverSecond)) return;
    const midpoint = sentAt + (receivedAt - sentAt) / 2;
    this.#offsetMs = Math.round(serverSecond + DATE_RESOLUTION_MS / 2 - midpoint);
    this.#observed = true;
  }
}
