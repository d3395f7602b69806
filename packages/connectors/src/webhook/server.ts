import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type Clock,
  errorMessage,
  formatIssues,
  type Logger,
  type Mention,
  mentionSchema,
  silentLogger,
  systemClock,
} from '@pulse/core'
import { type ConnectorHealth, createHealth } from '../framework/health.ts'

export const WEBHOOK_PATH = '/v1/mentions'

export interface WebhookOptions {
  /** Shared secret; callers send `Authorization: Bearer <token>`. */
  readonly token: string
  /** Stores the accepted mentions; resolves once they are safe (then the caller gets 202). */
  readonly accept: (mentions: readonly Mention[]) => Promise<void>
  /** Largest request body (default 1 MiB): larger ones get 413. */
  readonly maxBodyBytes?: number
  /** Most mentions per request (default 1000). */
  readonly maxItems?: number
  readonly clock?: Clock
  readonly logger?: Logger
}

export type ItemResult =
  | { readonly index: number; readonly status: 'accepted'; readonly id: string }
  | { readonly index: number; readonly status: 'rejected'; readonly reason: string }

export interface WebhookHandler {
  (req: IncomingMessage, res: ServerResponse): void
  health(): ConnectorHealth
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** Constant-time bearer check: both sides are hashed to equal length first. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '')
  return timingSafeEqual(digest(m?.[1]?.trim() ?? ''), expected) && m !== null
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** Body items: a JSON object, a JSON array, or JSON lines. A line that is not JSON is an item error. */
export function splitBody(text: string): { items: { value: unknown } | { error: string } }[] | null {
  const trimmed = text.trim()
  if (trimmed === '') return []
  try {
    const v: unknown = JSON.parse(trimmed)
    return (Array.isArray(v) ? v : [v]).map((value) => ({ items: { value } }))
  } catch {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '')
    if (lines.length < 2) return null
    return lines.map((line) => {
      try {
        return { items: { value: JSON.parse(line) as unknown } }
      } catch (err) {
        return { items: { error: `not JSON: ${errorMessage(err)}` } }
      }
    })
  }
}

/**
 * `POST /v1/mentions` for any tool to push mentions into Pulse: bearer-token auth (constant-time),
 * a body of one Mention object, an array, or JSON lines, each validated with core's schema. Answers
 * 202 with per-item results, 400 for a body that is not JSON, 401, 404, 405, 413 (too large or too
 * many items) and 503 when the sink fails (nothing was accepted: retry).
 */
export function createWebhookHandler(opts: WebhookOptions): WebhookHandler {
  const expected = digest(opts.token)
  if (opts.token.length < 16) throw new Error('webhook token must be at least 16 characters')
  const maxBody = opts.maxBodyBytes ?? 1_048_576
  const maxItems = opts.maxItems ?? 1000
  const log = opts.logger ?? silentLogger
  const health = createHealth('webhook', 'webhook', opts.clock ?? systemClock)
  health.state('streaming')

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]
    if (path !== WEBHOOK_PATH) return send(res, 404, { error: `not found; POST mentions to ${WEBHOOK_PATH}` })
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' }, { allow: 'POST' })
    if (!authorized(req.headers.authorization, expected)) {
      health.error('webhook: unauthorized request')
      return send(res, 401, { error: 'missing or wrong bearer token' }, { 'www-authenticate': 'Bearer' })
    }
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBody) {
      res.setHeader('connection', 'close')
      return send(res, 413, { error: `body larger than ${maxBody} bytes` })
    }
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
      size += buf.length
      if (size > maxBody) {
        res.setHeader('connection', 'close')
        send(res, 413, { error: `body larger than ${maxBody} bytes` })
        req.destroy()
        return
      }
      chunks.push(buf)
    }
    const split = splitBody(Buffer.concat(chunks).toString('utf8'))
    if (split === null) return send(res, 400, { error: 'body is not JSON, a JSON array or JSON lines' })
    if (split.length > maxItems)
      return send(res, 413, { error: `more than ${maxItems} mentions in one request` })
    const results: ItemResult[] = []
    const accepted: Mention[] = []
    for (const [index, { items }] of split.entries()) {
      if ('error' in items) {
        results.push({ index, status: 'rejected', reason: items.error })
        continue
      }
      const parsed = mentionSchema.safeParse(items.value)
      if (parsed.success) {
        accepted.push(parsed.data)
        results.push({ index, status: 'accepted', id: parsed.data.id })
      } else results.push({ index, status: 'rejected', reason: formatIssues(parsed.error) })
    }
    if (accepted.length > 0) {
      try {
        await opts.accept(accepted)
      } catch (err) {
        health.error(`webhook: sink failed: ${errorMessage(err)}`)
        log.error({ err }, 'webhook sink failed')
        return send(res, 503, { error: 'could not store mentions; retry later' }, { 'retry-after': '5' })
      }
      for (const _ of accepted) health.event()
    }
    send(res, 202, { accepted: accepted.length, rejected: results.length - accepted.length, results })
  }

  const handler = ((req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      health.error(`webhook: ${errorMessage(err)}`)
      if (!res.headersSent) send(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  }) as WebhookHandler
  handler.health = () => health.snapshot()
  return handler
}

export interface WebhookServer {
  readonly url: string
  readonly server: Server
  readonly health: () => ConnectorHealth
  close(): Promise<void>
}

/** Starts the webhook on `host:port` (port 0 picks a free one; see `url`). */
export async function startWebhookServer(
  opts: WebhookOptions & { host: string; port: number },
): Promise<WebhookServer> {
  const handler = createWebhookHandler(opts)
  const server = createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  return {
    url: `http://${host}:${port}${WEBHOOK_PATH}`,
    server,
    health: handler.health,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
