import { join } from 'node:path'
import { decodeJson, mentionSchema, ORIGIN_HEADER, SCHEMA_HEADER, SCHEMAS, TOPICS } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { startWorker } from '@pulse/pipeline'
import { fileSecret, type RunningService, type ServiceFactory } from '@pulse/runtime'

/**
 * The enrich service: raw mentions → redact PHI → language + sentiment → topics, intents, claims,
 * terms → privacy (hashed authors) → enriched topic. Nothing unredacted leaves this service.
 */
export const enrichService: ServiceFactory = async (ctx): Promise<RunningService> => {
  const log = ctx.logger.child({ service: 'enrich' })
  const hashKey = ctx.env.PULSE_AUTHOR_HASH_KEY ?? fileSecret(join(ctx.dataDir, 'secrets', 'author-hash.key'))
  const enricher = createEnricher({ watchlist: ctx.watchlist, hashKey, clock: ctx.clock })
  const worker = await startWorker({
    name: 'enrich',
    bus: ctx.bus,
    groupId: 'pulse-enrich',
    topics: [TOPICS.mentionsRaw],
    maxBatchSize: 2_000,
    decode: (m) => decodeJson(mentionSchema, m.value),
    stages: enricher.stages,
    logger: log,
    clock: ctx.clock,
    emit: async (items) => {
      await ctx.bus.publish(
        TOPICS.mentionsEnriched,
        items.map(({ value, message }) => {
          const origin = message.headers[ORIGIN_HEADER]
          return {
            key: message.key,
            value: JSON.stringify(value),
            headers: {
              [SCHEMA_HEADER]: SCHEMAS.enrichedMention,
              ...(origin ? { [ORIGIN_HEADER]: origin } : {}),
            },
          }
        }),
      )
    },
  })
  return {
    name: 'enrich',
    stats: () => ({ ...worker.stats }),
    health: () => worker.health(),
    stop: () => worker.stop(),
  }
}
