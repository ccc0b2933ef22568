/** The practice marketplace (a local Lazada imitation): see server.ts. */
export {
  startPracticeServer,
  DEFAULT_QC_DELAY_MS,
  type ApiStats,
  type PracticeServer,
  type PracticeServerOptions,
  type PracticeStats,
} from './server';
export { FAULT_KINDS, parseFaultSpec, type FaultKind, type FaultSpec } from './faults';
export type { PracticeListing, PracticeSku, ItemStatus } from './listings';
export type { IssuedTokens, TokenTtl } from './oauth';
export type { PracticeLanguage } from './html';
export { REASON_DESCRIPTION, REASON_KEYWORDS, REASON_WHITE_BACKGROUND } from './qc';
