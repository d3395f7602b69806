export { familyWiseThreshold, isFamilyWiseSignificant } from './family-wise.ts'
export { detectSeries, type NabSeries, nabSeriesFromCsv, runNab } from './nab-corpus.ts'
export {
  type NabFileResult,
  type NabProfileResult,
  type NabSweepResult,
  scoreNab,
  sweepNab,
} from './nab-evaluate.ts'
export {
  labelRows,
  NAB_PROFILES,
  type NabLabelledFile,
  type NabProfile,
  type NabRowLabels,
  type NabScoredFile,
  optimizeThreshold,
  perfectScore,
  probationaryLength,
  scaledSigmoid,
  scoreAtThreshold,
  type ThresholdChoice,
} from './nab-scorer.ts'
export {
  parseNabTimestamp,
  parseSeriesCsv,
  parseSeriesLine,
  type SeriesLine,
  type SeriesRow,
} from './series-csv.ts'
export {
  type AnomalyScore,
  createSeriesDetector,
  type SeriesDetector,
  type SeriesDetectorOptions,
} from './series-detector.ts'
export { negativeBinomialUpperTail, poissonUpperTail } from './tail-probability.ts'
