import { z } from 'zod';
import { idSchema } from './catalogue';
import { jobIdSchema } from './jobs';
import type { ReadinessProblem } from './plain/readiness';

/**
 * The upload contract: connecting a participant's shop, putting products in the outbox,
 * sending it, and what the upload centre shows. `practice` is the practice marketplace
 * (the same Lazada API, served on 127.0.0.1).
 */
export const MARKETPLACES = ['lazada', 'practice'] as const;
export const marketplaceSchema = z.enum(MARKETPLACES);
export type Marketplace = z.infer<typeof marketplaceSchema>;

const token = z.string().trim().min(1).max(2000);
const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const connectInput = z
  .strictObject({
    sellerId: idSchema,
    marketplace: marketplaceSchema,
    /** Base URL of the marketplace: the practice server's, or a Lazada gateway other than Indonesia's. */
    endpoint: httpUrl.optional(),
    appKey: z.string().trim().min(1).max(100),
    /** Kept in the secret store; may be left out when this app key's secret was stored before. */
    appSecret: token.optional(),
    /** For scripted use: a token made elsewhere. */
    accessToken: token.optional(),
    refreshToken: token.optional(),
    /** The OAuth code from the authorisation page (and the redirect URI it was asked with). */
    code: token.optional(),
    redirectUri: httpUrl.optional(),
  })
  .refine((input) => (input.accessToken === undefined) !== (input.code === undefined), {
    message: 'give either an access token or an authorisation code',
    path: ['accessToken'],
  });
export type ConnectInput = z.infer<typeof connectInput>;

export const shopInput = z.strictObject({ sellerId: idSchema, marketplace: marketplaceSchema });
export const sellerIdInput = z.strictObject({ sellerId: idSchema });

export const uploadEnqueueInput = z.strictObject({
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  /** The products to upload; all of the participant's products marked ready when left out. */
  productIds: z.array(idSchema).min(1).max(5000).optional(),
});

export const uploadDrainInput = z.strictObject({
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  jobId: jobIdSchema.optional(),
  /** Wait out a dead link and go on (the CLI) rather than stop and report it (the app). */
  keepTrying: z.boolean().optional(),
  /** Wait while another Akar on this laptop sends rows of this shop (the CLI), rather than report `elsewhere`. */
  waitForOthers: z.boolean().optional(),
  /** The marketplace moved (the practice marketplace restarted on another port): send there from now on. */
  endpoint: httpUrl.optional(),
});

export const uploadRowInput = z.strictObject({ uploadId: idSchema });

/** What stands between a product and the marketplace, found before anything is sent. */
export type UploadProblem =
  | ReadinessProblem
  | 'no_photos'
  | 'photos_failed'
  | 'name_too_long'
  | 'name_characters'
  | 'too_heavy'
  | 'too_large'
  | 'in_trash'
  /** The brand is not in the marketplace's brand list (fetched with the categories). */
  | 'unknown_brand'
  | 'category_details_missing';

export interface RefusedProduct {
  readonly productId: number;
  readonly name: string;
  readonly problems: readonly UploadProblem[];
}

export interface EnqueueResult {
  readonly queued: number;
  readonly refused: readonly RefusedProduct[];
}

export const UPLOAD_STATES = [
  'queued',
  'images',
  'creating',
  'updating',
  'in_qc',
  'live',
  'rejected',
  'blocked',
  'skipped',
] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

export interface Connection {
  readonly id: number;
  readonly sellerId: number;
  readonly marketplace: Marketplace;
  readonly endpoint: string;
  readonly account: string | null;
  readonly state: 'connected' | 'needs_reconnect';
  readonly accessExpiresAt: string | null;
  /** The laptop's clock is this far from the marketplace's (ms), when a call showed it is far off. */
  readonly clockOffsetMs?: number;
}

export interface UploadListing {
  readonly id: number;
  readonly productId: number;
  readonly productName: string;
  readonly state: UploadState;
  readonly itemId: string | null;
  /** Why the last attempt failed or the marketplace refused it (`kind`, its `code`, the `field`). */
  readonly error: {
    readonly kind: string;
    readonly code?: string;
    readonly field?: string;
    readonly message: string;
  } | null;
  readonly rejectReason: string | null;
  readonly imagesDone: number;
  readonly imagesTotal: number;
  readonly bytesSent: number;
  readonly bytesTotal: number;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly updatedAt: string;
}

export type StateCounts = Readonly<Record<UploadState, number>>;

/** `elsewhere`: what is left is being sent by another Akar on this laptop (the CLI, say). */
export type DrainOutcome = 'done' | 'offline' | 'auth' | 'clock' | 'stopped' | 'elsewhere';

export interface DrainReport {
  readonly outcome: DrainOutcome;
  readonly counts: StateCounts;
  readonly retryInMs?: number;
  /** The laptop's clock differs from the marketplace's by this much (ms), when it is far off. */
  readonly clockOffsetMs?: number;
}

export interface ShopUploads {
  readonly connection: Connection | null;
  readonly counts: StateCounts;
  readonly listings: readonly UploadListing[];
}

/** The storefront page to open: a participant's own practice shop, or the list of shops. */
export const storefrontInput = z.strictObject({ sellerId: idSchema.optional() });

export const practiceStartInput = z.strictObject({ port: z.number().int().min(0).max(65_535).optional() }).default({});

/** Where the practice marketplace runs; its storefront is what participants open in a browser. */
export interface PracticeInfo {
  readonly baseUrl: string;
  readonly storefrontUrl: string;
}

export const onlineInput = z.strictObject({ online: z.boolean() });
export const autoUploadInput = z.strictObject({ enabled: z.boolean().optional() });

export { AUTO_UPLOAD_JOB } from './plain/auto-upload';
