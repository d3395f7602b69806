import { join } from 'node:path'
import {
  decodeJson,
  enrichedMentionSchema,
  mentionSchema,
  ORIGIN_HEADER,
  ok,
  SCHEMA_HEADER,
  SCHEMAS,
  TOPICS,
  vouchFor,
} from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { type Emitted, startWorker } from '@pulse/pipeline'
import { fileSecret, type RunningService, type ServiceFactory } from '@pulse/runtime'
import { defaultEnrichThreads, type EnrichThreads, startEnrichThreads } from './threads.ts'

/**
 * The enrich service: raw mentions → redact PHI → language + sentiment → topics, intents, claims,
 * terms → privacy (hashed authors) → enriched topic. Nothing unredacted leaves this service.
 *
 * The chain runs on worker threads (PULSE_ENRICH_THREADS, default one per spare core) when there
 * are any, else on the event loop; both run the same enricher, and the bus, offsets, dead letters
 * and acknowledgements stay on this thread either way.
 */
export const enrichService: ServiceFactory = async (ctx): Promise<RunningService> => {
  const log = ctx.logger.child({ service: 'enrich' })
  const hashKey = ctx.env.PULSE_AUTHOR_HASH_KEY ?? fileSecret(join(ctx.dataDir, 'secrets', 'author-hash.key'))
  const threadCount = ctx.env.PULSE_ENRICH_THREADS ?? defaultEnrichThreads()

  const publish = async <O>(
    items: Emitted<O>[],
    encode: (value: O) => string | Uint8Array,
  ): Promise<void> => {
    await ctx.bus.publish(
      TOPICS.mentionsEnriched,
      items.map(({ value, message }) => {
        const origin = message.headers[ORIGIN_HEADER]
        return {
          key: message.key,
          value: encode(value),
          headers: {
            [SCHEMA_HEADER]: SCHEMAS.enrichedMention,
            ...(origin ? { [ORIGIN_HEADER]: origin } : {}),
          },
        }
      }),
    )
  }
  const common = {
    name: 'enrich',
    bus: ctx.bus,
    groupId: 'pulse-enrich',
    topics: [TOPICS.mentionsRaw],
    maxBatchSize: 2_000,
    logger: log,
    clock: ctx.clock,
  }

  let threads: EnrichThreads | undefined
  let worker: Awaited<ReturnType<typeof startWorker>>
  if (threadCount > 0) {
    const pool = await startEnrichThreads({
      threads: threadCount,
      watchlist: ctx.watchlist,
      hashKey,
      clock: ctx.clock,
      logger: log,
    })
    threads = pool
    // The threads decode, enrich, validate and encode; this thread only moves bytes, and vouches
    // for them so that detect and sink in this process parse them without validating again.
    worker = await startWorker<Uint8Array, Uint8Array>({
      ...common,
      decode: (m) => ok(m.value),
      stages: [pool.stage],
      emit: (items) =>
        publish(items, (bytes) => {
          vouchFor(bytes, enrichedMentionSchema)
          return bytes
        }),
    })
  } else {
    const enricher = createEnricher({ watchlist: ctx.watchlist, hashKey, clock: ctx.clock })
    worker = await startWorker({
      ...common,
      decode: (m) => decodeJson(mentionSchema, m.value),
      stages: enricher.stages,
      emit: (items) => publish(items, (value) => JSON.stringify(value)),
    })
  }
  log.debug({ threads: threadCount }, 'enrich started')
  return {
    name: 'enrich',
    stats: () => ({ ...worker.stats, threads: threads?.alive() ?? 0 }),
    health: () => {
      const h = worker.health()
      if (!threads) return h
      const alive = threads.alive()
      return alive === 0
        ? { ok: false, detail: { ...h.detail, threads: 0, error: 'no enrichment thread is running' } }
        : { ok: h.ok, detail: { ...h.detail, threads: alive } }
    },
    stop: async () => {
      await worker.stop()
      await threads?.close()
    },
  }
}
