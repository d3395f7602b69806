import type { Logger } from '@pulse/core'
import { type ConsumeOptions, type Consumer, type MessageBatch, totalLag } from './bus.ts'
import { Notifier, nextTurn, sleep } from './signal.ts'

/** What a consumer needs from the embedded bus that owns its group's offsets and partitions. */
export interface ConsumerHost {
  readonly backoff: { readonly initial: number; readonly max: number }
  /** The partitions of `topic` this consumer owns (split evenly across the group). */
  assignment(consumer: EmbeddedConsumer, topic: string): number[]
  /** Next batch for a group at its committed offset, or null when caught up. */
  fetch(groupId: string, topic: string, p: number, max: number): MessageBatch | null
  commit(groupId: string, topic: string, p: number, nextOffset: number): void
  partitionLagOf(groupId: string, topic: string): Record<number, number>
  leave(consumer: EmbeddedConsumer): void
  waitForPublish(timeoutMs: number): Promise<void>
  /** Wakes every waiting consumer loop (used when one stops). */
  wake(): void
}

/**
 * One member of a consumer group on the embedded bus: a loop per owned partition fetches a batch
 * at the group's committed offset, runs the handler, and commits only after it succeeds (a failed
 * batch is redelivered with backoff).
 */
export class EmbeddedConsumer implements Consumer {
  readonly groupId: string
  #inFlight = 0
  #paused = false
  #stopped = false
  #loop: Promise<void> | undefined
  readonly #bus: ConsumerHost
  readonly #options: ConsumeOptions
  readonly #log: Logger
  readonly #resumed = new Notifier()

  constructor(bus: ConsumerHost, options: ConsumeOptions, log: Logger) {
    this.#bus = bus
    this.#options = options
    this.groupId = options.groupId
    this.#log = log
  }

  start(): void {
    this.#loop = this.#run()
  }

  /** One loop per owned partition, so a slow batch on one partition does not stall the others. */
  async #run(): Promise<void> {
    const loops = new Map<string, Promise<void>>()
    while (!this.#stopped) {
      for (const topic of this.#options.topics) {
        for (const p of this.#bus.assignment(this, topic)) {
          const id = `${topic}/${p}`
          if (!loops.has(id)) {
            loops.set(
              id,
              this.#runPartition(topic, p).finally(() => loops.delete(id)),
            )
          }
        }
      }
      await this.#bus.waitForPublish(500)
    }
    await Promise.all(loops.values())
  }

  async #runPartition(topic: string, p: number): Promise<void> {
    const max = this.#options.maxBatchSize ?? 1_000
    while (!this.#stopped && this.#bus.assignment(this, topic).includes(p)) {
      if (this.#paused) {
        await this.#resumed.wait(500)
        continue
      }
      const batch = this.#bus.fetch(this.groupId, topic, p, max)
      if (batch) {
        await this.#deliver(batch)
        // In-process everything a handler awaits may already be settled, so without this a backlog
        // is drained batch after batch in one run of microtasks: timers (the sink's flush, the
        // clock) wait, and results from worker threads queue up while the threads sit idle.
        await nextTurn()
      } else await this.#bus.waitForPublish(200)
    }
  }

  async #deliver(batch: MessageBatch): Promise<void> {
    let delay = this.#bus.backoff.initial
    this.#inFlight++
    try {
      for (;;) {
        try {
          await this.#options.handler(batch)
          const last = batch.messages[batch.messages.length - 1]
          if (last) this.#bus.commit(this.groupId, batch.topic, batch.partition, last.offset + 1)
          return
        } catch (err) {
          this.#options.onError?.(err, batch)
          this.#log.warn(
            { err, topic: batch.topic, partition: batch.partition, delay },
            'handler failed; redelivering',
          )
          if (this.#stopped) return
          await sleep(delay)
          delay = Math.min(delay * 2, this.#bus.backoff.max)
        }
      }
    } finally {
      this.#inFlight--
    }
  }

  assignment(): Record<string, number[]> {
    return Object.fromEntries(this.#options.topics.map((t) => [t, this.#bus.assignment(this, t)]))
  }

  health(): { ok: boolean; error?: string } {
    return this.#stopped ? { ok: false, error: 'stopped' } : { ok: true }
  }

  get busy(): boolean {
    return this.#inFlight > 0
  }

  pause(): void {
    this.#paused = true
  }

  resume(): void {
    this.#paused = false
    this.#resumed.notify()
  }

  async lag(): Promise<Record<string, number>> {
    return totalLag(await this.lagByPartition())
  }

  async lagByPartition(): Promise<Record<string, Record<number, number>>> {
    return Object.fromEntries(this.#options.topics.map((t) => [t, this.#bus.partitionLagOf(this.groupId, t)]))
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#resumed.notify()
    this.#bus.wake()
    await this.#loop
    this.#bus.leave(this)
  }
}
