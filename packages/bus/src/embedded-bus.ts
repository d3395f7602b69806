import { type Logger, PulseError, silentLogger } from '@pulse/core'
import {
  type Bus,
  type ConsumeOptions,
  type Consumer,
  encodeValue,
  type IncomingMessage,
  type MessageBatch,
  type OutgoingMessage,
  partitionFor,
  type TopicSpec,
} from './bus.ts'
import { type ConsumerHost, EmbeddedConsumer } from './embedded-consumer.ts'
import { Notifier } from './signal.ts'

export interface EmbeddedBusOptions {
  /** Partitions for topics created implicitly. */
  readonly defaultPartitions?: number
  /** Uncommitted messages a partition holds before `publish` waits (backpressure). */
  readonly partitionCapacity?: number
  readonly logger?: Logger
  readonly retryBackoffMs?: { readonly initial: number; readonly max: number }
}

interface Partition {
  /** Offset of messages[0]; everything below has been committed by every group and released. */
  base: number
  messages: IncomingMessage[]
}

interface Group {
  readonly committed: number[]
  readonly consumers: Set<EmbeddedConsumer>
}

interface Topic {
  readonly name: string
  readonly partitions: Partition[]
  readonly groups: Map<string, Group>
  rr: number
}

/**
 * In-process bus with Kafka's semantics where they matter: keyed partitions, per-group committed
 * offsets, commit only after the handler succeeds, redelivery after a failure. Buffers are bounded:
 * `publish` waits while a partition holds `partitionCapacity` uncommitted messages, so a slow
 * consumer slows producers instead of growing memory or dropping anything.
 */
export class EmbeddedBus implements Bus, ConsumerHost {
  readonly kind = 'embedded' as const
  readonly #topics = new Map<string, Topic>()
  readonly #published = new Notifier()
  readonly #committed = new Notifier()
  readonly #partitions: number
  readonly #capacity: number
  readonly #log: Logger
  readonly backoff: { readonly initial: number; readonly max: number }
  #closed = false

  constructor(options: EmbeddedBusOptions = {}) {
    this.#partitions = options.defaultPartitions ?? 4
    this.#capacity = options.partitionCapacity ?? 20_000
    this.#log = options.logger ?? silentLogger
    this.backoff = options.retryBackoffMs ?? { initial: 100, max: 5_000 }
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    for (const t of topics) this.#topic(t.name, t.partitions)
  }

