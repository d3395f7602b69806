import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedBus, type IncomingMessage } from '@pulse/bus'
import {
  groupOrigins,
  ORIGIN_HEADER,
  parseOrigin,
  silentLogger,
  systemClock,
  TOPICS,
  watchlistSchema,
} from '@pulse/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configuredSources, type RunningConnectors, startConnectors } from './connectors.ts'

const feed = (guids: readonly string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Health dept</title><link>https://health.example.gov</link>${guids
    .map(
      (g) =>
        `<item><title>Item ${g}</title><guid>${g}</guid><pubDate>Tue, 14 May 2024 14:30:00 GMT</pubDate><description>Flu clinic update ${g}</description></item>`,
    )
    .join('')}</channel></rss>`

/** Stands in for enrich + sink: records what reaches the raw topic and acknowledges it on demand. */
function fakeSink(bus: EmbeddedBus) {
  const received: IncomingMessage[] = []
  const held: IncomingMessage[] = []
  const state = { hold: false }
  const ack = async (messages: readonly IncomingMessage[]): Promise<void> => {
    const acks = groupOrigins(messages.map((m) => m.headers[ORIGIN_HEADER]))
    await bus.publish(
      TOPICS.acks,
      acks.map((a) => ({ key: a.source, value: JSON.stringify(a) })),
    )
  }
  return {
    received,
    state,
    ids: () => received.map((m) => (JSON.parse(Buffer.from(m.value).toString('utf8')) as { id: string }).id),
    start: () =>
      bus.consume({
        groupId: 'fake-sink',
        topics: [TOPICS.mentionsRaw, TOPICS.deadLetters],
        handler: async (batch) => {
          received.push(...batch.messages)
          if (state.hold) held.push(...batch.messages)
          else await ack(batch.messages)
        },
      }),
    release: async () => {
      state.hold = false
      await ack(held.splice(0))
    },
  }
}

let dir: string
let server: Server
let url: string
let guids: string[]
let bus: EmbeddedBus
let running: RunningConnectors | undefined

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-connectors-'))
  guids = ['b', 'a']
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(guids))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`
  bus = new EmbeddedBus()
})

afterEach(async () => {
  await running?.stop()
  running = undefined
  await bus.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

const checkpointFile = (): { checkpoint?: Record<string, { seen: string[] }>; seq: number } =>
  JSON.parse(readFileSync(join(dir, 'connector-rss.json'), 'utf8')) as {
    checkpoint?: Record<string, { seen: string[] }>
    seq: number
  }

const start = async (ackTimeoutMs = 10_000): Promise<RunningConnectors> => {
  const watchlist = watchlistSchema.parse({
    organization: { name: 'St. Example' },
    sources: [{ type: 'rss', feeds: [url] }],
  })
  const sources = configuredSources(watchlist, {}, { clock: systemClock, logger: silentLogger })
  running = await startConnectors({
    sources,
    bus,
    logger: silentLogger,
    clock: systemClock,
    checkpointDir: dir,
    orgHandles: new Set(),
    signal: new AbortController().signal,
    ackTimeoutMs,
    drainMs: 500,
    retry: { baseMs: 50, maxMs: 100 },
  })
  return running
}

describe('RSS connector through the ingest service', () => {
  it('publishes with origins, commits only acknowledged items, and resumes without re-delivering', async () => {
    const sink = fakeSink(bus)
    sink.state.hold = true
    await sink.start()
    const first = await start()

    // The first item is on the raw topic, but without the sink's ack its checkpoint is not committed.
    await vi.waitFor(() => expect(sink.ids()).toEqual(['rss:a']))
    expect(sink.received[0]?.headers[ORIGIN_HEADER]).toMatch(/^rss#\d+$/)
    await new Promise((r) => setTimeout(r, 200))
    expect(sink.ids()).toEqual(['rss:a'])
    expect(checkpointFile().checkpoint).toBeUndefined()
    expect(first.health()[0]).toMatchObject({ name: 'rss', pendingAcks: 1, acknowledged: 0 })

    await sink.release()
    await vi.waitFor(() => expect(checkpointFile().checkpoint?.[url]?.seen).toEqual(['rss:a', 'rss:b']))
    expect(sink.ids()).toEqual(['rss:a', 'rss:b'])
    expect(first.health()[0]).toMatchObject({ events: 2, published: 2, acknowledged: 2, pendingAcks: 0 })
    expect(first.stats()).toMatchObject({ connectors: 1, connectorPublished: 2, connectorAcknowledged: 2 })
    const firstSeqs = sink.received.map((m) => parseOrigin(m.headers[ORIGIN_HEADER])?.seq ?? -1)
    await first.stop()

    guids = ['c', 'b', 'a']
    await start()
    await vi.waitFor(() => expect(sink.ids()).toEqual(['rss:a', 'rss:b', 'rss:c']))
    await vi.waitFor(() =>
      expect(checkpointFile().checkpoint?.[url]?.seen).toEqual(['rss:a', 'rss:b', 'rss:c']),
    )
    // Origin positions are never reused across restarts, so a stale ack cannot match a new item.
    const third = parseOrigin(sink.received[2]?.headers[ORIGIN_HEADER])?.seq ?? -1
    expect(third).toBeGreaterThan(Math.max(...firstSeqs))
  })

  it('fails a batch the sink does not acknowledge in time, commits nothing, and reads it again', async () => {
    const sink = fakeSink(bus)
    sink.state.hold = true
    await sink.start()
    const c = await start(150)
    await vi.waitFor(() => expect(c.health()[0]?.failedBatches).toBeGreaterThanOrEqual(1))
    expect(checkpointFile().checkpoint).toBeUndefined()

    await sink.release()
    await vi.waitFor(() => expect(checkpointFile().checkpoint?.[url]?.seen).toEqual(['rss:a', 'rss:b']))
    // The timed-out item came again (the sink is idempotent by mention id); nothing was skipped.
    expect(new Set(sink.ids())).toEqual(new Set(['rss:a', 'rss:b']))
    expect(sink.ids().filter((id) => id === 'rss:a').length).toBeGreaterThanOrEqual(2)
  })
})
