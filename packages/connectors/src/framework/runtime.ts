import { type Clock, type Logger, silentLogger, systemClock } from '@pulse/core'

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>

/** What connectors need from the outside world; tests inject fakes for all of it. */
export interface RuntimeDeps {
  readonly fetch?: FetchFn
  readonly clock?: Clock
  /** Waits `ms`, resolving early when `signal` aborts. */
  readonly sleep?: Sleep
  /** Uniform [0, 1), for backoff jitter. */
  readonly random?: () => number
  readonly logger?: Logger
}

export interface Runtime {
  readonly fetch: FetchFn
  readonly clock: Clock
  readonly sleep: Sleep
  readonly random: () => number
  readonly logger: Logger
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve()
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

export function runtime(deps: RuntimeDeps = {}): Runtime {
  return {
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    clock: deps.clock ?? systemClock,
    sleep: deps.sleep ?? realSleep,
    random: deps.random ?? Math.random,
    logger: deps.logger ?? silentLogger,
  }
}

export interface BackoffPolicy {
  readonly baseMs: number
  readonly maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 }

/** Exponential backoff with equal jitter: half the capped delay, plus a random half. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt))
  return Math.round(capped / 2 + (random() * capped) / 2)
}
