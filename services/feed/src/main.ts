import { join } from 'node:path'
import { decodeJson, PulseError, type Signal, signalSchema, TOPICS } from '@pulse/core'
import {
  createFeedServer,
  createFileKeyValueStore,
  createMemorySignalRepository,
  createSignalHub,
  createTokenAuth,
} from '@pulse/feed'
import { startWorker } from '@pulse/pipeline'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { SIGNAL_COLUMNS, type StoredSignalRow, signalFromRow } from '@pulse/store'
import { createClickHouseAuditLog } from './audit-log.ts'

export interface FeedService extends RunningService {
  readonly url: string
  /** A responder token issued on first run (printed once by `pulse start`), else undefined. */
  readonly firstToken: string | undefined
}

/**
 * The feed service: signals from the bus (and the recent ones from ClickHouse at start) → a live
 * page and JSON/SSE API for the crisis team on PULSE_FEED_HOST:PULSE_FEED_PORT. Tokens are stored
 * hashed under $PULSE_DATA_DIR; actions are audit-logged in ClickHouse.
 */
export const feedService: ServiceFactory = async (ctx): Promise<FeedService> => {
  const log = ctx.logger.child({ service: 'feed' })
  const store = await ctx.store()
  const hub = createSignalHub({ logger: log })
  const recent = await store.queryRows<StoredSignalRow>(
    `SELECT ${SIGNAL_COLUMNS.join(', ')}
     FROM signals FINAL WHERE updated_at > now64(3) - INTERVAL 30 DAY ORDER BY updated_at, revision LIMIT 20000`,
  )
  for (const r of recent) {
    const signal = signalFromRow(r)
    if (signal) hub.publish(signal)
  }
  log.debug({ recent: recent.length }, 'signals restored from ClickHouse')
  const auth = createTokenAuth({
    store: createFileKeyValueStore(join(ctx.dataDir, 'feed-tokens.json')),
    clock: ctx.clock,
  })
  const firstToken =
    (await auth.list()).length === 0 ? (await auth.issueToken('responder', 'admin')).token : undefined
  const server = createFeedServer(
    {
      signals: createMemorySignalRepository({ hub }),
      audit: createClickHouseAuditLog(store),
      auth,
      clock: ctx.clock,
      logger: log,
    },
    { secureCookies: (ctx.env.PULSE_FEED_URL ?? '').startsWith('https:') },
  )
  const url = await server.listen(ctx.env.PULSE_FEED_PORT, ctx.env.PULSE_FEED_HOST).catch((err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code
    throw new PulseError(
      'CONFIG_INVALID',
      code === 'EADDRINUSE'
        ? `PULSE_FEED_PORT: ${ctx.env.PULSE_FEED_HOST}:${ctx.env.PULSE_FEED_PORT} is already in use (another pulse start?); set PULSE_FEED_PORT to a free port`
        : `PULSE_FEED_HOST/PULSE_FEED_PORT: cannot listen on ${ctx.env.PULSE_FEED_HOST}:${ctx.env.PULSE_FEED_PORT}: ${String(err)}`,
      { cause: err },
    )
  })
  const worker = await startWorker<Signal, Signal>({
    // Every feed instance sees every signal: its own consumer group per process.
    name: 'feed',
    bus: ctx.bus,
    groupId: `pulse-feed-${process.pid}`,
    topics: [TOPICS.signals],
    decode: (m) => decodeJson(signalSchema, m.value),
    stages: [],
    logger: log,
    clock: ctx.clock,
    emit: async (items) => {
      for (const { value } of items) hub.publish(value)
    },
  })
  return {
    name: 'feed',
    url,
    firstToken,
    stats: () => ({ ...worker.stats, signals: hub.size }),
    health: () => {
      const h = worker.health()
      return { ok: h.ok, detail: { ...h.detail, url } }
    },
    stop: async () => {
      await worker.stop()
      await server.close()
    },
  }
}
