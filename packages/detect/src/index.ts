export { amplificationOf, type Bucket } from './accumulator.ts'
export {
  createDetector,
  DEFAULT_BUCKET_MS,
  DEFAULT_LATENESS_MS,
  type Detector,
  type DetectorOptions,
} from './detector.ts'
export {
  createEmergingDetector,
  type EmergingDetector,
  type EmergingHit,
  type EmergingMention,
  type EmergingOptions,
  type EmergingSnapshot,
} from './emerging.ts'
export { DEFAULT_SYMPTOMS } from './emerging-text.ts'
export { type SeriesKey, seriesKeysOf } from './keys.ts'
export { createPartitionMerge, type PartitionMerge } from './partition-merge.ts'
export { severityOf } from './severity.ts'
export { isSuppressed } from './suppression.ts'
