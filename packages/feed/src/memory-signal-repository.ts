import type { Signal } from '@pulse/core'
import { applyFilter } from './filters.ts'
import type { SignalRepository } from './ports.ts'
import type { SignalHub } from './signal-hub.ts'

export interface MemorySignalRepository extends SignalRepository {
  /** Stops recording revisions from the hub. */
  close(): void
}

export interface MemorySignalRepositoryOptions {
  hub: SignalHub
  /** Revisions kept per signal (oldest dropped first). */
  maxRevisionsPerSignal?: number
}

/**
 * A repository over a hub: the latest revisions come from the hub, the history is recorded as the
 * hub accepts revisions. Used for tests and the embedded default (no ClickHouse history).
 */
export function createMemorySignalRepository(options: MemorySignalRepositoryOptions): MemorySignalRepository {
  const { hub } = options
  const maxRevisions = options.maxRevisionsPerSignal ?? 100
  const history = new Map<string, Signal[]>()

  const record = (signal: Signal): void => {
    const list = history.get(signal.id) ?? []
    list.push(signal)
    if (list.length > maxRevisions) list.splice(0, list.length - maxRevisions)
    history.set(signal.id, list)
    // The hub bounds how many signals exist; forget the history of the ones it evicted.
    if (history.size > hub.size) {
      for (const id of history.keys()) if (hub.latest(id) === undefined) history.delete(id)
    }
  }
  for (const s of hub.snapshot()) record(s)
  const unsubscribe = hub.subscribe(record)

  return {
    list: async (filter) => applyFilter(hub.snapshot(), filter),
    async get(id) {
      const signal = hub.latest(id)
      if (!signal) return undefined
      return { signal, revisions: [...(history.get(id) ?? [signal])] }
    },
    subscribe: (listener) => hub.subscribe(listener),
    close: unsubscribe,
  }
}
