import type { Watchlist } from '@pulse/core'

/** What the pool hands each enrichment thread when it starts. */
export interface ThreadInit {
  /** URL of the thread's entry module (thread-entry), imported by the bootstrap. */
  readonly entry: string
  readonly watchlist: Watchlist
  readonly hashKey: string
}

/** One batch of raw mention messages (bytes as published), with the pool's clock reading. */
export interface ThreadRequest {
  readonly id: number
  readonly now: number
  readonly values: readonly Uint8Array[]
}

/** One result per value, in order: the enriched mention as JSON, or why it was refused and where. */
export type ThreadResult =
  | { readonly kind: 'ok'; readonly json: string }
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
