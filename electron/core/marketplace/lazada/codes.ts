/**
 * Lazada error codes Akar acts on, shared by the client (which turns them into a
 * `MarketplaceFailure` kind) and the practice marketplace (which answers with them), so
 * both sides spell them the same way. Sources: marketplaces.md §1.1–1.3 (LZD-DOC 108066,
 * 121320; createproduct.json). Where the real code is not published, the practice
 * marketplace uses the name below and the client treats it the same way.
 */
export const LAZADA_CODES = {
  /** Access token missing, expired or revoked. */
  illegalAccessToken: 'IllegalAccessToken',
  /** Refresh token missing, expired or revoked: the seller must authorise again. */
  illegalRefreshToken: 'IllegalRefreshToken',
  /** The signature does not match (wrong app secret, tampered request). */
  incompleteSignature: 'IncompleteSignature',
  /** The app key is not known. */
  invalidAppKey: 'InvalidAppKey',
  /** `timestamp` is more than 7200 s away from the server's clock. */
  invalidTimestamp: 'InvalidTimestamp',
  /** OAuth code unknown, used or older than 30 min. */
  invalidCode: 'InvalidCode',
  /** Per-API QPS exceeded: a 1 s ban. */
  apiCallLimit: 'ApiCallLimit',
  /** Other throttle codes Lazada uses. */
  throttle901: '901',
  throttle4154: '4154',
  throttle998: '998',
  /** Concurrent edit of the same item: retry later. */
  concurrentEdit: '4147',
  serviceTimeout: 'ServiceTimeout',
  /** Generic platform failure; the outcome of a create is unknown. */
  internal: '500',
  /** SellerSku already used. */
  skuRepeat: '4126',
  skuRepeatAlt1: '4105',
  skuRepeatAlt2: '4141',
  outerIdExists: '4135',
  /** Content refused. */
  mandatoryAttributeMissing: '4108',
  mandatoryAttributeMissingAlt: '4110',
  optionNotInList: '4115',
  notLeafCategory: '4134',
  mainImageRequired: '4139',
  externalImageUrl: '4138',
  tooManyImages: '4169',
  titleTooLong: '4160',
  forbiddenCharacters: '4129',
  weightTooHigh: '4164',
  dimensionsTooLarge: '4165',
  itemLimitReached: '4148',
  /** THD_BRAND_ID_IS_NOT_VALID_IN_CATEGORY: `brand_id` is not one of the marketplace's brands (for that category). */
  brandInvalid: '4142',
  /** Image upload refused: not JPG/PNG, under 330 or over 5000 px, over 1 MB. */
  imageInvalid: 'InvalidImage',
  /** A parameter is missing or malformed (e.g. `payload` is not valid JSON). */
  missingParameter: 'MissingParameter',
  invalidParameter: 'InvalidParameter',
  /** Unknown API path. */
  invalidApiPath: 'InvalidApiPath',
} as const;

export type LazadaCode = (typeof LAZADA_CODES)[keyof typeof LAZADA_CODES];

export const AUTH_CODES: ReadonlySet<string> = new Set([
  LAZADA_CODES.illegalAccessToken,
  LAZADA_CODES.illegalRefreshToken,
  LAZADA_CODES.incompleteSignature,
  LAZADA_CODES.invalidAppKey,
  LAZADA_CODES.invalidCode,
]);

export const THROTTLE_CODES: ReadonlySet<string> = new Set([
  LAZADA_CODES.apiCallLimit,
  LAZADA_CODES.throttle901,
  LAZADA_CODES.throttle4154,
  LAZADA_CODES.throttle998,
]);

/** Temporary conditions worth retrying (after a pause); a create's outcome is then unknown. */
export const RETRY_CODES: ReadonlySet<string> = new Set([
  LAZADA_CODES.concurrentEdit,
  LAZADA_CODES.serviceTimeout,
  LAZADA_CODES.internal,
]);

export const DUPLICATE_SKU_CODES: ReadonlySet<string> = new Set([
  LAZADA_CODES.skuRepeat,
  LAZADA_CODES.skuRepeatAlt1,
  LAZADA_CODES.skuRepeatAlt2,
  LAZADA_CODES.outerIdExists,
]);
