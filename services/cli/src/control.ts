import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { errorMessage, type Logger, PulseError } from '@pulse/core'
import type { QueryFormat, Store } from '@pulse/store'

/**
 * chDB allows one process per data directory, so while `pulse start` runs, `pulse query` and
 * `pulse status` go through it: a loopback-only HTTP endpoint guarded by a random token, written
 * (mode 0600) to $PULSE_DATA_DIR/run/control.json. `GET /status` answers every service's stats,
 * `GET /health` their health (connectors included), `POST /query` read-only queries.
 */
export interface ControlInfo {
  readonly pid: number
  readonly port: number
  readonly token: string
}

const controlFile = (dataDir: string): string => join(dataDir, 'run', 'control.json')
const MAX_BODY = 1 << 20

export async function startControlServer(
  dataDir: string,
  store: () => Promise<Store>,
  status: () => unknown,
  logger: Logger,
  /** Every service's `health()` (connector state, last event, rate limits), for `pulse status`. */
  health: () => unknown = () => ({}),
): Promise<{ close(): Promise<void> }> {
  const token = randomBytes(24).toString('hex')
  const expected = Buffer.from(`Bearer ${token}`)
  const server: Server = createServer((req, res) => {
    const auth = Buffer.from(req.headers.authorization ?? '')
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      res.writeHead(401).end('unauthorized\n')
      return
    }
    if (req.method === 'GET' && req.url === '/status') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(status()))
      return
    }
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(health()))
      return
    }
    if (req.method !== 'POST' || req.url !== '/query') {
      res.writeHead(404).end('not found\n')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) req.destroy()
      else chunks.push(c)
    })
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            sql?: unknown
            format?: unknown
            params?: unknown
          }
          if (typeof body.sql !== 'string' || typeof body.format !== 'string')
            throw new Error('need sql and format')
          const params = queryParams(body.params)
          const text = await (await store()).queryText(body.sql, body.format as QueryFormat, params)
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
        } catch (err) {
          res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(errorMessage(err))
        }
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  mkdirSync(join(dataDir, 'run'), { recursive: true, mode: 0o700 })
  writeFileSync(controlFile(dataDir), JSON.stringify({ pid: process.pid, port, token }), { mode: 0o600 })
  logger.debug({ port }, 'control endpoint listening on loopback')
  return {
    async close() {
      rmSync(controlFile(dataDir), { force: true })
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Optional `params` of POST /query: a plain object, bound by ClickHouse as `{name:Type}`. */
function queryParams(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('params must be an object of name → value')
  return { ...value }
}

/** The running process's control endpoint, if one is alive for this data directory. */
export function findControl(dataDir: string): ControlInfo | null {
  const file = controlFile(dataDir)
  if (!existsSync(file)) return null
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as ControlInfo
    process.kill(info.pid, 0)
    return info
  } catch {
    return null
  }
}

export async function controlRequest(info: ControlInfo, path: string, body?: unknown): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${info.port}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${info.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new PulseError('QUERY_FAILED', text.trim())
  return text
}
