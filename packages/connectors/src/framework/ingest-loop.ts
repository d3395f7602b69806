import type { Mention, Outcome } from '@pulse/core'
import type { CheckpointStore, Connector } from './connector.ts'

export interface IngestLoopOptions<C> {
  readonly connector: Connector<C>
  readonly checkpoints: CheckpointStore
  /**
   * Stores a batch of outcomes (in order, one per normalised item) and resolves once the sink has
   * confirmed the write; only then is the batch's last checkpoint committed. A throw stops the loop
   * with nothing committed for that batch, so it is read again on restart.
   */
  readonly sink: (outcomes: readonly Outcome<Mention>[]) => Promise<void>
  readonly signal: AbortSignal
  /** Flush after this many outcomes (default 100) … */
  readonly batchSize?: number
  /** … or after this many deliveries without a flush (default 1: low latency for streams). */
  readonly maxDeliveriesPerBatch?: number
  /** Load the checkpoint with this parser (a stored value may predate the current shape). */
  readonly parseCheckpoint?: (stored: unknown) => C | undefined
}

/**
 * Runs one connector: loads its committed checkpoint, reads raw payloads, normalises them, hands
 * each batch to the sink and commits the checkpoint of the last delivery in the batch after the
 * sink confirms. Returns when the signal aborts or the connector ends.
 */
export async function runIngestLoop<C>(opts: IngestLoopOptions<C>): Promise<void> {
  const { connector, checkpoints, sink, signal } = opts
  const batchSize = opts.batchSize ?? 100
  const maxDeliveries = opts.maxDeliveriesPerBatch ?? 1
  const stored = await checkpoints.load(connector.name)
  const from = opts.parseCheckpoint ? opts.parseCheckpoint(stored) : (stored as C | undefined)
  let batch: Outcome<Mention>[] = []
  let deliveries = 0
  let last: { checkpoint: C } | null = null
  const flush = async (): Promise<void> => {
    if (last === null) return
    if (batch.length > 0) await sink(batch)
    await checkpoints.commit(connector.name, last.checkpoint)
    batch = []
    deliveries = 0
    last = null
  }
  for await (const d of connector.read(from, signal)) {
    batch.push(...connector.normalise(d.raw))
    last = { checkpoint: d.checkpoint }
    deliveries++
    if (batch.length >= batchSize || deliveries >= maxDeliveries) await flush()
    if (signal.aborted) break
  }
  await flush()
}
