import type { IncomingMessage } from '@pulse/bus'
import {
  type DeadLetter,
  deadLetterSchema,
  decodeJson,
  enrichedMentionSchema,
  groupOrigins,
  ORIGIN_HEADER,
  type Signal,
  signalSchema,
  TOPICS,
} from '@pulse/core'
import { deadLetterFor } from '@pulse/pipeline'
import { createRedactor } from '@pulse/redact'
import type { RunningService, ServiceFactory } from '@pulse/runtime'
import { createBatchWriter, type PreparedMentions } from '@pulse/store'
import type { z } from 'zod'

/**
 * The sink service: enriched mentions, dead letters and signals → ClickHouse, in batches (by size
 * or time), idempotently. Only after a write is confirmed does it acknowledge the batch's source
 * positions (acks topic) and let the bus commit its offsets.
 */
export const sinkService: ServiceFactory = async (ctx): Promise<RunningService> => {
  const log = ctx.logger.child({ service: 'sink' })
  const store = await ctx.store()
  // A dead letter's payload is raw input (it never reached enrichment): redact PHI before storing it.
  const redactor = createRedactor({
    publishedPhones: ctx.watchlist.organization.publishedPhones,
    keepHandles: ctx.watchlist.organization.handles,
  })
  const redactLetter = (d: DeadLetter): DeadLetter => ({ ...d, payload: redactor.redact(d.payload).text })
  const stats = {
    mentions: 0,
    deadLetters: 0,
    signals: 0,
    skipped: 0,
    rowsWritten: 0,
    writeMs: 0,
    flushes: 0,
  }
  const onFlush = (s: { rows: number; ms: number }): void => {
    stats.rowsWritten += s.rows
    stats.writeMs += s.ms
    stats.flushes++
  }
  const common = { maxDelayMs: 250, logger: log, clock: ctx.clock, onFlush }
  // Mentions are encoded for the store as they arrive, so a batch waiting for its flush holds
  // bytes rather than decoded objects (see PreparedMentions).
  const mentions = createBatchWriter<PreparedMentions>({
    ...common,
    name: 'mentions',
    maxRows: 20_000,
    rowsOf: (p) => p.count,
    write: async (parts) => {
      const r = await store.writePreparedMentions(parts)
      stats.mentions += r.inserted
      stats.skipped += r.skipped
    },
  })
  const letters = createBatchWriter<DeadLetter>({
    ...common,
    name: 'dead_letters',
    maxRows: 5_000,
    write: async (rows) => {
      const r = await store.writeDeadLetters(rows.map(redactLetter))
      stats.deadLetters += r.inserted
    },
  })
  const signals = createBatchWriter<Signal>({
    ...common,
    name: 'signals',
    maxRows: 1_000,
    write: async (rows) => {
      const r = await store.writeSignals(rows)
      stats.signals += r.inserted
    },
  })

  /** Splits a batch into decoded rows and messages that become dead letters themselves. */
  function decodeAll<S extends z.ZodType>(
    messages: readonly IncomingMessage[],
    schema: S,
  ): { rows: z.output<S>[]; bad: DeadLetter[] } {
    const rows: z.output<S>[] = []
    const bad: DeadLetter[] = []
    for (const m of messages) {
      const o = decodeJson(schema, m.value)
      if (o.kind === 'ok') rows.push(o.value)
      else
        bad.push(
          deadLetterFor(
            m,
            'sink.decode',
            o.kind === 'dlq' ? o.reason : 'dropped',
            undefined,
            ctx.clock.now(),
          ),
        )
    }
    return { rows, bad }
  }

  const consumer = await ctx.bus.consume({
    groupId: 'pulse-sink',
    topics: [TOPICS.mentionsEnriched, TOPICS.deadLetters, TOPICS.signals],
    maxBatchSize: 20_000,
    handler: async (batch) => {
      if (batch.topic === TOPICS.mentionsEnriched) {
        const { rows, bad } = decodeAll(batch.messages, enrichedMentionSchema)
        await Promise.all([
          rows.length > 0 ? mentions.add([store.prepareMentions(rows)]) : undefined,
          letters.add(bad),
        ])
      } else if (batch.topic === TOPICS.deadLetters) {
        const { rows, bad } = decodeAll(batch.messages, deadLetterSchema)
        await letters.add([...rows, ...bad])
      } else {
        const { rows, bad } = decodeAll(batch.messages, signalSchema)
        await Promise.all([signals.add(rows), letters.add(bad)])
        return
      }
      const acks = groupOrigins(batch.messages.map((m) => m.headers[ORIGIN_HEADER]))
      if (acks.length > 0) {
        await ctx.bus.publish(
          TOPICS.acks,
          acks.map((a) => ({ key: a.source, value: JSON.stringify(a) })),
        )
      }
    },
  })

  return {
    name: 'sink',
    stats: () => ({
      ...stats,
      rowsPerSecond: stats.writeMs > 0 ? (stats.rowsWritten / stats.writeMs) * 1000 : 0,
    }),
    health: () => {
      const h = consumer.health()
      return {
        ok: h.ok,
        detail: {
          pending: mentions.pending + letters.pending + signals.pending,
          ...(h.error ? { error: h.error } : {}),
        },
      }
    },
    drain: async () => {
      await Promise.all([mentions.flush(), letters.flush(), signals.flush()])
    },
    stop: async () => {
      await consumer.stop()
      await Promise.all([mentions.flush(), letters.flush(), signals.flush()])
    },
  }
}
