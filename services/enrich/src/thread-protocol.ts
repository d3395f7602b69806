import type { Watchlist } from '@pulse/core'

/** What the pool hands each enrichment thread when it starts. */
export interface ThreadInit {
  /** URL of the thread's entry module (thread-entry), imported by the bootstrap. */
  readonly entry: string
  readonly watchlist: Watchlist
  readonly hashKey: string
}

/**
 * One batch of raw mention messages (bytes as published), with the pool's clock reading. The
 * messages travel end to end in one buffer that is moved to the thread, not copied: posted one
 * by one, each was cloned into an ArrayBuffer of its own on the thread (and a message that is a
 * slice of a pooled buffer cloned the whole pool).
 */
export interface ThreadRequest {
  readonly id: number
  readonly now: number
  readonly bytes: Uint8Array
  /** Where each message ends in `bytes`; message i starts where message i − 1 ends. */
  readonly ends: Uint32Array
}

/**
 * One result per value, in order: the enriched mention as JSON text, or why it was refused and
 * where. The JSON is a bare string rather than `{ kind, json }`: results are copied between
 * threads, and a string copies at a third of the cost of an object holding it.
 */
export type ThreadResult =
  | string
  | {
      readonly kind: 'drop' | 'dlq'
      readonly stage: string
      readonly reason: string
      readonly cause?: string
    }

export type ThreadReply =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly results: readonly ThreadResult[] }
  | { readonly type: 'failed'; readonly id: number; readonly error: string }