  #topic(name: string, partitions = this.#partitions): Topic {
    let topic = this.#topics.get(name)
    if (!topic) {
      topic = {
        name,
        partitions: Array.from({ length: partitions }, () => ({ base: 0, messages: [] })),
        groups: new Map(),
        rr: 0,
      }
      this.#topics.set(name, topic)
    }
    return topic
  }

  async publish(topicName: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.#closed) throw new PulseError('BUS_CLOSED', `publish to ${topicName} after the bus closed`)
    const topic = this.#topic(topicName)
    const n = topic.partitions.length
    const byPartition = new Map<number, OutgoingMessage[]>()
    for (const m of messages) {
      const p = partitionFor(m.key, n, topic.rr++)
      const list = byPartition.get(p)
      if (list) list.push(m)
      else byPartition.set(p, [m])
    }
    for (const [p, list] of byPartition) {
      const partition = topic.partitions[p] as Partition
      while (this.#backlog(topic, p) >= this.#capacity) {
        if (this.#closed) throw new PulseError('BUS_CLOSED', `publish to ${topicName} after the bus closed`)
        await this.#committed.wait(1_000)
      }
      for (const m of list) {
        partition.messages.push({
          topic: topicName,
          partition: p,
          offset: partition.base + partition.messages.length,
          key: m.key,
          value: encodeValue(m.value),
          headers: m.headers ?? {},
        })
      }
    }
    this.#published.notify()
  }

  /**
   * Messages in partition p that the slowest group with a live consumer has not committed. Before
   * any group exists everything counts (nothing is dropped before someone can read it); groups
   * whose consumers have all left do not hold producers back (they keep their offsets, like Kafka).
   */
  #backlog(topic: Topic, p: number): number {
    const partition = topic.partitions[p] as Partition
    const end = partition.base + partition.messages.length
    if (topic.groups.size === 0) return partition.messages.length
    let min = end
    for (const g of topic.groups.values()) if (g.consumers.size > 0) min = Math.min(min, g.committed[p] ?? 0)
    return end - min
  }

  /**
   * Releases messages every group has committed, so memory stays bounded. A group with no live
   * consumer keeps at most `partitionCapacity` messages (retention, as a broker would apply).
   */
  #release(topic: Topic, p: number): void {
    const partition = topic.partitions[p] as Partition
    const end = partition.base + partition.messages.length
    let min = Number.POSITIVE_INFINITY
    for (const g of topic.groups.values()) {
      const committed = g.committed[p] ?? 0
      min = Math.min(min, g.consumers.size > 0 ? committed : Math.max(committed, end - this.#capacity))
    }
    const drop = Math.min(min - partition.base, partition.messages.length)
    if (drop > 0 && Number.isFinite(drop)) {
      partition.messages.splice(0, drop)
      partition.base += drop
      for (const g of topic.groups.values()) g.committed[p] = Math.max(g.committed[p] ?? 0, partition.base)
    }
  }

  async consume(options: ConsumeOptions): Promise<Consumer> {
    const consumer = new EmbeddedConsumer(this, options, this.#log.child({ group: options.groupId }))
    for (const name of options.topics) {
      const topic = this.#topic(name)
      let group = topic.groups.get(options.groupId)
      if (!group) {
        // A new group starts at the oldest retained message, like auto.offset.reset=earliest.
        group = { committed: topic.partitions.map((p) => p.base), consumers: new Set() }
        topic.groups.set(options.groupId, group)
      }
      group.consumers.add(consumer)
    }
    consumer.start()
    return consumer
  }

  /** @internal The partitions of `topic` this consumer owns (split evenly across the group). */
  assignment(consumer: EmbeddedConsumer, topicName: string): number[] {
    const topic = this.#topic(topicName)
    const group = topic.groups.get(consumer.groupId)
    if (!group) return []
    const members = [...group.consumers]
    const index = members.indexOf(consumer)
    return topic.partitions.map((_, p) => p).filter((p) => p % members.length === index)
  }

  /** @internal Next batch for a group at its committed offset, or null when caught up. */
  fetch(groupId: string, topicName: string, p: number, max: number): MessageBatch | null {
    const topic = this.#topic(topicName)
    const group = topic.groups.get(groupId)
    const partition = topic.partitions[p]
    if (!group || !partition) return null
    const from = (group.committed[p] ?? 0) - partition.base
    if (from >= partition.messages.length) return null
    return { topic: topicName, partition: p, messages: partition.messages.slice(from, from + max) }
  }

  /** @internal */
  commit(groupId: string, topicName: string, p: number, nextOffset: number): void {
    const topic = this.#topic(topicName)
    const group = topic.groups.get(groupId)
    if (!group) return
    group.committed[p] = Math.max(group.committed[p] ?? 0, nextOffset)
    this.#release(topic, p)
    this.#committed.notify()
  }

  /** @internal */
  lagOf(groupId: string, topicName: string): number {
    return Object.values(this.partitionLagOf(groupId, topicName)).reduce((a, b) => a + b, 0)
  }

  /** @internal */
  partitionLagOf(groupId: string, topicName: string): Record<number, number> {
    const topic = this.#topic(topicName)
    const group = topic.groups.get(groupId)
    const lag: Record<number, number> = {}
    topic.partitions.forEach((partition, p) => {
      lag[p] = partition.base + partition.messages.length - (group?.committed[p] ?? partition.base)
    })
    return lag
  }

  /** @internal */
  leave(consumer: EmbeddedConsumer): void {
    for (const topic of this.#topics.values()) {
      topic.groups.get(consumer.groupId)?.consumers.delete(consumer)
      for (let p = 0; p < topic.partitions.length; p++) this.#release(topic, p)
    }
    this.#committed.notify()
  }

  /** True when every group with a live consumer has committed everything and no handler runs. */
  isIdle(): boolean {
    for (const topic of this.#topics.values()) {
      for (const [groupId, group] of topic.groups) {
        if (group.consumers.size === 0) continue
        if (this.lagOf(groupId, topic.name) > 0) return false
        for (const c of group.consumers) if (c.busy) return false
      }
    }
    return true
  }

  /** Resolves when the bus is idle (see `isIdle`), checking as work completes. */
  async whenIdle(signal?: AbortSignal): Promise<void> {
    while (!this.isIdle() && !signal?.aborted) await this.#committed.wait(50)
  }

  waitForPublish(timeoutMs: number): Promise<void> {
    return this.#published.wait(timeoutMs)
  }

  /** @internal Wakes every waiting consumer loop (used when one stops). */
  wake(): void {
    this.#published.notify()
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#published.notify()
    this.#committed.notify()
  }
}
