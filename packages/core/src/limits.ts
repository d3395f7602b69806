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
} as const
