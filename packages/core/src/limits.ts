/**
 * Documented input limits. Anything above them is refused with a reason (dead-lettered), never
 * truncated silently. They bound memory per message for every stage downstream.
 */
export const LIMITS = {
  /** Largest raw bus/replay message accepted, in bytes. */
  maxMessageBytes: 256 * 1024,
  /** Longest mention text, in UTF-16 code units (a long review fits; a 10 MB blob does not). */
  maxTextChars: 20_000,
  maxIdChars: 512,
  maxUrlChars: 2048,
  maxHandleChars: 256,
  maxHashtags: 100,
  maxMentions: 100,
  maxTagChars: 140,
  /** Raw payload kept with a dead letter, in characters. */
  maxDeadLetterPayloadChars: 16 * 1024,
  maxJsonDepth: 16,
  /**
   * Accepted `createdAt` range (ISO-8601 UTC, inclusive start, exclusive end). ClickHouse `DateTime`
   * aggregate columns cannot hold instants before 1970 or after 2106, and a post dated year 9999
   * fast-forwards detection's event time through millions of empty buckets.
   */
  minCreatedAt: '1970-01-01T00:00:00.000Z',
  maxCreatedAt: '2100-01-01T00:00:00.000Z',
} as const
