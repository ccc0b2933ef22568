/**
 * How fast Akar calls each marketplace API, per shop. Lazada publishes no create or
 * image-upload limit (marketplaces.md §1.3); these stay well under the published ones
 * (10–50 per second) so twenty laptops sharing one app key never get it banned.
 */
export type ApiName = 'image' | 'create' | 'update' | 'lookup';

export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export type UploadLimits = Readonly<Record<ApiName, RateLimit>>;

export const DEFAULT_LIMITS: UploadLimits = {
  image: { perSecond: 8, burst: 4 },
  create: { perSecond: 4, burst: 2 },
  update: { perSecond: 4, burst: 2 },
  lookup: { perSecond: 5, burst: 3 },
};

/** Listings sent at the same time: enough to hide a 3G round trip, few enough to be gentle. */
export const DEFAULT_CONCURRENCY = 3;

/** After this many failed calls in a row the link counts as down; one probe after the pause. */
export const CIRCUIT_THRESHOLD = 5;
export const CIRCUIT_COOLDOWN_MS = 30_000;

/** A photo still being optimised: look again this much later. */
export const PHOTOS_WAIT_MS = 3_000;
