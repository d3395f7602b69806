import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type Clock, type Logger, type Outcome, ok, PulseError, type Watchlist } from '@pulse/core'
import type { Stage } from '@pulse/pipeline'
import type {
  ThreadInit,
  ThreadRefusal,
  ThreadReply,
  ThreadRequest,
  ThreadResults,
} from './thread-protocol.ts'

export interface EnrichThreadsOptions {
  /** Worker threads to run (at least 1). */
  readonly threads: number
  readonly watchlist: Watchlist
  readonly hashKey: string
  /** Read once per batch on this thread and handed to the worker, so `enrichedAt` follows it. */
  readonly clock: Clock
  readonly logger: Logger
  /** How long a thread may take to load before the pool gives up. Default 120 s. */
  readonly startTimeoutMs?: number
}

export interface EnrichThreads {
  /**
   * Raw mention messages in, enriched mentions out as JSON in UTF-8 (or where and why each was
   * refused). Each is a view of the batch's buffer, which lives as long as any of them.
   */
  readonly stage: Stage<Uint8Array, Uint8Array>
  /** Threads alive and ready. */
  readonly alive: () => number
  close(): Promise<void>
}

/** Enrichment threads to run by default: one per core beyond the one the rest of the pipeline uses, at most 4. */
export function defaultEnrichThreads(cores = availableParallelism()): number {
  return Math.min(4, Math.max(0, cores - 1))
}

interface Pending {
  readonly resolve: (results: ThreadResults) => void
  readonly reject: (err: Error) => void
}

interface Thread {
  readonly worker: Worker
  readonly pending: Map<number, Pending>
}

const here = fileURLToPath(import.meta.url)
const BOOT = new URL('./thread-boot.mjs', import.meta.url)
// The entry has this module's extension: .ts when Pulse runs from source, .js when compiled.
const ENTRY = new URL(`./thread-entry${extname(here)}`, import.meta.url).href

/**
 * Young-generation size of an enrichment thread's heap. Enrichment allocates about 19 KB per
 * mention that dies within the mention (parsed JSON, tokens, stage copies, the output text). With
 * V8's default size a young collection ran every ~700 mentions and, with its helper threads,
 * cost about a tenth of the process's CPU; at this size it runs about a quarter as often and each
 * copies little more, since what survives is mostly the slice in flight (see thread-entry).
 * Measured: about 10% less CPU per mention and no higher peak RSS (fewer objects get promoted);
 * larger sizes gained nothing more.
 */
const YOUNG_GENERATION_MB = 128

/** The messages end to end in one new buffer (see `ThreadRequest`). */
function pack(values: readonly Uint8Array[]): {
  bytes: Uint8Array<ArrayBuffer>
  ends: Uint32Array<ArrayBuffer>
} {
  let total = 0
  for (const v of values) total += v.byteLength
  const bytes = new Uint8Array(total)
  const ends = new Uint32Array(values.length)
  let at = 0
  values.forEach((v, i) => {
    bytes.set(v, at)
    at += v.byteLength
    ends[i] = at
  })
  return { bytes, ends }
}

/** A batch's results as outcomes, in request order. */
function outcomesOf(r: ThreadResults): Outcome<Uint8Array>[] {
  const out: Outcome<Uint8Array>[] = new Array(r.ends.length)
  const { buffer, byteOffset } = r.bytes
  let start = 0
  for (let i = 0; i < r.ends.length; i++) {
    const end = r.ends[i] as number
    out[i] = ok(Buffer.from(buffer, byteOffset + start, end - start))
    start = end
  }
  for (const [i, refusal] of r.refused) out[i] = toOutcome(refusal)
  return out
}

function toOutcome(r: ThreadRefusal): Outcome<Uint8Array> {
  if (r.kind === 'drop') return { kind: 'drop', reason: r.reason, stage: r.stage }
  return {
    kind: 'dlq',
    reason: r.reason,
    stage: r.stage,
    ...(r.cause === undefined ? {} : { cause: r.cause }),
  }
}

