import { DEFAULT_CLAIMS, DEFAULT_TOPICS } from '@pulse/classify'
import {
  type Clock,
  decodeJson,
  type EnrichedMention,
  enrichedMentionSchema,
  parsePlace,
  SCHEMA_HEADER,
  SCHEMAS,
  type Signal,
  TOPICS,
  type Watchlist,
} from '@pulse/core'
import { createDetector, type Detector } from '@pulse/detect'
import { startWorker } from '@pulse/pipeline'
import type { RunningService, ServiceFactory } from '@pulse/runtime'

const HOUR = 3_600_000

/** The detector exactly as the detect service runs it (also used by `pulse bench signals`). */
export function buildDetector(watchlist: Watchlist, clock: Clock): Detector {
  const claims = new Map((watchlist.claims ?? DEFAULT_CLAIMS).map((c) => [c.id, c.claim]))
  const rules = watchlist.topics ?? DEFAULT_TOPICS
  const topics = new Map(rules.map((t) => [t.id, t.label]))
  const placeLabel = (value: string): string | undefined => {
    const p = parsePlace(value)
    return p ? `${topics.get(p.topic) ?? p.topic} in ${p.city}` : undefined
  }
  return createDetector({
    watchlist,
    clock,
    // A key needs a day of history (one daily cycle) before it can alarm.
    series: { warmupMs: 24 * HOUR },
    // Illness and its causes cluster in places: those topics also get a series per city.
    placeTopics: rules.filter((t) => t.category === 'illness' || t.category === 'cause').map((t) => t.id),
    labelOf: (dimension, value) =>
      (dimension === 'claim'
        ? claims.get(value)
        : dimension === 'topic'
          ? topics.get(value)
          : dimension === 'place'
            ? placeLabel(value)
            : undefined) ?? value,
  })
}

/**
 * The detect service: enriched mentions → keyed event-time series → signals (with lifecycle and
 * evidence) on the signals topic. Buckets close by event time, and by the wall clock in live mode.
 */
export const detectService: ServiceFactory = async (ctx): Promise<RunningService> => {
  const log = ctx.logger.child({ service: 'detect' })
  const detector = buildDetector(ctx.watchlist, ctx.clock)
  const stats = { signals: 0 }
  const publish = async (signals: Signal[]): Promise<void> => {
    if (signals.length === 0) return
    stats.signals += signals.length
    for (const s of signals)
      log.info({ id: s.id, kind: s.kind, state: s.state, severity: s.severity }, 'signal')
    await ctx.bus.publish(
      TOPICS.signals,
      signals.map((s) => ({
        key: s.id,
        value: JSON.stringify(s),
        headers: { [SCHEMA_HEADER]: SCHEMAS.signal },
      })),
    )
  }
  /**
   * Latest event time seen per partition of the enriched topic. Partitions are read side by side,
   * so one may run hours ahead of another (a backlog, a replay at full speed); buckets close by
   * event time only as far as every partition this service owns has got, or the posts still queued
   * in a slower one would arrive after their bucket closed. Within a partition, posts come in their
   * source's order: the enrich stage keeps each mention's key, hence its partition.
   */
  const reached = new Map<number, number>()
  // Set once the worker exists (a first batch may arrive before `startWorker` returns).
  let owned = (): readonly number[] => []
  const reachedByAll = (): number => {
    const partitions = owned()
    let min = partitions.length > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
    for (const p of partitions) min = Math.min(min, reached.get(p) ?? Number.NEGATIVE_INFINITY)
    return min
  }
  const worker = await startWorker<EnrichedMention, EnrichedMention>({
    name: 'detect',
    bus: ctx.bus,
    groupId: 'pulse-detect',
    topics: [TOPICS.mentionsEnriched],
    maxBatchSize: 5_000,
    decode: (m) => decodeJson(enrichedMentionSchema, m.value),
    stages: [],
    logger: log,
    clock: ctx.clock,
    emit: async (items) => {
      for (const { value, message } of items) {
        const t = Date.parse(value.createdAt)
        if (t > (reached.get(message.partition) ?? Number.NEGATIVE_INFINITY))
          reached.set(message.partition, t)
      }
      await publish(
        detector.ingest(
          items.map((i) => i.value),
          reachedByAll(),
        ),
      )
    },
  })
  /**
   * Whether enriched mentions are still queued for this service. Closing buckets by the wall clock
   * is for quiet streams: while a backlog drains (after a restart, in a lag spike) its posts belong
   * to buckets the clock says are over, and closing those early would pile the posts into the open
   * bucket as a false spike. Event time closes them as the backlog goes through.
   */
  const backlogged = async (): Promise<boolean> => {
    try {
      return Object.values(await worker.consumer.lag()).some((n) => n > 0)
    } catch (err) {
      log.debug({ err }, 'lag unknown; not closing buckets by the clock this second')
      return true
    }
  }
  owned = () => worker.consumer.assignment()[TOPICS.mentionsEnriched] ?? []
  let ticking = Promise.resolve()
  const timer = setInterval(() => {
    ticking = ticking
      .then(async () => {
        if (!(await backlogged())) await publish(detector.tick(ctx.clock.now()))
      })
      .catch((err: unknown) => {
        log.error({ err }, 'publishing signals on tick failed')
      })
  }, 1_000)
  return {
    name: 'detect',
    stats: () => ({ ...worker.stats, ...detector.stats, signals: stats.signals }),
    health: () => worker.health(),
    drain: async () => {
      await ticking
      await publish(detector.flush())
    },
    stop: async () => {
      clearInterval(timer)
      await worker.stop()
      await ticking
    },
  }
}
