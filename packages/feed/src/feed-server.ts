import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { errorMessage } from '@pulse/core'
import { handleAction, handleGetSignal, handleListSignals, handleSession } from './api-handlers.ts'
import type { FeedContext, FeedServerDeps, FeedServerOptions, StreamClient } from './feed-context.ts'
import { HttpError, SECURITY_HEADERS, sendError, sendJson } from './http-util.ts'
import { createSessionSigner } from './session-cookie.ts'
import { loadStaticAssets } from './static-assets.ts'
import { handleStream } from './stream-handler.ts'

export interface FeedServer {
  readonly server: Server
  /** Starts listening; resolves with the base URL (`http://host:port`). Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>
  /** Ends every stream and stops the server. */
  close(): Promise<void>
  readonly streamClients: number
}

const SIGNAL_ROUTE = /^\/api\/signals\/([^/]+)$/
const ACTION_ROUTE = /^\/api\/signals\/([^/]+)\/actions$/

/** The live feed: page, JSON API and event stream over `node:http`. */
export function createFeedServer(deps: FeedServerDeps, options: FeedServerOptions = {}): FeedServer {
  const assets = loadStaticAssets()
  const streams = new Set<StreamClient>()
  const log = deps.logger.child({ component: 'feed' })
  const sessionTtlMs = options.sessionTtlMs ?? 12 * 60 * 60 * 1000
  const ctx: FeedContext = {
    ...deps,
    logger: log,
    options: {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      retryMs: options.retryMs ?? 3_000,
      sessionTtlMs,
      secureCookies: options.secureCookies ?? false,
      maxStreamClients: options.maxStreamClients ?? 200,
      snapshotLimit: options.snapshotLimit ?? 500,
    },
    sessions: createSessionSigner({
      clock: deps.clock,
      ttlMs: sessionTtlMs,
      ...(options.sessionKey ? { key: options.sessionKey } : {}),
    }),
    streams,
    broadcastTriage(signalId, triage) {
      for (const client of streams)
        if (client.knows(signalId)) client.stream.send('triage', { signalId, triage })
    },
  }

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://feed.invalid')
    const method = req.method ?? 'GET'
    const path = url.pathname
    const allow = (...methods: string[]): void => {
      if (!methods.includes(method)) throw new HttpError(405, `use ${methods.join(' or ')}`)
    }
    if (path === '/healthz') {
      allow('GET', 'HEAD')
      return sendJson(res, 200, { status: 'ok', streams: streams.size })
    }
    if (path === '/api/session') {
      allow('GET', 'POST', 'DELETE')
      return handleSession(ctx, req, res)
    }
    if (path === '/api/signals') {
      allow('GET')
      return handleListSignals(ctx, req, res, url)
    }
    if (path === '/api/stream') {
      allow('GET')
      return handleStream(ctx, req, res)
    }
    const action = ACTION_ROUTE.exec(path)
    if (action?.[1]) {
      allow('POST')
      return handleAction(ctx, req, res, action[1])
    }
    const signal = SIGNAL_ROUTE.exec(path)
    if (signal?.[1]) {
      allow('GET')
      return handleGetSignal(ctx, req, res, signal[1])
    }
    const asset = assets.get(path)
    if (asset && !path.startsWith('/api/')) {
      allow('GET', 'HEAD')
      res.writeHead(200, {
        'Content-Type': asset.contentType,
        'Content-Length': asset.body.length,
        'Cache-Control': 'no-cache',
      })
      res.end(method === 'HEAD' ? undefined : asset.body)
      return
    }
    throw new HttpError(404, 'not found')
  }

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy()
      } else if (err instanceof HttpError) {
        sendError(res, err.status, err.message)
      } else {
        log.error({ err: errorMessage(err), path: req.url }, 'feed request failed')
        sendError(res, 500, 'internal error')
      }
    })
  })
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const addr = server.address()
          if (addr === null || typeof addr === 'string') return reject(new Error('feed is not on a TCP port'))
          const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
          log.info({ port: addr.port, host: addr.address }, 'feed listening')
          resolve(`http://${shown}:${addr.port}`)
        })
      }),
    close: () =>
      new Promise((resolve, reject) => {
        for (const client of [...streams]) client.stream.close()
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeIdleConnections()
      }),
    get streamClients() {
      return streams.size
    },
  }
}
