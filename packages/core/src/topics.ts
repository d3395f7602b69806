/** Bus topics and the schema version their messages carry (header `pulse-schema`). */
export const TOPICS = {
  mentionsRaw: 'pulse.mentions.raw',
  mentionsEnriched: 'pulse.mentions.enriched',
  signals: 'pulse.signals',
  deadLetters: 'pulse.dead-letters',
  acks: 'pulse.acks',
} as const
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]

export const SCHEMA_HEADER = 'pulse-schema'
export const SCHEMAS = {
  mention: 'mention.v1',
  enrichedMention: 'enriched-mention.v1',
  signal: 'signal.v1',
  deadLetter: 'dead-letter.v1',
} as const
