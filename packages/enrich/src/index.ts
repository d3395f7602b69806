export { createEnricher, type Enricher, type EnricherOptions } from './enricher.ts'
export {
  type Classifiers,
  createClassifyStage,
  createPrivacyStage,
  createRedactStage,
  createSentimentStage,
  type PrivacyOptions,
  type Redactor,
  type SentimentScorer,
} from './stages.ts'