/**
 * A pool of worker threads that run the enrichment chain, so enrichment (the heaviest step per
 * mention) uses the cores the event loop cannot. Each batch goes to the thread with the fewest
 * batches in flight. A thread that dies fails its in-flight batches (the bus redelivers them) and
 * is replaced.
 */
export async function startEnrichThreads(options: EnrichThreadsOptions): Promise<EnrichThreads> {
  if (!Number.isInteger(options.threads) || options.threads < 1) {
    throw new PulseError(
      'CONFIG_INVALID',
      `enrichment threads must be a positive integer, got ${options.threads}`,
    )
  }
  const log = options.logger.child({ component: 'enrich-threads' })
  const init: ThreadInit = { entry: ENTRY, watchlist: options.watchlist, hashKey: options.hashKey }
  const timeoutMs = options.startTimeoutMs ?? 120_000
  const threads = new Set<Thread>()
  let nextId = 1
  let closing = false

  const spawn = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(BOOT, {
        workerData: init,
        name: 'pulse-enrich',
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      })
      const thread: Thread = { worker, pending: new Map() }
      let ready = false
      const timer = setTimeout(() => {
        void worker.terminate()
        reject(new PulseError('WORKER_FAILED', `enrichment thread did not start within ${timeoutMs} ms`))
      }, timeoutMs)
      const fail = (why: string): void => {
        clearTimeout(timer)
        const wasReady = ready
        threads.delete(thread)
        for (const p of thread.pending.values()) p.reject(new PulseError('WORKER_FAILED', why))
        thread.pending.clear()
        if (!wasReady) {
          reject(new PulseError('WORKER_FAILED', `enrichment thread failed to start: ${why}`))
          return
        }
        if (closing) return
        log.error({ why }, 'enrichment thread died; starting a replacement')
        spawn().catch((err: unknown) => log.error({ err }, 'could not replace an enrichment thread'))
      }
      worker.on('message', (reply: ThreadReply) => {
        if (reply.type === 'ready') {
          clearTimeout(timer)
          ready = true
          threads.add(thread)
          resolve(thread)
          return
        }
        const p = thread.pending.get(reply.id)
        if (!p) return
        thread.pending.delete(reply.id)
        if (reply.type === 'done') p.resolve(reply)
        else p.reject(new PulseError('WORKER_FAILED', `enrichment thread failed a batch: ${reply.error}`))
      })
      worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)))
      worker.on('exit', (code) => {
        if (threads.has(thread) || !ready) fail(`exited with code ${code}`)
      })
    })

  try {
    await Promise.all(Array.from({ length: options.threads }, spawn))
  } catch (err) {
    closing = true
    await Promise.all([...threads].map((t) => t.worker.terminate()))
    throw err
  }
  log.debug({ threads: threads.size }, 'enrichment threads ready')

  const run = (values: readonly Uint8Array[]): Promise<ThreadResults> => {
    let best: Thread | undefined
    for (const t of threads) if (!best || t.pending.size < best.pending.size) best = t
    if (!best || closing) {
      return Promise.reject(new PulseError('WORKER_FAILED', 'no enrichment thread is running'))
    }
    const thread = best
    const { bytes, ends } = pack(values)
    const request: ThreadRequest = { id: nextId++, now: options.clock.now(), bytes, ends }
    return new Promise((resolve, reject) => {
      thread.pending.set(request.id, { resolve, reject })
      thread.worker.postMessage(request, [bytes.buffer, ends.buffer])
    })
  }

  return {
    stage: {
      name: 'enrich',
      async process(inputs) {
        if (inputs.length === 0) return []
        const results = await run(inputs)
        if (results.ends.length !== inputs.length) {
          throw new PulseError(
            'WORKER_FAILED',
            `enrichment thread returned ${results.ends.length} of ${inputs.length}`,
          )
        }
        return outcomesOf(results)
      },
    },
    alive: () => threads.size,
    async close() {
      closing = true
      const all = [...threads]
      threads.clear()
      for (const t of all) {
        for (const p of t.pending.values())
          p.reject(new PulseError('WORKER_FAILED', 'enrichment threads closed'))
        t.pending.clear()
      }
      await Promise.all(all.map((t) => t.worker.terminate()))
    },
  }
}
