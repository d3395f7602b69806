import { parentPort, workerData } from 'node:worker_threads'
import {
  decodeJson,
  type EnrichedMention,
  enrichedMentionSchema,
  errorMessage,
  formatIssues,
  type Mention,
  mentionSchema,
} from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { runChain } from '@pulse/pipeline'
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

async function handle(req: ThreadRequest): Promise<ThreadResult[]> {
  now = req.now
  const results: ThreadResult[] = new Array(req.values.length)
  const decoded: Mention[] = []
  const positions: number[] = []
  req.values.forEach((value, i) => {
    const o = decodeJson(mentionSchema, value)
    if (o.kind === 'ok') {
      decoded.push(o.value)
      positions.push(i)
    } else results[i] = { kind: o.kind, stage: 'enrich.decode', reason: o.reason }
  })
  const chain = await runChain<Mention, EnrichedMention>(enricher.stages, decoded)
  chain.forEach((r, j) => {
    const i = positions[j] as number
    if (r.ok) {
      const valid = enrichedMentionSchema.safeParse(r.value)
      results[i] = valid.success
        ? { kind: 'ok', json: JSON.stringify(valid.data) }
        : { kind: 'dlq', stage: 'enrich.validate', reason: `schema: ${formatIssues(valid.error)}` }
    } else
      results[i] = {
        kind: r.kind,
        stage: r.stage,
        reason: r.reason,
        ...(r.kind === 'dlq' && r.cause !== undefined ? { cause: errorMessage(r.cause) } : {}),
      }
  })
  return results
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
