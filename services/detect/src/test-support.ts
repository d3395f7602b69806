import { EmbeddedBus } from '@pulse/bus'
import {
  type EnrichedMention,
  SCHEMA_HEADER,
  SCHEMAS,
  type Signal,
  silentLogger,
  systemClock,
  TOPICS,
  watchlistSchema,
} from '@pulse/core'
import { parseRuntimeEnv, type ServiceContext } from '@pulse/runtime'
import { expect } from 'vitest'
import { detectService } from './main.ts'

/**
 * Runs a detect service over `mentions` on a fresh embedded bus (four partitions), waits until it
 * has consumed them all, drains it, and returns its stats and every signal it published. With
 * `backlog`, the mentions are queued before the service starts. For the service's own tests.
 */
export async function runDetectOver(options: {
  readonly mentions: readonly EnrichedMention[]
  readonly dataDir: string
  readonly store?: ServiceContext['store']
  readonly env?: Record<string, string>
  readonly backlog?: boolean
}): Promise<{ stats: Record<string, number>; signals: Signal[] }> {
  const bus = new EmbeddedBus()
  await bus.ensureTopics([{ name: TOPICS.mentionsEnriched, partitions: 4 }])
  const signals: Signal[] = []
  const watcher = await bus.consume({
    groupId: 'test',
    topics: [TOPICS.signals],
    handler: async (batch) => {
      for (const m of batch.messages) signals.push(JSON.parse(Buffer.from(m.value).toString('utf8')))
    },
  })
  const publish = () =>
    bus.publish(
      TOPICS.mentionsEnriched,
      options.mentions.map((m) => ({
        key: m.id,
        value: JSON.stringify(m),
        headers: { [SCHEMA_HEADER]: SCHEMAS.enrichedMention },
      })),
    )
  if (options.backlog) await publish()
  const abort = new AbortController()
  const detect = await detectService({
    bus,
    store: options.store ?? (() => Promise.reject(new Error('no store in this test'))),
    logger: silentLogger,
    clock: systemClock,
    env: parseRuntimeEnv({ PULSE_DATA_DIR: options.dataDir, ...options.env }),
    watchlist: watchlistSchema.parse({
      organization: { name: 'St. Mary Health', handles: ['stmaryshealth'] },
    }),
    dataDir: options.dataDir,
    signal: abort.signal,
  })
  try {
    if (!options.backlog) await publish()
    await expect.poll(() => detect.stats().consumed, { timeout: 30_000 }).toBe(options.mentions.length)
    await detect.drain?.()
    await bus.whenIdle()
    return { stats: detect.stats(), signals }
  } finally {
    abort.abort()
    await detect.stop()
    await watcher.stop()
    await bus.close()
  }
}
