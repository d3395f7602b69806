import {
  decodeJson,
  type EnrichedMention,
  enrichedMentionSchema,
  SCHEMA_HEADER,
  SCHEMAS,
  type Signal,
  TOPICS,
} from '@pulse/core'
import { createPartitionMerge, DEFAULT_BUCKET_MS, DEFAULT_LATENESS_MS } from '@pulse/detect'
import { startWorker } from '@pulse/pipeline'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { buildDetector } from './build-detector.ts'
import { clockMayClose } from './clock-close.ts'
import { type WarmStart, warmStart } from './warm-start.ts'

export { buildDetector } from './build-detector.ts'

const HOUR = 3_600_000
/** Two days: the series' day of warm-up and a day more of the daily cycle. */
const DEFAULT_WARM_HOURS = 48
/** A stream with nothing new for this long is quiet: the clock closes its buckets. */
const CLOCK_RULES = { latenessMs: DEFAULT_LATENESS_MS, bucketMs: DEFAULT_BUCKET_MS, quietMs: 30_000 }

/**
 * The detect service: enriched mentions → keyed event-time series → signals (with lifecycle and
 * evidence) on the signals topic. Buckets close by event time, and by the wall clock in live mode.
 */
export const detectService: ServiceFactory = async (ctx): Promise<RunningService> => {
  const log = ctx.logger.child({ service: 'detect' })
  const detector = buildDetector(ctx.watchlist, ctx.clock)
  let warm: WarmStart | undefined
  // Each detect replica on Kafka reads its share of the partitions, but would replay every stored
  // mention: there it is opt-in, for a deployment with one replica.
  const hours = ctx.env.PULSE_DETECT_WARM_HOURS ?? (ctx.env.KAFKA_BROKERS?.length ? 0 : DEFAULT_WARM_HOURS)
  if (hours > 0) {
    try {
      warm = await warmStart({ store: await ctx.store(), detector, hours, logger: log })
    } catch (err) {
      log.warn(
        { err },
        'stored mentions unreadable: baselines are relearnt from the stream (a day of warm-up)',
      )
    }
  }
  const stats = { signals: 0, warmReplayed: warm?.replayed ?? 0, skippedStored: 0 }
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
  if (warm && warm.closed.length > 0) await publish(warm.closed)
  /**
   * Partitions of the enriched topic are read side by side, so one may run hours ahead of another
   * (a backlog, a replay at full speed). Mentions are handed to the detector in event-time order,
   * as far as every partition this service owns has got, so buckets never close before the posts
   * still queued in a slower partition arrive. (Within a partition posts keep their source's order:
   * the enrich stage keeps each mention's key, hence its partition.)
   */
  const merge = createPartitionMerge<EnrichedMention>()
  /** When (service clock) the last mention arrived. */
  let lastArrival = Number.NEGATIVE_INFINITY
  // Set once the worker exists (a first batch may arrive before `startWorker` returns).
  let owned = (): readonly number[] => []
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
      // Mentions the warm start replayed, delivered again (offsets the last run did not commit).
      const fresh = warm ? items.filter(({ value }) => !warm?.ids.has(value.id)) : items
      stats.skippedStored += items.length - fresh.length
      const dated = fresh.map(({ value, message }) => ({
        value,
        partition: message.partition,
        t: Date.parse(value.createdAt),
      }))
      if (dated.length > 0) lastArrival = ctx.clock.now()
      const { ready, reached } = merge.push(dated, owned())
      await publish(detector.ingest(ready, reached))
      // Every partition is an hour past the replayed history: nothing replayed can come again.
      if (warm && detector.stats.watermark > warm.until + HOUR) warm = undefined
    },
  })
  /**
   * Live mode closes buckets by the wall clock too, so a quiet stream still gets its signals on
   * time: once a second, posts held back that are older than the lateness go to the detector and
   * buckets over by the clock close, when `clockMayClose` finds that no post on its way can land in
   * them.
   */
  const liveTick = async (): Promise<Signal[]> => {
    let lag: Record<number, number>
    try {
      lag = (await worker.consumer.lagByPartition())[TOPICS.mentionsEnriched] ?? {}
    } catch (err) {
      log.debug({ err }, 'lag unknown; not closing buckets by the clock this second')
      return []
    }
    const now = ctx.clock.now()
    const state = { now, owned: owned(), lag, newestByPartition: merge.latest, lastArrival }
    if (!clockMayClose({ ...state, ...CLOCK_RULES })) return []
    return [...detector.ingest(merge.release(now - DEFAULT_LATENESS_MS)), ...detector.tick(now)]
  }
  owned = () => worker.consumer.assignment()[TOPICS.mentionsEnriched] ?? []
  let ticking = Promise.resolve()
  const timer = setInterval(() => {
    ticking = ticking
      .then(async () => publish(await liveTick()))
      .catch((err: unknown) => {
        log.error({ err }, 'publishing signals on tick failed')
      })
  }, 1_000)
  return {
    name: 'detect',
    stats: () => ({ ...worker.stats, ...detector.stats, ...stats, heldBack: merge.held }),
    health: () => worker.health(),
    drain: async () => {
      await ticking
      await publish([...detector.ingest(merge.release()), ...detector.flush()])
    },
    stop: async () => {
      clearInterval(timer)
      await worker.stop()
      await ticking
    },
  }
}
