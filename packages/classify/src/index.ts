export { brandTopics, slugify } from './brand-topics.ts'
export {
  type ClaimMatcher,
  type ClaimMatcherOptions,
  type ClaimProblem,
  checkClaims,
  createClaimMatcher,
} from './claim-matcher.ts'
export { DEFAULT_CLAIMS } from './default-claims.ts'
export { DEFAULT_TOPICS } from './default-topics.ts'
export { createIntentClassifier, type IntentClassifier, type IntentContext } from './intent-classifier.ts'
export { INTENT_IDS, INTENTS, type IntentId, type IntentInfo } from './intents.ts'
export { compileSafePattern, type PatternResult } from './safe-pattern.ts'
export { classifyStance, type Stance } from './stance.ts'
export { createTermExtractor, extractTerms, MAX_TERMS, type TermExtractor } from './terms.ts'
export { type Analysis, type Analyzer, createAnalyzer, fold } from './text.ts'
export { createTopicMatcher, type TopicInput, type TopicMatcher } from './topic-matcher.ts'
