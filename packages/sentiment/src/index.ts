export {
  CALIBRATION_FEATURES,
  type NeutralCalibration,
} from './calibration.ts'
export {
  applyCalibration,
  type CalibrationHyper,
  type CalibrationSample,
  figures,
  fitWithSelection,
  nestedOutOfFold,
} from './calibration-fit.ts'
export { type Evaluation, evaluate, parseRatedTsv, pearson, type RatedText } from './evaluate.ts'
export {
  createLanguageDetector,
  detectLanguage,
  type LanguageDetector,
  type LanguageDetectorOptions,
} from './language.ts'
export {
  calibrationSample,
  createRuleAnalyzer,
  createSentimentScorer,
  isCalibrationCompatible,
  MAX_SCORED_CHARS,
  type RuleAnalysis,
  type RuleAnalyzer,
  type SentimentScorer,
  type SentimentScorerOptions,
  SUPPORTED_LANGUAGES,
  type SupportedLanguage,
} from './scorer.ts'
