import { parentPort, workerData } from 'node:worker_threads'
import { decodeJsonOnce, type EnrichedMention, errorMessage, type Mention, mentionSchema } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { runChain } from '@pulse/pipeline'
import { z } from 'zod'
import { createEnrichedEncoder } from './enriched-json.ts'
import type {
  ThreadInit,
  ThreadRefusal,
  ThreadReply,
  ThreadRequest,
  ThreadResults,
} from './thread-protocol.ts'

/**
 * An enrichment thread: decodes raw mention messages, runs the same enrichment chain the service
 * runs in-process, validates each result against the enriched-mention schema and returns it
 * already encoded as JSON in UTF-8, so the main thread only moves bytes (and consumers in this
 * process need not validate it again). Requests are handled one at a time, in arrival order.
 */
const port = parentPort
if (!port) throw new Error('thread-entry must run on a worker thread')
const init = workerData as ThreadInit
let now = 0
const enricher = createEnricher({
  watchlist: init.watchlist,
  hashKey: init.hashKey,
  clock: { now: () => now },
})
const encode = createEnrichedEncoder()
// The mention contract, compiled ahead of time by zod: a generated parser for valid input (about
// a third of the interpreted cost), and zod's own runtime for invalid input, so a refusal reads
// exactly as before.
const mentionContract = z.compile(mentionSchema)

/**
 * Mentions taken through the whole chain together. A request carries up to a bus batch (2,000);
 * chained whole, stage by stage, every mention's intermediate values stay alive until the last
 * stage, and each young-generation GC copies them. In slices this size that copying halved
 * (measured with --trace-gc). Stages give one outcome per input, in order, and keep no state that
 * changes an outcome, so results do not depend on the slice size.
 */
const SLICE = 200

/**
 * A batch's results as they are written: UTF-8 end to end in a buffer that grows by doubling (its
 * first size is the last batch's, so it rarely grows), the end of each, the refusals.
 */
class ResultWriter {
  static #lastBytes = 1 << 20
  readonly #encoder = new TextEncoder()
  #bytes: Uint8Array<ArrayBuffer>
  #at = 0
  readonly #ends: Uint32Array<ArrayBuffer>
  readonly #refused: [number, ThreadRefusal][] = []

  constructor(count: number) {
    this.#bytes = new Uint8Array(ResultWriter.#lastBytes)
    this.#ends = new Uint32Array(count)
  }

  json(i: number, text: string): void {
    // At most 3 bytes per UTF-16 unit.
    if (this.#bytes.length - this.#at < text.length * 3) {
      const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#at + text.length * 3))
      grown.set(this.#bytes.subarray(0, this.#at))
      this.#bytes = grown
    }
    this.#at += this.#encoder.encodeInto(text, this.#bytes.subarray(this.#at)).written
    this.#ends[i] = this.#at
  }

  refuse(i: number, refusal: ThreadRefusal): void {
    this.#ends[i] = this.#at
    this.#refused.push([i, refusal])
  }

  done(): ThreadResults {
    ResultWriter.#lastBytes = Math.max(1 << 16, this.#bytes.length)
    return { bytes: this.#bytes, ends: this.#ends, refused: this.#refused }
  }
}

async function handle(req: ThreadRequest): Promise<ThreadResults> {
  now = req.now
  const n = req.ends.length
  const out = new ResultWriter(n)
  for (let start = 0; start < n; start += SLICE) {
    await handleSlice(req, start, Math.min(n, start + SLICE), out)
  }
  return out.done()
}

/** Decodes, enriches and encodes messages `[start, end)` of the request into `out`, in order. */
async function handleSlice(
  { bytes, ends }: ThreadRequest,
  start: number,
  end: number,
  out: ResultWriter,
): Promise<void> {
  const decoded: Mention[] = []
  /** Per message of the slice: its index in `decoded`, or why it did not decode. */
  const slots: (number | ThreadRefusal)[] = []
  for (let i = start; i < end; i++) {
    const message = bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i])
    const o = decodeJsonOnce(mentionContract, message)
    if (o.kind === 'ok') slots.push(decoded.push(o.value) - 1)
    else slots.push({ kind: o.kind, stage: 'enrich.decode', reason: o.reason })
  }
  const chain = await runChain<Mention, EnrichedMention>(enricher.stages, decoded)
  for (let k = 0; k < slots.length; k++) {
    const i = start + k
    const slot = slots[k] as number | ThreadRefusal
    const r = typeof slot === 'number' ? chain[slot] : undefined
    if (typeof slot !== 'number') out.refuse(i, slot)
    else if (r === undefined) throw new Error(`the chain returned ${chain.length} of ${decoded.length}`)
    else if (!r.ok) {
      out.refuse(i, {
        kind: r.kind,
        stage: r.stage,
        reason: r.reason,
        ...(r.kind === 'dlq' && r.cause !== undefined ? { cause: errorMessage(r.cause) } : {}),
      })
    } else {
      const e = encode(r.value)
      if (e.ok) out.json(i, e.json)
      else out.refuse(i, { kind: 'dlq', stage: 'enrich.validate', reason: e.reason })
    }
  }
}

let queue: Promise<void> = Promise.resolve()
port.on('message', (req: ThreadRequest) => {
  queue = queue.then(async () => {
    let reply: ThreadReply
    try {
      reply = { type: 'done', id: req.id, ...(await handle(req)) }
    } catch (err) {
      reply = {
        type: 'failed',
        id: req.id,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }
    }
    port.postMessage(reply, reply.type === 'done' ? [reply.bytes.buffer, reply.ends.buffer] : [])
  })
})
port.postMessage({ type: 'ready' } satisfies ThreadReply)
