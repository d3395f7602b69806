import { parentPort, workerData } from 'node:worker_threads'
import { decodeJsonOnce, type EnrichedMention, errorMessage, type Mention, mentionSchema } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { runChain } from '@pulse/pipeline'
import { z } from 'zod'
import { createEnrichedEncoder } from './enriched-json.ts'
import type { ThreadInit, ThreadReply, ThreadRequest, ThreadResult } from './thread-protocol.ts'

/**
 * An enrichment thread: decodes raw mention messages, runs the same enrichment chain the service
 * runs in-process, validates each result against the enriched-mention schema and returns it
 * already encoded as JSON, so the main thread only moves bytes (and consumers in this process need
 * not validate it again). Requests are handled one at a time, in arrival order.
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

async function handle(req: ThreadRequest): Promise<ThreadResult[]> {
  now = req.now
  const n = req.ends.length
  const results: ThreadResult[] = new Array(n)
  for (let start = 0; start < n; start += SLICE) {
    await handleSlice(req, start, Math.min(n, start + SLICE), results)
  }
  return results
}

/** Decodes, enriches and encodes messages `[start, end)` of the request into `results`. */
async function handleSlice(
  { bytes, ends }: ThreadRequest,
  start: number,
  end: number,
  results: ThreadResult[],
): Promise<void> {
  const decoded: Mention[] = []
  const positions: number[] = []
  for (let i = start; i < end; i++) {
    const message = bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i])
    const o = decodeJsonOnce(mentionContract, message)
    if (o.kind === 'ok') {
      decoded.push(o.value)
      positions.push(i)
    } else results[i] = { kind: o.kind, stage: 'enrich.decode', reason: o.reason }
  }
  const chain = await runChain<Mention, EnrichedMention>(enricher.stages, decoded)
  chain.forEach((r, j) => {
    const i = positions[j] as number
    if (r.ok) {
      const e = encode(r.value)
      results[i] = e.ok ? e.json : { kind: 'dlq', stage: 'enrich.validate', reason: e.reason }
    } else
      results[i] = {
        kind: r.kind,
        stage: r.stage,
        reason: r.reason,
        ...(r.kind === 'dlq' && r.cause !== undefined ? { cause: errorMessage(r.cause) } : {}),
      }
  })
}

let queue: Promise<void> = Promise.resolve()
port.on('message', (req: ThreadRequest) => {
  queue = queue.then(async () => {
    let reply: ThreadReply
    try {
      reply = { type: 'done', id: req.id, results: await handle(req) }
    } catch (err) {
      reply = {
        type: 'failed',
        id: req.id,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }
    }
    port.postMessage(reply)
  })
})
port.postMessage({ type: 'ready' } satisfies ThreadReply)
