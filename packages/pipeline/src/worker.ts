import type { Bus, Consumer, IncomingMessage } from '@pulse/bus'
import {
  type Clock,
  groupOrigins,
  type Logger,
  ORIGIN_HEADER,
  type Outcome,
  silentLogger,
  systemClock,
  TOPICS,
} from '@pulse/core'
import { deadLetterFor, deadLetterMessage } from './dead-letters.ts'
import { runChain, type Stage } from './stage.ts'

export interface Emitted<O> {
  readonly value: O
  readonly message: IncomingMessage
}

export interface WorkerOptions<I, O> {
  /** Service name: used in logs, metrics and as the stage of decode dead letters. */
  readonly name: string
  readonly bus: Bus
  readonly groupId: string
  readonly topics: readonly string[]
  readonly maxBatchSize?: number
  readonly decode: (message: IncomingMessage) => Outcome<I>
  readonly stages: readonly Stage<unknown, unknown>[]
  /** Receives the batch's successful outputs; throwing fails the batch (it is redelivered). */
  readonly emit: (items: Emitted<O>[]) => Promise<void>
  readonly logger?: Logger
  readonly clock?: Clock
}

export interface WorkerStats {
  consumed: number
  emitted: number
  dropped: number
  deadLettered: number
  batches: number
  failedBatches: number
  lastBatchMs: number
}

export interface Worker {
  readonly name: string
  readonly stats: Readonly<WorkerStats>
  readonly consumer: Consumer
  /** The consumer's health, with the worker's counters as detail. */
  health(): { ok: boolean; detail: Record<string, unknown> }
  stop(): Promise<void>
}

/**
 * Consumes topics as a group and runs every batch through decode → stages → emit. Dead letters go
 * to the dead-letter topic with the reason; drops are acknowledged to their source. The batch is
 * committed only after all of that succeeded.
 */
export async function startWorker<I, O>(options: WorkerOptions<I, O>): Promise<Worker> {
  const log = (options.logger ?? silentLogger).child({ worker: options.name })
  const clock = options.clock ?? systemClock
  const stats: WorkerStats = {
    consumed: 0,
    emitted: 0,
    dropped: 0,
    deadLettered: 0,
    batches: 0,
    failedBatches: 0,
    lastBatchMs: 0,
  }
  const consumer = await options.bus.consume({
    groupId: options.groupId,
    topics: options.topics,
    ...(options.maxBatchSize ? { maxBatchSize: options.maxBatchSize } : {}),
    onError: () => {
      stats.failedBatches++
    },
    handler: async (batch) => {
      const started = clock.now()
      const decoded: { value: I; message: IncomingMessage }[] = []
      const letters: ReturnType<typeof deadLetterMessage>[] = []
      const dropped: IncomingMessage[] = []
      for (const message of batch.messages) {
        const outcome = options.decode(message)
        if (outcome.kind === 'ok') decoded.push({ value: outcome.value, message })
        else if (outcome.kind === 'drop') dropped.push(message)
        else {
          const letter = deadLetterFor(
            message,
            `${options.name}.decode`,
            outcome.reason,
            outcome.cause,
            clock.now(),
          )
          letters.push(deadLetterMessage(letter, message.headers[ORIGIN_HEADER]))
        }
      }
      const results = await runChain<I, O>(
        options.stages,
        decoded.map((d) => d.value),
      )
      const out: Emitted<O>[] = []
      results.forEach((r, i) => {
        const message = (decoded[i] as { message: IncomingMessage }).message
        if (r.ok) out.push({ value: r.value, message })
        else if (r.kind === 'drop') dropped.push(message)
        else {
          const letter = deadLetterFor(message, r.stage, r.reason, r.cause, clock.now())
          letters.push(deadLetterMessage(letter, message.headers[ORIGIN_HEADER]))
        }
      })
      if (letters.length > 0) await options.bus.publish(TOPICS.deadLetters, letters)
      if (dropped.length > 0) {
        const acks = groupOrigins(dropped.map((m) => m.headers[ORIGIN_HEADER]))
        if (acks.length > 0) {
          await options.bus.publish(
            TOPICS.acks,
            acks.map((a) => ({ key: a.source, value: JSON.stringify(a) })),
          )
        }
      }
      if (out.length > 0) await options.emit(out)
      stats.consumed += batch.messages.length
      stats.emitted += out.length
      stats.dropped += dropped.length
      stats.deadLettered += letters.length
      stats.batches++
      stats.lastBatchMs = clock.now() - started
      if (letters.length > 0) log.debug({ count: letters.length }, 'dead-lettered')
    },
  })
  return {
    name: options.name,
    stats,
    consumer,
    health: () => {
      const h = consumer.health()
      return { ok: h.ok, detail: { ...stats, ...(h.error ? { error: h.error } : {}) } }
    },
    stop: () => consumer.stop(),
  }
}
