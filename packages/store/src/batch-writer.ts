import { type Clock, type Logger, PulseError, silentLogger, systemClock } from '@pulse/core'

export interface BatchWriterOptions<T> {
  readonly name: string
  /** Flush as soon as this many rows are pending. */
  readonly maxRows: number
  /** Rows an item holds (1 when absent): items may be slices of rows prepared together. */
  readonly rowsOf?: (item: T) => number
  /** Flush at the latest this long after the first pending row arrived. */
  readonly maxDelayMs: number
  /** Writes one batch; must be idempotent (it may be called again with the same rows). */
  readonly write: (rows: T[]) => Promise<void>
  readonly retry?: { readonly attempts: number; readonly initialMs: number; readonly maxMs: number }
  readonly logger?: Logger
  readonly clock?: Clock
  readonly sleep?: (ms: number) => Promise<void>
  readonly onFlush?: (stats: { rows: number; ms: number; attempts: number }) => void
}

export interface BatchWriter<T> {
  /** Resolves once the rows are written (as part of some flush), rejects if the flush gave up. */
  add(rows: readonly T[]): Promise<void>
  flush(): Promise<void>
  readonly pending: number
}

interface Waiter {
  resolve(): void
  reject(err: unknown): void
}

/**
 * Accumulates rows from concurrent callers and writes them in batches, by size or by time. A
 * failed write is retried with exponential backoff; after the last attempt every caller of that
 * batch gets the error (so the bus does not commit and redelivers).
 */
export function createBatchWriter<T>(options: BatchWriterOptions<T>): BatchWriter<T> {
  const log = options.logger ?? silentLogger
  const clock = options.clock ?? systemClock
  const retry = options.retry ?? { attempts: 5, initialMs: 100, maxMs: 5_000 }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const rowsOf = options.rowsOf ?? (() => 1)
  let rows: T[] = []
  /** Rows in `rows` (each item counted by `rowsOf`). */
  let pendingRows = 0
  let waiters: Waiter[] = []
  let timer: NodeJS.Timeout | undefined
  let chain: Promise<void> = Promise.resolve()

  const writeWithRetry = async (batch: T[]): Promise<number> => {
    let delay = retry.initialMs
    for (let attempt = 1; ; attempt++) {
      try {
        await options.write(batch)
        return attempt
      } catch (err) {
        if (attempt >= retry.attempts) {
          throw err instanceof PulseError
            ? err
            : new PulseError('SINK_UNAVAILABLE', `${options.name}: write failed after ${attempt} attempts`, {
                cause: err,
              })
        }
        log.warn({ err, writer: options.name, attempt, delay }, 'write failed; retrying')
        await sleep(delay * (0.5 + Math.random() / 2))
        delay = Math.min(delay * 2, retry.maxMs)
      }
    }
  }

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    if (rows.length === 0) return chain
    const batch = rows
    const batchRows = pendingRows
    const batchWaiters = waiters
    rows = []
    pendingRows = 0
    waiters = []
    // Writes are serialised so batches land in order and the store sees one insert at a time.
    chain = chain.then(async () => {
      const started = clock.now()
      try {
        const attempts = await writeWithRetry(batch)
        options.onFlush?.({ rows: batchRows, ms: clock.now() - started, attempts })
        for (const w of batchWaiters) w.resolve()
      } catch (err) {
        for (const w of batchWaiters) w.reject(err)
      }
    })
    return chain
  }

  return {
    add(newRows) {
      if (newRows.length === 0) return Promise.resolve()
      for (const r of newRows) {
        rows.push(r)
        pendingRows += rowsOf(r)
      }
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }))
      if (pendingRows >= options.maxRows) void flush()
      else if (!timer) timer = setTimeout(() => void flush(), options.maxDelayMs)
      return done
    },
    flush,
    get pending() {
      return pendingRows
    },
  }
}
