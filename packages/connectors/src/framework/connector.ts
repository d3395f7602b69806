import type { Mention, Outcome } from '@pulse/core'
import type { ConnectorHealth } from './health.ts'

/** The platforms Pulse ships connectors for (the webhook pushes mentions of any source). */
export const SOURCES = ['bluesky', 'mastodon', 'reddit', 'x', 'youtube', 'rss', 'reviews'] as const
export type SourceName = (typeof SOURCES)[number]

/**
 * One raw payload as the platform sent it, with the position to commit once it (and everything
 * delivered before it) is safely stored. Checkpoints are plain JSON values.
 */
export interface Delivery<C> {
  readonly raw: unknown
  readonly checkpoint: C
}

/** Turns one raw payload into mentions: a page (listing, search page) can hold many. */
export type Normalise = (raw: unknown) => readonly Outcome<Mention>[]

/**
 * A source of mentions. `read` yields raw payloads from a checkpoint on (undefined: from now, or
 * from the connector's configured backfill) until `signal` aborts; it reconnects and retries
 * transient faults itself and throws `PulseError('SOURCE_FAILED')` only for faults that retrying
 * cannot fix (credentials rejected, retries exhausted). It never commits: the ingest loop calls
 * `CheckpointStore.commit` after the sink confirms.
 */
export interface Connector<C = unknown> {
  /** Stable name for checkpoints, logs and `pulse status`, e.g. `mastodon:mastodon.social`. */
  readonly name: string
  readonly source: SourceName
  read(from: C | undefined, signal: AbortSignal): AsyncIterable<Delivery<C>>
  readonly normalise: Normalise
  health(): ConnectorHealth
}

/** Where committed positions live (the ingest service passes a durable one). */
export interface CheckpointStore {
  load(name: string): Promise<unknown>
  commit(name: string, checkpoint: unknown): Promise<void>
}

/** In-memory checkpoints, for tests and one-shot runs. */
export function memoryCheckpointStore(initial: Record<string, unknown> = {}): CheckpointStore & {
  readonly saved: Map<string, unknown>
} {
  const saved = new Map<string, unknown>(Object.entries(initial))
  return {
    saved,
    load: async (name) => saved.get(name),
    commit: async (name, checkpoint) => {
      saved.set(name, structuredClone(checkpoint))
    },
  }
}
