export {
  CAMPAIGN_HASHTAG,
  DEFAULT_DAYS,
  DEFAULT_START,
  type EventWindow,
  PLANNED_CAMPAIGNS,
  type PlannedCampaign,
  plannedCampaigns,
  SAMPLE_EVENTS,
  type SampleEvent,
  type SampleEventId,
  sampleEvents,
} from './events.ts'
export {
  BASE_RATE_PER_MINUTE,
  type BackgroundOptions,
  DEFAULT_SEED,
  generateBackground,
  generateMentions,
  type InjectedTerm,
} from './generate.ts'
export type { InvalidLine } from './invalid.ts'
export { SAMPLE_COMPETITOR, SAMPLE_ORG } from './org-accounts.ts'
export { extractTags } from './render.ts'
export type { SampleSource } from './sources.ts'
export {
  CAMPAIGN_RATE_PER_MINUTE,
  generateSampleStream,
  type SampleLine,
  type SampleOptions,
  streamEvents,
} from './stream.ts'
export {
  SampleCounter,
  type SampleSummary,
  sampleLineText,
  summarizeSample,
  writeSampleJsonl,
} from './write.ts'
