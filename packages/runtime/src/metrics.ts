import type { Bus, Consumer } from '@pulse/bus'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { RunningService } from './context.ts'

/**
 * Prometheus metrics for one process. Nothing here runs on a hot path: on every scrape `collect()`
 * reads each running service's `stats()` snapshot (cumulative numbers) and turns it into counters
 * (by delta), gauges and histograms, and asks the consumers for their lag (rate-limited).
 */
export interface ProcessMetrics {
  readonly registry: Registry
  /** A bus for `service` that records the consumers it opens, so their lag can be reported. */
  track(service: string, bus: Bus): Bus
  /** Refreshes every metric from the services; call it before rendering the registry. */
  collect(): Promise<void>
}

export interface ProcessMetricsOptions {
  /** The default `service` label: the one service this process runs, or "pulse" for all-in-one. */
  readonly service: string
  readonly services: () => Iterable<RunningService>
  /** Node.js process metrics (CPU, memory, event-loop lag, GC). Default true. */
  readonly processMetrics?: boolean
  /** Consumer lag is asked of the bus at most this often (Kafka: admin round trips). Default 10 s. */
  readonly lagIntervalMs?: number
  readonly lagTimeoutMs?: number
  readonly now?: () => number
}

/** Cumulative stats keys that become counters (several keys may feed one counter). */
const COUNTER_OF: Readonly<Record<string, string>> = {
  consumed: 'consumed',
  emitted: 'produced',
  published: 'produced',
  deadLettered: 'deadLettered',
  dropped: 'dropped',
  batches: 'batches',
  failedBatches: 'failedBatches',
  rowsWritten: 'rowsWritten',
  flushes: 'flushes',
}
/** Read as durations or rates, not exported as plain gauges. */
const DERIVED = new Set(['lastBatchMs', 'writeMs', 'rowsPerSecond'])
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export function createProcessMetrics(options: ProcessMetricsOptions): ProcessMetrics {
  const now = options.now ?? Date.now
  const registry = new Registry()
  registry.setDefaultLabels({ service: options.service })
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'pulse_' })
  const registers = [registry]
  const labelNames = ['service'] as const
  const counters: Record<string, Counter<'service'>> = {
    consumed: new Counter({
      name: 'pulse_messages_consumed_total',
      help: 'Messages taken from the bus and processed',
      labelNames,
      registers,
    }),
    produced: new Counter({
      name: 'pulse_messages_produced_total',
      help: 'Messages published to the next topic',
      labelNames,
      registers,
    }),
    deadLettered: new Counter({
      name: 'pulse_messages_dead_lettered_total',
      help: 'Messages sent to the dead-letter topic',
      labelNames,
      registers,
    }),
    dropped: new Counter({
      name: 'pulse_messages_dropped_total',
      help: 'Messages dropped on purpose (filtered, duplicate, off-topic)',
      labelNames,
      registers,
    }),
    batches: new Counter({
      name: 'pulse_batches_total',
      help: 'Batches handled successfully',
      labelNames,
      registers,
    }),
    failedBatches: new Counter({
      name: 'pulse_batches_failed_total',
      help: 'Batch attempts whose handler threw (redelivered after a backoff)',
      labelNames,
      registers,
    }),
    rowsWritten: new Counter({
      name: 'pulse_sink_rows_written_total',
      help: 'Rows written to ClickHouse by the sink',
      labelNames,
      registers,
    }),
    flushes: new Counter({
      name: 'pulse_sink_flushes_total',
      help: 'Sink batch writes to ClickHouse',
      labelNames,
      registers,
    }),
  }
  const writeSeconds = new Counter({
    name: 'pulse_sink_write_seconds_total',
    help: 'Time spent writing to ClickHouse (divide by pulse_sink_flushes_total for the mean)',
    labelNames,
    registers,
  })
  const batchSeconds = new Histogram({
    name: 'pulse_batch_duration_seconds',
    help: 'Batch handling time, sampled at scrape: the latest batch, when batches were handled since the last scrape',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers,
  })
  const flushSeconds = new Histogram({
    name: 'pulse_sink_flush_duration_seconds',
    help: 'Mean ClickHouse write time per flush over each scrape interval',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers,
  })
  const rowsPerSecond = new Gauge({
    name: 'pulse_sink_rows_per_second',
    help: 'Rows written per wall-clock second since the previous scrape',
    labelNames,
    registers,
  })
  const writeRowsPerSecond = new Gauge({
    name: 'pulse_sink_write_rows_per_second',
    help: 'Rows per second of ClickHouse write time (throughput while writing)',
    labelNames,
    registers,
  })
  const stat = new Gauge({
    name: 'pulse_service_stat',
    help: 'Other numbers a service reports in stats() (detection keys, open signals, pending rows, …)',
    labelNames: ['service', 'stat'] as const,
    registers,
  })
  const lag = new Gauge({
    name: 'pulse_consumer_lag',
    help: 'Messages published but not yet committed by the consumer group, per topic',
    labelNames: ['service', 'group', 'topic'] as const,
    registers,
  })
  const lagErrors = new Counter({
    name: 'pulse_consumer_lag_errors_total',
    help: 'Consumer lag lookups that failed or timed out',
    labelNames,
    registers,
  })

  const previous = new Map<string, Record<string, number>>()
  let previousAt = now()
  const consumers = new Set<{ service: string; group: string; consumer: Consumer }>()
  let lagAt = Number.NEGATIVE_INFINITY

  const delta = (before: Record<string, number> | undefined, after: Record<string, number>, key: string) => {
    const a = after[key] ?? 0
    const b = before?.[key] ?? 0
    return a >= b ? a - b : a // a smaller number means the service restarted its count
  }

  const collectStats = (): void => {
    const at = now()
    const seconds = Math.max((at - previousAt) / 1000, 1e-3)
    previousAt = at
    for (const s of options.services()) {
      const labels = { service: s.name }
      const stats = s.stats()
      const before = previous.get(s.name)
      previous.set(s.name, { ...stats })
      for (const [key, value] of Object.entries(stats)) {
        if (!Number.isFinite(value)) continue
        const counter = COUNTER_OF[key]
        if (counter) counters[counter]?.inc(labels, delta(before, stats, key))
        else if (!DERIVED.has(key)) stat.set({ service: s.name, stat: key }, value)
      }
      if (delta(before, stats, 'batches') > 0 && stats.lastBatchMs !== undefined)
        batchSeconds.observe(labels, stats.lastBatchMs / 1000)
      if ('rowsWritten' in stats) rowsPerSecond.set(labels, delta(before, stats, 'rowsWritten') / seconds)
      if (stats.rowsPerSecond !== undefined) writeRowsPerSecond.set(labels, stats.rowsPerSecond)
      if (stats.writeMs !== undefined) {
        const ms = delta(before, stats, 'writeMs')
        const flushes = delta(before, stats, 'flushes')
        writeSeconds.inc(labels, ms / 1000)
        if (flushes > 0) flushSeconds.observe(labels, ms / flushes / 1000)
      }
    }
  }

  const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    })
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
  }

  const collectLag = async (): Promise<void> => {
    if (now() - lagAt < (options.lagIntervalMs ?? 10_000)) return
    lagAt = now()
    const results = await Promise.all(
      [...consumers].map(async (c) => {
        try {
          return { c, lag: await withTimeout(c.consumer.lag(), options.lagTimeoutMs ?? 2_000) }
        } catch {
          lagErrors.inc({ service: c.service })
          return { c, lag: undefined }
        }
      }),
    )
    lag.reset()
    for (const { c, lag: byTopic } of results) {
      for (const [topic, value] of Object.entries(byTopic ?? {}))
        lag.set({ service: c.service, group: c.group, topic }, value)
    }
  }

  return {
    registry,
    track(service, bus) {
      return {
        kind: bus.kind,
        ensureTopics: (topics) => bus.ensureTopics(topics),
        publish: (topic, messages) => bus.publish(topic, messages),
        close: () => bus.close(),
        async consume(consumeOptions) {
          const consumer = await bus.consume(consumeOptions)
          const entry = { service, group: consumeOptions.groupId, consumer }
          consumers.add(entry)
          return {
            health: () => consumer.health(),
            pause: () => consumer.pause(),
            resume: () => consumer.resume(),
            lag: () => consumer.lag(),
            lagByPartition: () => consumer.lagByPartition(),
            assignment: () => consumer.assignment(),
            stop: async () => {
              consumers.delete(entry)
              lagAt = Number.NEGATIVE_INFINITY
              await consumer.stop()
            },
          }
        },
      }
    },
    async collect() {
      collectStats()
      await collectLag()
    },
  }
}
