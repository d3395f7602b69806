import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorMessage, type Logger } from '@pulse/core'
import type { Store } from '@pulse/store'
import type { RuntimeEnv } from './config.ts'
import type { RunningService } from './context.ts'
import type { ProcessMetrics } from './metrics.ts'

/** Port `pulse service <name>` serves /metrics, /healthz and /readyz on when PULSE_METRICS_PORT is unset. */
export const DEFAULT_SERVICE_METRICS_PORT = 9464

export interface HealthAddress {
  readonly host: string
  readonly port: number
  /** False for the loopback default: a busy port is logged, not fatal. */
  readonly explicit: boolean
}

/**
 * Where to listen. PULSE_METRICS_PORT set: every interface (a scraper or kubelet must reach it).
 * Unset: loopback on 9464 for a single-service process, and off for the all-in-one `pulse start`.
 */
export function healthAddress(env: RuntimeEnv, singleService: boolean): HealthAddress | undefined {
  if (env.PULSE_METRICS_PORT !== undefined)
    return { host: '0.0.0.0', port: env.PULSE_METRICS_PORT, explicit: true }
  return singleService
    ? { host: '127.0.0.1', port: DEFAULT_SERVICE_METRICS_PORT, explicit: false }
    : undefined
}

export interface Readiness {
  readonly ok: boolean
  readonly checks: Readonly<Record<string, boolean>>
}

/** Ready when started, every service reports `health().ok`, and the store (if opened) answers `SELECT 1`. */
export async function checkReadiness(options: {
  readonly started: boolean
  readonly services: Iterable<RunningService>
  readonly store: Promise<Pick<Store, 'queryRows'>> | undefined
  readonly timeoutMs?: number
  readonly logger?: Logger
}): Promise<Readiness> {
  const checks: Record<string, boolean> = { started: options.started }
  for (const s of options.services) {
    try {
      checks[s.name] = s.health().ok
    } catch (err) {
      options.logger?.warn({ err, check: s.name }, 'health check threw')
      checks[s.name] = false
    }
  }
  if (options.store) {
    let timer: NodeJS.Timeout | undefined
    try {
      const ms = options.timeoutMs ?? 2_000
      const ping = options.store.then((store) => store.queryRows('SELECT 1 AS ok'))
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
      })
      await Promise.race([ping, timeout])
      checks.store = true
    } catch (err) {
      options.logger?.warn({ error: errorMessage(err) }, 'readiness: store unreachable')
      checks.store = false
    } finally {
      clearTimeout(timer)
    }
  }
  return { ok: Object.values(checks).every(Boolean), checks }
}

export interface HealthServer {
  readonly url: string
  close(): Promise<void>
}

/**
 * GET /healthz (the process is alive and serving), /readyz (503 until ready; JSON of named checks,
 * never error text) and /metrics (Prometheus text, collected on request). Nothing else.
 */
export async function startHealthServer(options: {
  readonly host: string
  readonly port: number
  readonly metrics: ProcessMetrics
  readonly ready: () => Promise<Readiness>
  readonly logger: Logger
}): Promise<HealthServer> {
  const log = options.logger.child({ component: 'health' })
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    void (async () => {
      try {
        if (path === '/healthz') {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
        } else if (path === '/readyz') {
          const r = await options.ready()
          res.writeHead(r.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(r))
        } else if (path === '/metrics') {
          await options.metrics.collect()
          const body = await options.metrics.registry.metrics()
          res.writeHead(200, { 'content-type': options.metrics.registry.contentType }).end(body)
        } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      } catch (err) {
        log.warn({ err, path }, 'health endpoint failed')
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('error\n')
      }
    })()
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`
  log.info({ host: options.host, port }, 'serving /metrics, /healthz and /readyz')
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
