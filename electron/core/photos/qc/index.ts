/**
 * Photo QC predictor: why a marketplace's quality control would turn a product photo down,
 * as reason codes the screens word with a fix-it tip (resources/locales/<lang>/photos.json).
 * Measure once per photo (`measurePhoto`, a few ms), keep the metrics, and check them as
 * often as needed (`qcIssues`, `productPhotoIssues`: pure functions).
 */
export { QC_CODES, qcIssues, type QcCode, type QcContext, type QcIssue, type QcSeverity } from './checks';
export { hashDistance } from './hash';
export { measurePhoto, measurePixels, SAMPLE_SIDE, type PhotoMetrics } from './measure';
export { photoCountIssues, productPhotoIssues, type ProductPhoto, type ProductPhotoReport } from './product';
export { QC_THRESHOLDS, type QcThresholds } from './thresholds';
