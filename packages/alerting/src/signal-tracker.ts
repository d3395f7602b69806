import type { Severity } from '@pulse/core'

/** What the alerter remembers about one signal it has posted. */
export interface TrackedSignal {
  channel: string
  /** Bot mode: where the parent message lives. */
  channelId?: string
  parentTs?: string
  /** When the last top-level post for this signal went out (cooldown). */
  lastTopLevelAt: number
  lastSeverity: Severity
}

/** Per-signal memory, bounded: the least recently used signal is forgotten first. */
export class SignalTracker {
  readonly #entries = new Map<string, TrackedSignal>()
  readonly #max: number

  constructor(max: number) {
    this.#max = Math.max(1, max)
  }

  get(id: string): TrackedSignal | undefined {
    const entry = this.#entries.get(id)
    if (entry !== undefined) {
      this.#entries.delete(id)
      this.#entries.set(id, entry)
    }
    return entry
  }

  set(id: string, entry: TrackedSignal): void {
    this.#entries.delete(id)
    this.#entries.set(id, entry)
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next()
      if (oldest.done !== true) this.#entries.delete(oldest.value)
    }
  }

  delete(id: string): void {
    this.#entries.delete(id)
  }
}

/** A bounded set of recently handled keys (first in, first out). */
export class RecentKeys {
  readonly #keys = new Set<string>()
  readonly #max: number

  constructor(max: number) {
    this.#max = Math.max(1, max)
  }

  has(key: string): boolean {
    return this.#keys.has(key)
  }

  add(key: string): void {
    this.#keys.add(key)
    if (this.#keys.size > this.#max) {
      const oldest = this.#keys.values().next()
      if (oldest.done !== true) this.#keys.delete(oldest.value)
    }
  }

  delete(key: string): void {
    this.#keys.delete(key)
  }
}
