import { resolve } from 'node:path'
import { EmbeddedBus } from '@pulse/bus'
import { type Logger, systemClock, type Watchlist } from '@pulse/core'
import {
  checkReadiness,
  createLogger,
  createProcessMetrics,
  healthAddress,
  loadWatchlist,
  openBus,
  openStore,
  parseRuntimeEnv,
  type RunningService,
  type RuntimeEnv,
  type ServiceContext,
  type ServiceFactory,
  startHealthServer,
} from '@pulse/runtime'
import { alertService } from '@pulse/service-alert'
import { detectService } from '@pulse/service-detect'
import { enrichService } from '@pulse/service-enrich'
import { feedService } from '@pulse/service-feed'
import { type IngestOptions, ingestService } from '@pulse/service-ingest'
import { sinkService } from '@pulse/service-sink'
import type { Store } from '@pulse/store'
import { startControlServer } from './control.ts'
import { DEFAULT_WATCHLIST, MIGRATIONS_DIR } from './paths.ts'

export const SERVICE_NAMES = ['ingest', 'enrich', 'detect', 'sink', 'alert', 'feed'] as const
export type ServiceName = (typeof SERVICE_NAMES)[number]

/** Consumers start before producers, and stop after them, so nothing is published to no one. */
const START_ORDER: readonly ServiceName[] = ['sink', 'feed', 'alert', 'detect', 'enrich', 'ingest']

export interface RunOptions {
  readonly services: readonly ServiceName[]
  readonly env: Readonly<Record<string, string | undefined>>
  readonly ingest: IngestOptions
  readonly signal: AbortSignal
  /** Log to a file ($PULSE_DATA_DIR/logs/pulse.log) and keep the terminal for progress. */
  readonly logToFile: boolean
  readonly writeAlert?: (text: string) => void
}

export interface Runtime {
  readonly env: RuntimeEnv
  readonly dataDir: string
  readonly logger: Logger
  readonly watchlist: Watchlist
  readonly services: ReadonlyMap<ServiceName, RunningService>
  readonly bus: ServiceContext['bus']
  /** Waits until every message is processed (embedded bus) and buffers are flushed. */
  drain(): Promise<void>
  stop(): Promise<void>
  status(): Record<string, Record<string, number>>
}

const factories = (options: RunOptions): Record<ServiceName, ServiceFactory> => ({
  ingest: ingestService(options.ingest),
  enrich: enrichService,
  detect: detectService,
  sink: sinkService,
  alert: alertService(options.writeAlert ? { write: options.writeAlert } : {}),
  feed: feedService,
})

/** Starts the listed services in this process around one bus and one store: the same code either way. */
export async function runServices(options: RunOptions): Promise<Runtime> {
  const env = parseRuntimeEnv(options.env)
  const dataDir = resolve(env.PULSE_DATA_DIR)
  const logger = createLogger({
    service: options.services.length === 1 ? `pulse-${options.services[0]}` : 'pulse',
    level: env.LOG_LEVEL,
    ...(options.logToFile ? { file: resolve(dataDir, 'logs', 'pulse.log'), warnToStderr: false } : {}),
  })
  const watchlist = loadWatchlist(env.PULSE_WATCHLIST ?? DEFAULT_WATCHLIST)
  const bus = await openBus(env, logger)
  let storePromise: Promise<Store> | undefined
  const store = (): Promise<Store> => {
    storePromise ??= openStore(env, MIGRATIONS_DIR, logger, { migrate: true })
    return storePromise
  }
  const ctx: ServiceContext = {
    bus,
    store,
    logger,
    clock: systemClock,
    env,
    watchlist,
    dataDir,
    signal: options.signal,
  }
  const running = new Map<ServiceName, RunningService>()
  const status = (): Record<string, Record<string, number>> =>
    Object.fromEntries([...running].map(([name, s]) => [name, s.stats()]))
  const control =
    env.CLICKHOUSE_URL === undefined
      ? await startControlServer(dataDir, store, status, logger, () =>
          Object.fromEntries([...running].map(([name, s]) => [name, s.health()])),
        )
      : undefined
  const make = factories(options)
  const single = options.services.length === 1 ? options.services[0] : undefined
  const metrics = createProcessMetrics({ service: single ?? 'pulse', services: () => running.values() })
  let ready = false
  const address = healthAddress(env, single !== undefined)
  const health = address
    ? await startHealthServer({
        ...address,
        metrics,
        logger,
        ready: () =>
          checkReadiness({ started: ready, services: running.values(), store: storePromise, logger }),
      }).catch((err: unknown) => {
        if (address.explicit) throw err
        logger.warn({ err, port: address.port }, 'metrics/health server not started')
        return undefined
      })
    : undefined
  try {
    if (control) await store()
    for (const name of START_ORDER) {
      if (options.services.includes(name))
        running.set(name, await make[name]({ ...ctx, bus: metrics.track(name, bus) }))
    }
  } catch (err) {
    for (const s of [...running.values()].reverse()) await s.stop().catch(() => {})
    await health?.close()
    await control?.close()
    if (storePromise) await (await storePromise).close().catch(() => {})
    await bus.close()
    throw err
  }
  ready = true
  logger.info({ services: [...running.keys()], bus: bus.kind, dataDir }, 'pulse running')

  const idle = async (signal?: AbortSignal): Promise<void> => {
    if (bus instanceof EmbeddedBus) await bus.whenIdle(signal)
  }
  return {
    env,
    dataDir,
    logger,
    watchlist,
    services: running,
    bus,
    status,
    async drain() {
      await idle(options.signal)
      // Close the last open buckets (end of a replay), then let their signals flow through.
      for (const name of ['detect', 'sink', 'alert'] as const) {
        await running.get(name)?.drain?.()
        await idle(options.signal)
      }
      await running.get('sink')?.drain?.()
    },
    async stop() {
      ready = false
      for (const name of [...START_ORDER].reverse()) {
        const s = running.get(name)
        if (!s) continue
        if (name === 'ingest') {
          await s.stop()
          await Promise.race([idle(), new Promise((r) => setTimeout(r, 10_000))])
        } else await s.stop()
      }
      await control?.close()
      await health?.close()
      await bus.close()
      if (storePromise) await (await storePromise).close()
    },
  }
}
