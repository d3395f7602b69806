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

/** Why the thread refused one message, and at which stage. */
export interface ThreadRefusal {
  readonly kind: 'drop' | 'dlq'
  readonly stage: string
  readonly reason: string
  readonly cause?: string
}

/**
 * A batch's results, in request order: every enriched mention's JSON as UTF-8, end to end in one
 * buffer that is moved back, not copied (`ends` as in the request; a refused message takes no
 * bytes), and the refusals by request index. Returned as text, each result was copied into the
 * main thread's heap, and a batch in flight there outlived a young collection or two: the
 * largest share of what that heap promoted.
 */
export interface ThreadResults {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly ends: Uint32Array<ArrayBuffer>
  readonly refused: readonly (readonly [index: number, refusal: ThreadRefusal])[]
}

export type ThreadReply =
  | { readonly type: 'ready' }
  | ({ readonly type: 'done'; readonly id: number } & ThreadResults)
  | { readonly type: 'failed'; readonly id: number; readonly error: string }
