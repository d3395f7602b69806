import type { Clock } from '@pulse/core'

export type ConnectorState =
  | 'idle'
  | 'connecting'
  | 'streaming'
  | 'polling'
  | 'backoff'
  | 'rate_limited'
  | 'failed'
  | 'stopped'

export interface RateLimitState {
  /** Requests left in the current window, as the platform last reported. */
  readonly remaining: number | null
  readonly limit: number | null
  /** When the window resets (ISO UTC). */
  readonly resetAt: string | null
  /** Set while the connector waits out a 429 / exhausted window (ISO UTC). */
  readonly limitedUntil: string | null
}

/** A plain snapshot for `pulse status` and metrics. */
export interface ConnectorHealth {
  readonly name: string
  readonly source: string
  readonly state: ConnectorState
  /** When the last raw payload arrived (ISO UTC). */
  readonly lastEventAt: string | null
  readonly events: number
  readonly errors: number
  readonly lastError: string | null
  readonly reconnects: number
  readonly rateLimit: RateLimitState
}

export interface HealthTracker {
  snapshot(): ConnectorHealth
  state(state: ConnectorState): void
  event(): void
  error(message: string): void
  reconnect(): void
  rateLimit(update: Partial<RateLimitState>): void
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

export function createHealth(name: string, source: string, clock: Clock): HealthTracker {
  let state: ConnectorState = 'idle'
  let lastEventAt: number | null = null
  let events = 0
  let errors = 0
  let lastError: string | null = null
  let reconnects = 0
  let rate: RateLimitState = { remaining: null, limit: null, resetAt: null, limitedUntil: null }
  return {
    snapshot: () => ({
      name,
      source,
      state,
      lastEventAt: iso(lastEventAt),
      events,
      errors,
      lastError,
      reconnects,
      rateLimit: { ...rate },
    }),
    state: (s) => {
      state = s
    },
    event: () => {
      events++
      lastEventAt = clock.now()
    },
    error: (message) => {
      errors++
      lastError = message
    },
    reconnect: () => {
      reconnects++
    },
    rateLimit: (update) => {
      rate = { ...rate, ...update }
    },
  }
}
