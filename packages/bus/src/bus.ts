/** A message to publish. Messages with the same key land in the same partition, in order. */
export interface OutgoingMessage {
  readonly key: string | null
  readonly value: string | Uint8Array
  readonly headers?: Readonly<Record<string, string>>
}

export interface IncomingMessage {
  readonly topic: string
  readonly partition: number
  readonly offset: number
  readonly key: string | null
  readonly value: Uint8Array
  readonly headers: Readonly<Record<string, string>>
}

/** A batch from one partition, in offset order. */
export interface MessageBatch {
  readonly topic: string
  readonly partition: number
  readonly messages: readonly IncomingMessage[]
}

export interface ConsumeOptions {
  readonly groupId: string
  readonly topics: readonly string[]
  /** Largest batch handed to the handler. */
  readonly maxBatchSize?: number
  /**
   * Called once per batch. When it resolves, the batch's offsets are committed; when it throws,
   * nothing is committed and the batch is delivered again after a backoff.
   */
  readonly handler: (batch: MessageBatch) => Promise<void>
  /** Called when a handler throws (before the redelivery backoff). */
  readonly onError?: (err: unknown, batch: MessageBatch) => void
}

export interface Consumer {
  /** Stop fetching new batches (backpressure); in-flight handlers finish. */
  pause(): void
  resume(): void
  /** Messages published but not yet committed by this group, per topic. */
  lag(): Promise<Record<string, number>>
  /**
   * The same per partition (every partition of each topic, owned by this consumer or not), so a
   * consumer can tell a partition that is behind from one that merely has its latest posts queued.
   */
  lagByPartition(): Promise<Record<string, Record<number, number>>>
  /**
   * Partitions this consumer owns right now, per topic (empty until the group has assigned them).
   * A consumer that orders by event time across partitions waits for all of them.
   */
  assignment(): Readonly<Record<string, readonly number[]>>
  /** Finish the in-flight batch, commit it, and stop. */
  stop(): Promise<void>
  /** Whether the consumer is still consuming; `error` says why not (a crash it will not recover from). */
  health(): { readonly ok: boolean; readonly error?: string }
}

export interface TopicSpec {
  readonly name: string
  readonly partitions: number
}

/** The bus every service talks to. */
export interface Bus {
  readonly kind: 'embedded' | 'kafka'
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>
  /** Resolves once every message is accepted (embedded: buffered; Kafka: acknowledged by all in-sync replicas). */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>
  consume(options: ConsumeOptions): Promise<Consumer>
  close(): Promise<void>
}

export function encodeValue(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value
}

/** Kafka's default partitioner family: murmur2 would tie us to Java; FNV-1a is stable and fast. */
export function partitionFor(key: string | null, partitions: number, roundRobin: number): number {
  if (key === null) return roundRobin % partitions
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % partitions
}

/** Per-topic totals of a consumer's per-partition lag (what `Consumer.lag` reports). */
export function totalLag(
  byPartition: Readonly<Record<string, Readonly<Record<number, number>>>>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(byPartition).map(([topic, lags]) => [
      topic,
      Object.values(lags).reduce((a, b) => a + b, 0),
    ]),
  )
}
