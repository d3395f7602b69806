/**
 * Test support (not exported): a signal builder and a local HTTP server that behaves like Slack's
 * incoming-webhook and Web API endpoints. Tests never reach the internet.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { manualClock, type Signal, signalSchema, silentLogger, watchlistSchema } from '@pulse/core'
import { createAlerter } from './alerter.ts'
import type { AlerterMode } from './alerter-options.ts'
import { createMemoryDeliveryLog, type MemoryDeliveryLog } from './delivery-log.ts'

type SignalOverrides = Partial<Omit<Signal, 'evidence'>> & { evidence?: Partial<Signal['evidence']> }

export function buildSignal(overrides: SignalOverrides = {}): Signal {
  const { evidence, ...rest } = overrides
  return signalSchema.parse({
    id: 'sig-1',
    revision: 1,
    kind: 'volume_spike',
    key: { dimension: 'topic', value: 'flu-vaccine' },
    state: 'opened',
    severity: 'warning',
    score: 0.8,
    title: 'Flu vaccine mentions spiking',
    summary: 'Mentions of the flu vaccine are 4x the usual level.',
    bucketStart: '2025-03-14T10:00:00.000Z',
    bucketSeconds: 300,
    openedAt: '2025-03-14T10:00:00.000Z',
    updatedAt: '2025-03-14T10:05:00.000Z',
    ...rest,
    evidence: {
      observed: 412,
      expected: 96,
      ratio: 4.29,
      series: [
        { t: '2025-03-14T09:50:00.000Z', observed: 90, expected: 95, upper: 130 },
        { t: '2025-03-14T09:55:00.000Z', observed: 150, expected: 96, upper: 130 },
        { t: '2025-03-14T10:00:00.000Z', observed: 412, expected: 96, upper: 130 },
      ],
      topTerms: [{ value: 'side effects', count: 40 }],
      topSources: [{ value: 'reddit', count: 200 }],
      sampleTexts: ['Is the flu shot safe this year?'],
      uniqueAuthors: 180,
      firstSeen: '2025-03-14T09:55:00.000Z',
      ...evidence,
    },
  })
}

export interface FakeResponse {
  status?: number
  /** A string is sent as text/plain (webhooks); an object as JSON (Web API). */
  body?: string | Record<string, unknown>
  headers?: Record<string, string>
  /** Destroy the socket instead of answering (a network error). */
  hangUp?: boolean
}

export interface FakeRequest {
  path: string
  /** Webhook: the JSON body. Web API: the form fields, with `blocks` JSON-decoded. */
  body: Record<string, unknown>
  raw: string
}

export interface FakeSlack {
  url: string
  requests: FakeRequest[]
  /** Queues responses for a path (`/hooks/a`, `/api/chat.postMessage`); defaults answer success. */
  respond(path: string, ...responses: FakeResponse[]): void
  /** Forgets recorded requests and unused scripted responses. */
  reset(): void
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parse(path: string, raw: string): Record<string, unknown> {
  if (!path.startsWith('/api/')) return JSON.parse(raw) as Record<string, unknown>
  const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw))
  if (typeof fields.blocks === 'string') fields.blocks = JSON.parse(fields.blocks) as unknown
  return fields
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const scripted = new Map<string, FakeResponse[]>()
  const requests: FakeRequest[] = []
  let ts = 1700000000
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/'
    const raw = await readBody(req)
    requests.push({ path, raw, body: parse(path, raw) })
    const next = scripted.get(path)?.shift()
    if (next?.hangUp === true) {
      req.socket.destroy()
      return
    }
    ts += 1
    const fallback = path.startsWith('/api/') ? { ok: true, channel: 'C0ALERTS', ts: `${ts}.000100` } : 'ok'
    const body = next?.body ?? fallback
    const isText = typeof body === 'string'
    res.writeHead(next?.status ?? 200, {
      'content-type': isText ? 'text/plain' : 'application/json',
      ...next?.headers,
    })
    res.end(isText ? body : JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(path, ...responses) {
      scripted.set(path, [...(scripted.get(path) ?? []), ...responses])
    },
    reset() {
      requests.length = 0
      scripted.clear()
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Every string anywhere in a JSON-like value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(allStrings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings)
  return []
}

/** An alerter wired to a fake Slack, a manual clock and a sleep that advances it. */
export async function alerterHarness(
  slack: FakeSlack,
  options: {
    mode?: 'webhook' | 'bot'
    alerts?: Record<string, unknown>
    deliveryLog?: MemoryDeliveryLog
    outboxSize?: number
    start?: string
  } = {},
) {
  const clock = manualClock(Date.parse(options.start ?? '2025-03-14T15:00:00Z'))
  const sleeps: number[] = []
  const deliveryLog = options.deliveryLog ?? createMemoryDeliveryLog()
  const alerts = watchlistSchema.parse({
    organization: { name: 'General Hospital' },
    alerts: { defaultChannel: '#pulse', feedUrl: 'https://pulse.example.org', ...options.alerts },
  }).alerts
  const mode: AlerterMode =
    options.mode === 'bot'
      ? { kind: 'bot', token: 'xoxb-test', slackApiUrl: `${slack.url}/api/` }
      : {
          kind: 'webhook',
          url: `${slack.url}/hooks/default`,
          channelUrls: { '#myths': `${slack.url}/hooks/myths` },
        }
  const alerter = createAlerter({
    mode,
    alerts,
    deliveryLog,
    logger: silentLogger,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock.advance(ms)
    },
    random: () => 0.5,
    flushIntervalMs: 0,
    retry: { maxAttempts: 3, baseDelayMs: 100 },
    ...(options.outboxSize !== undefined ? { outboxSize: options.outboxSize } : {}),
  })
  return { alerter, clock, sleeps, deliveryLog }
}
