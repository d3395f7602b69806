import { errorMessage, type Logger, type Signal, silentLogger } from '@pulse/core'
import type { SignalListener } from './ports.ts'

/**
 * The live edge of the feed: the bus consumer publishes every signal revision here; the hub keeps
 * the latest revision per signal id (bounded) and fans new revisions out to subscribers (SSE clients,
 * the in-memory repository).
 */
export interface SignalHub {
  /** Accepts a revision newer than the one held; returns false for a stale or duplicate one. */
  publish(signal: Signal): boolean
  latest(id: string): Signal | undefined
  /** Latest revision of every signal held, in no particular order. */
  snapshot(): Signal[]
  subscribe(listener: SignalListener): () => void
  readonly size: number
}

export interface SignalHubOptions {
  /** Most signals held; beyond it the least recently updated (resolved ones first) are evicted. */
  maxSignals?: number
  logger?: Logger
}

export const DEFAULT_MAX_SIGNALS = 5000
/** How far from the oldest end eviction looks for a resolved signal before evicting an open one. */
const EVICTION_SCAN = 256

export function createSignalHub(options: SignalHubOptions = {}): SignalHub {
  const maxSignals = options.maxSignals ?? DEFAULT_MAX_SIGNALS
  if (!Number.isInteger(maxSignals) || maxSignals < 1) throw new RangeError('maxSignals must be >= 1')
  const log = options.logger ?? silentLogger
  // Map order is publish order: re-inserting on update keeps the least recently updated first.
  const latest = new Map<string, Signal>()
  const listeners = new Set<SignalListener>()

  const evictOne = (): void => {
    let scanned = 0
    let victim: string | undefined
    for (const [id, s] of latest) {
      victim ??= id
      if (s.state === 'resolved') {
        victim = id
        break
      }
      if (++scanned >= EVICTION_SCAN) break
    }
    if (victim !== undefined) latest.delete(victim)
  }

  return {
    publish(signal) {
      const held = latest.get(signal.id)
      if (held && held.revision >= signal.revision) return false
      latest.delete(signal.id)
      latest.set(signal.id, signal)
      while (latest.size > maxSignals) evictOne()
      for (const listener of [...listeners]) {
        try {
          listener(signal)
        } catch (err) {
          log.error({ err: errorMessage(err), signalId: signal.id }, 'signal listener failed')
        }
      }
      return true
    },
    latest: (id) => latest.get(id),
    snapshot: () => [...latest.values()],
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    get size() {
      return latest.size
    },
  }
}
