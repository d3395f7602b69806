import type { Signal } from '@pulse/core'
import type { SlackMessage } from './block-kit.ts'
import type { DeliveryMode } from './delivery-log.ts'

/** A message for one channel; `threadTs` posts it as a reply (bot mode only). */
export interface OutgoingMessage {
  channel: string
  message: SlackMessage
  threadTs?: string
  /** The signal rendered, when the message is an alert (the console transport prints it directly). */
  signal?: Signal
}

export interface PostResult {
  /** Message timestamp (bot mode). */
  ts?: string
  /** Channel id Slack resolved the channel name to (bot mode). */
  channelId?: string
}

/**
 * Where alerts go. Implementations wrap vendor errors as `AlertDeliveryError` and never retry
 * themselves: the alerter owns retries, pacing and the outbox.
 */
export interface SlackTransport {
  readonly mode: DeliveryMode
  /** Whether replies in threads and edits are possible (bot mode). */
  readonly threads: boolean
  post(out: OutgoingMessage): Promise<PostResult>
  /** Edits an earlier message; transports that cannot edit resolve without doing anything. */
  update(target: { channelId: string; ts: string }, message: SlackMessage): Promise<void>
}
