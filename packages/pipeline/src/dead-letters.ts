import type { IncomingMessage, OutgoingMessage } from '@pulse/bus'
import {
  type DeadLetter,
  errorMessage,
  ORIGIN_HEADER,
  originLine,
  SCHEMA_HEADER,
  SCHEMAS,
  stableHash,
  truncatePayload,
} from '@pulse/core'

/**
 * A dead letter for a message: its id is deterministic (the source position when known, else the
 * topic, key and payload), so a redelivered failure is stored once.
 */
export function deadLetterFor(
  message: Pick<IncomingMessage, 'topic' | 'key' | 'value' | 'headers'>,
  stage: string,
  reason: string,
  cause: unknown,
  failedAtMs: number,
): DeadLetter {
  const origin = message.headers[ORIGIN_HEADER]
  const payload = truncatePayload(message.value)
  // A replayed line's letter names the line, whichever stage refused it.
  const line = originLine(origin)
  return {
    id: origin ? stableHash('origin', origin) : stableHash(message.topic, message.key ?? '', payload),
    stage,
    topic: message.topic,
    reason: `${line ? `${line}: ` : ''}${reason}${cause === undefined ? '' : ` (${errorMessage(cause)})`}`,
    payload,
    failedAt: new Date(failedAtMs).toISOString(),
  }
}

export function deadLetterMessage(letter: DeadLetter, origin: string | undefined): OutgoingMessage {
  return {
    key: letter.id,
    value: JSON.stringify(letter),
    headers: { [SCHEMA_HEADER]: SCHEMAS.deadLetter, ...(origin ? { [ORIGIN_HEADER]: origin } : {}) },
  }
}
