import type { Bus } from '@pulse/bus'
import type { Clock, Logger, Watchlist } from '@pulse/core'
import type { Store } from '@pulse/store'
import type { RuntimeEnv } from './config.ts'

/** What the runner hands every service: shared clients, config, and a way to report progress. */
export interface ServiceContext {
  readonly bus: Bus
  /** Opened lazily: only services that read or write ClickHouse ask for it. */
  readonly store: () => Promise<Store>
  readonly logger: Logger
  readonly clock: Clock
  readonly env: RuntimeEnv
  readonly watchlist: Watchlist
  readonly dataDir: string
  /** Aborted when the process is asked to stop. */
  readonly signal: AbortSignal
}

export interface ServiceHealth {
  readonly ok: boolean
  readonly detail?: Record<string, unknown>
}

/** A started service. `drain` finishes in-flight work (flushes buffers, commits) before `stop`. */
export interface RunningService {
  readonly name: string
  stats(): Record<string, number>
  health(): ServiceHealth
  /** Finishes what is buffered (e.g. closes open detection buckets at the end of a replay). */
  drain?(): Promise<void>
  stop(): Promise<void>
}

export type ServiceFactory = (ctx: ServiceContext) => Promise<RunningService>
