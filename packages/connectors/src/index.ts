export {
  createJetstreamConnector,
  type JetstreamCheckpoint,
  type JetstreamOptions,
  jetstreamUrl,
} from './bluesky/jetstream.ts'
export { createBlueskyNormaliser } from './bluesky/normalise.ts'
export {
  CREDENTIAL_VARS,
  type Credentials,
  type CredentialVar,
  parseSources,
  requiredCredentials,
  type SourceConfig,
  type SourceType,
  sourceConfigSchema,
  sourcesConfigSchema,
} from './config.ts'
export {
  type CheckpointStore,
  type Connector,
  type Delivery,
  memoryCheckpointStore,
  type Normalise,
  SOURCES,
  type SourceName,
} from './framework/connector.ts'
export type { ConnectorHealth, ConnectorState, RateLimitState } from './framework/health.ts'
export { createHttp, HttpStatusError, isFatal, retryAfterMs } from './framework/http.ts'
export { type IngestLoopOptions, runIngestLoop } from './framework/ingest-loop.ts'
export { createMatcher, type WatchTerms } from './framework/match.ts'
export {
  type BackoffPolicy,
  backoffDelay,
  type FetchFn,
  type RuntimeDeps,
  type Sleep,
} from './framework/runtime.ts'
export { htmlToText } from './framework/text.ts'
export { type ConfiguredSource, type FromConfigOptions, sourcesFromConfig } from './from-config.ts'
export { normaliseMastodon, normaliseStatus } from './mastodon/normalise.ts'
export {
  createMastodonConnector,
  type MastodonCheckpoint,
  type MastodonOptions,
} from './mastodon/streaming.ts'
export {
  normaliseRecorded,
  payloadNormaliser,
  type RecordedOptions,
  type RecordedOutcome,
} from './recorded/recorded.ts'
export { normaliseReddit } from './reddit/normalise.ts'
export { createRedditConnector, type RedditCheckpoint, type RedditOptions } from './reddit/poller.ts'
export { parseCsv } from './reviews/csv.ts'
export {
  createGoogleReviewsConnector,
  type GoogleReviewsCheckpoint,
  type GoogleReviewsOptions,
} from './reviews/google-poller.ts'
export { normaliseGoogleReview, normaliseReviewRow, normaliseReviews } from './reviews/normalise.ts'
export { normaliseRss } from './rss/normalise.ts'
export { parseFeed } from './rss/parse.ts'
export { createRssConnector, type RssCheckpoint, type RssOptions } from './rss/poller.ts'
export {
  createWebhookHandler,
  startWebhookServer,
  WEBHOOK_PATH,
  type WebhookOptions,
  type WebhookServer,
} from './webhook/server.ts'
export { createXConnector, type XCheckpoint, type XOptions } from './x/connector.ts'
export { normaliseX } from './x/normalise.ts'
export { diffRules, rulesFromWatch, type StreamRule } from './x/rules.ts'
export { normaliseYouTube } from './youtube/normalise.ts'
export { createYouTubeConnector, type YouTubeCheckpoint, type YouTubeOptions } from './youtube/poller.ts'
