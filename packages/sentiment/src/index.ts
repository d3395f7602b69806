export { type Evaluation, evaluate, parseRatedTsv, pearson, type RatedText } from './evaluate.ts'
export {
  createLanguageDetector,
  detectLanguage,
  type LanguageDetector,
  type LanguageDetectorOptions,
} from './language.ts'
export {
  createSentimentScorer,
  MAX_SCORED_CHARS,
  type SentimentScorer,
  type SentimentScorerOptions,
  SUPPORTED_LANGUAGES,
  type SupportedLanguage,
} from './scorer.ts'
