import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorMessage, type Signal } from '@pulse/core'
import { authenticate, type FeedContext, type StreamClient } from './feed-context.ts'
import { matchesFilter, parseSignalFilter } from './filters.ts'
import { sendError } from './http-util.ts'
import { openSseStream } from './sse.ts'
import { triageBySignal } from './triage.ts'

/** Revisions remembered per connection to drop stale or repeated ones; the oldest are forgotten first. */
const MAX_DELIVERED = 20_000

/**
 * `GET /api/stream`: the current matching signals (`event: signal` each, then `event: ready`), then
 * every new revision live. A signal that stops matching the filter is still sent once it was sent
 * on this connection, so the client sees it leave (for example when it resolves).
 */
export async function handleStream(
  ctx: FeedContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const principal = await authenticate(ctx, req, true)
  if (!principal) return sendError(res, 401, 'authentication required')
  const url = new URL(req.url ?? '/', 'http://feed.invalid')
  const parsed = parseSignalFilter(url.searchParams)
  if (!parsed.ok) return sendError(res, 400, parsed.error)
  if (ctx.streams.size >= ctx.options.maxStreamClients) return sendError(res, 503, 'too many stream clients')
  const { limit, ...filter } = parsed.filter

  const delivered = new Map<string, number>()
  let pending: Signal[] | undefined = []
  const deliver = (signal: Signal): void => {
    const sent = delivered.get(signal.id)
    if (sent !== undefined && sent >= signal.revision) return
    if (sent === undefined && !matchesFilter(signal, filter)) return
    delivered.delete(signal.id)
    delivered.set(signal.id, signal.revision)
    if (delivered.size > MAX_DELIVERED) {
      const oldest = delivered.keys().next()
      if (!oldest.done) delivered.delete(oldest.value)
    }
    stream.send('signal', signal)
  }

  const stream = openSseStream(res, {
    retryMs: ctx.options.retryMs,
    heartbeatMs: ctx.options.heartbeatMs,
    maxBufferedBytes: 4 * 1024 * 1024,
    onClose: () => {
      unsubscribe()
      ctx.streams.delete(client)
      ctx.logger.debug({ clients: ctx.streams.size }, 'stream closed')
    },
  })
  const client: StreamClient = { stream, knows: (id) => delivered.has(id) }
  // Subscribe before reading the snapshot; revisions arriving meanwhile are held, then de-duplicated.
  const unsubscribe = ctx.signals.subscribe((signal) => {
    if (pending) pending.push(signal)
    else deliver(signal)
  })
  ctx.streams.add(client)
  ctx.logger.debug({ clients: ctx.streams.size, actor: principal.name }, 'stream opened')

  try {
    const cap = Math.min(limit ?? ctx.options.snapshotLimit, ctx.options.snapshotLimit)
    const snapshot = await ctx.signals.list({ ...filter, limit: cap })
    for (const signal of snapshot) deliver(signal)
    const held = pending
    pending = undefined
    for (const signal of held) deliver(signal)
    const ids = [...delivered.keys()]
    const triage = triageBySignal(ids, await ctx.audit.list(ids))
    for (const [signalId, t] of triage) {
      if (t.status !== 'new' || t.notes > 0) stream.send('triage', { signalId, triage: t })
    }
    stream.send('ready', { count: delivered.size })
  } catch (err) {
    ctx.logger.error({ err: errorMessage(err) }, 'stream snapshot failed')
    stream.close()
  }
}
