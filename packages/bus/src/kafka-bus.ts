import { type Logger, PulseError, silentLogger } from '@pulse/core'
import {
  type Admin,
  CompressionTypes,
  Kafka,
  type KafkaConfig,
  type Consumer as KafkaConsumer,
  logLevel,
  type Producer,
  type SASLOptions,
} from 'kafkajs'
import {
  type Bus,
  type ConsumeOptions,
  type Consumer,
  type IncomingMessage,
  type MessageBatch,
  type OutgoingMessage,
  type TopicSpec,
  totalLag,
} from './bus.ts'
import { sleep } from './signal.ts'

export interface KafkaBusOptions {
  readonly brokers: readonly string[]
  readonly clientId: string
  readonly ssl?: boolean
  readonly sasl?: {
    readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'
    readonly username: string
    readonly password: string
  }
  readonly replicationFactor?: number
  readonly logger?: Logger
  readonly retryBackoffMs?: { readonly initial: number; readonly max: number }
  /**
   * Creates topics instead of the admin API: for a peer without CreateTopics (librdkafka's mock
   * cluster, see test/kafka-mock/). `ensureTopics` then does no admin call at all.
   */
  readonly createTopics?: (topics: readonly TopicSpec[]) => Promise<void>
}

const wrap = (what: string, err: unknown): PulseError =>
  new PulseError('BUS_UNAVAILABLE', `kafka: ${what}: ${err instanceof Error ? err.message : String(err)}`, {
    cause: err,
  })

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!raw) return out
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v
    else if (Buffer.isBuffer(v)) out[k] = v.toString('utf8')
  }
  return out
}

/**
 * The bus on Kafka (kafkajs). Producers wait for all in-sync replicas (`acks: -1`) and gzip
 * batches; consumers commit offsets manually, only after the handler resolved.
 */
export class KafkaBus implements Bus {
  readonly kind = 'kafka' as const
  readonly #kafka: Kafka
  readonly #log: Logger
  readonly #options: KafkaBusOptions
  #producer: Producer | undefined
  #admin: Admin | undefined
  readonly #consumers = new Set<KafkaConsumer>()

  constructor(options: KafkaBusOptions) {
    this.#options = options
    this.#log = options.logger ?? silentLogger
    const log = this.#log.child({ component: 'kafkajs' })
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log: entry }) => {
          const { message, ...rest } = entry
          if (level <= logLevel.ERROR) log.error(rest, message)
          else if (level === logLevel.WARN) log.warn(rest, message)
          else log.debug(rest, message)
        },
    }
    if (options.ssl) config.ssl = true
    if (options.sasl) config.sasl = { ...options.sasl } as SASLOptions
    this.#kafka = new Kafka(config)
  }

  async #adminClient(): Promise<Admin> {
    if (!this.#admin) {
      const admin = this.#kafka.admin()
      try {
        await admin.connect()
      } catch (err) {
        throw wrap('admin connect', err)
      }
      this.#admin = admin
    }
    return this.#admin
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    if (this.#options.createTopics) return this.#options.createTopics(topics)
    const admin = await this.#adminClient()
    try {
      const existing = new Set(await admin.listTopics())
      const missing = topics.filter((t) => !existing.has(t.name))
      if (missing.length === 0) return
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: this.#options.replicationFactor ?? -1,
        })),
      })
    } catch (err) {
      throw wrap('create topics', err)
    }
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return
    if (!this.#producer) {
      const producer = this.#kafka.producer({ allowAutoTopicCreation: true })
      try {
        await producer.connect()
      } catch (err) {
        throw wrap('producer connect', err)
      }
      this.#producer = producer
    }
    try {
      await this.#producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: messages.map((m) => ({
          key: m.key,
          value: typeof m.value === 'string' ? m.value : Buffer.from(m.value),
          headers: { ...(m.headers ?? {}) },
        })),
      })
    } catch (err) {
      throw wrap(`publish to ${topic}`, err)
    }
  }

  async consume(options: ConsumeOptions): Promise<Consumer> {
    const consumer = this.#kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: true })
    const backoff = this.#options.retryBackoffMs ?? { initial: 200, max: 10_000 }
    const max = options.maxBatchSize ?? 1_000
    const log = this.#log.child({ group: options.groupId })
    try {
      await consumer.connect()
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: true })
    } catch (err) {
      throw wrap(`consumer ${options.groupId} connect`, err)
    }
    this.#consumers.add(consumer)
    let failure: string | undefined
    let assigned: Record<string, number[]> = {}
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      assigned = event.payload.memberAssignment
    })
    consumer.on(consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload
      log.error({ err: error, restart }, 'kafka consumer crashed')
      if (!restart) failure = `consumer ${options.groupId} crashed: ${error.message}`
    })
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        for (let i = 0; i < batch.messages.length; i += max) {
          const chunk: IncomingMessage[] = batch.messages.slice(i, i + max).map((m) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: Number(m.offset),
            key: m.key ? m.key.toString('utf8') : null,
            value: m.value ?? new Uint8Array(),
            headers: headersOf(m.headers),
          }))
          const last = chunk[chunk.length - 1]
          if (!last) continue
          const mb: MessageBatch = { topic: batch.topic, partition: batch.partition, messages: chunk }
          let delay = backoff.initial
          for (;;) {
            if (!isRunning() || isStale()) return
            try {
              await options.handler(mb)
              break
            } catch (err) {
              options.onError?.(err, mb)
              log.warn(
                { err, topic: batch.topic, partition: batch.partition, delay },
                'handler failed; retrying',
              )
              await heartbeat()
              await sleep(delay)
              delay = Math.min(delay * 2, backoff.max)
            }
          }
          await consumer.commitOffsets([
            { topic: batch.topic, partition: batch.partition, offset: String(last.offset + 1) },
          ])
          // kafkajs fetches from the last *resolved* offset: without this, every batch comes again.
          resolveOffset(String(last.offset))
          await heartbeat()
        }
      },
    })
    /** End offsets against the group's committed offsets (the low watermark where it has none). */
    const lagByPartition = async (): Promise<Record<string, Record<number, number>>> => {
      const admin = await this.#adminClient()
      const out: Record<string, Record<number, number>> = {}
      for (const topic of options.topics) {
        const [ends, committed] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId: options.groupId, topics: [topic] }),
        ])
        const done = new Map(
          (committed[0]?.partitions ?? []).map((p) => [p.partition, Math.max(0, Number(p.offset))]),
        )
        const lags: Record<number, number> = {}
        for (const p of ends) lags[p.partition] = Number(p.high) - (done.get(p.partition) ?? Number(p.low))
        out[topic] = lags
      }
      return out
    }
    return {
      assignment: () => assigned,
      health: () => (failure === undefined ? { ok: true } : { ok: false, error: failure }),
      pause: () => consumer.pause(options.topics.map((topic) => ({ topic }))),
      resume: () => consumer.resume(options.topics.map((topic) => ({ topic }))),
      lag: async () => totalLag(await lagByPartition()),
      lagByPartition,
      stop: async () => {
        this.#consumers.delete(consumer)
        await consumer.disconnect()
      },
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#consumers].map((c) => c.disconnect()))
    this.#consumers.clear()
    await this.#producer?.disconnect()
    await this.#admin?.disconnect()
  }
}
