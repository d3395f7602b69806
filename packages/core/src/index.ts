export type { Clock } from './clock.ts'
export { manualClock, systemClock } from './clock.ts'
export { type DeadLetter, deadLetterSchema } from './dead-letter.ts'
export { decodeJson, decodeJsonOnce, jsonDepth, parseJson, truncatePayload, vouchFor } from './decode.ts'
export {
  type ClaimMatch,
  claimMatchSchema,
  claimStanceSchema,
  type EnrichedMention,
  enrichedMentionSchema,
  type Sentiment,
  type SentimentLabel,
  sentimentLabelSchema,
  sentimentSchema,
} from './enriched.ts'
export { errorMessage, formatIssues, PulseError, type PulseErrorCode, parseConfig } from './errors.ts'
export { keyedHash, stableHash } from './hash.ts'
export { LIMITS } from './limits.ts'
export type { LogFn, Logger } from './logger.ts'
export { silentLogger } from './logger.ts'
export {
  authorSchema,
  engagementSchema,
  instantSchema,
  type Mention,
  type MentionInput,
  mentionSchema,
  sourceSchema,
} from './mention.ts'
export {
  type AckMessage,
  formatOrigin,
  groupOrigins,
  ORIGIN_HEADER,
  type Origin,
  originLine,
  parseOrigin,
  REPLAY_SOURCE_PREFIX,
} from './origin.ts'
export { dlq, drop, type Outcome, ok } from './outcome.ts'
export { seededRandom } from './random.ts'
export {
  type Evidence,
  evidenceSchema,
  parsePlace,
  placeKey,
  SEVERITY_RANK,
  type Severity,
  type Signal,
  type SignalKey,
  type SignalKind,
  type SignalState,
  severitySchema,
  signalKeySchema,
  signalKindSchema,
  signalSchema,
  signalStateSchema,
  topicOfKey,
} from './signal.ts'
export { SCHEMA_HEADER, SCHEMAS, TOPICS, type TopicName } from './topics.ts'
export {
  alertRouteSchema,
  type Claim,
  claimSchema,
  infodemicCategorySchema,
  playbookSchema,
  suppressionSchema,
  type TopicRule,
  topicRuleSchema,
  type Watchlist,
  type WatchlistInput,
  watchlistSchema,
} from './watchlist.ts'
