import type { Bus, ConsumeOptions, Consumer } from '@pulse/bus'
import { silentLogger } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import { parseRuntimeEnv } from './config.ts'
import type { RunningService } from './context.ts'
import { checkReadiness, type HealthServer, healthAddress, startHealthServer } from './health-server.ts'
import { createProcessMetrics } from './metrics.ts'

function fakeService(name: string, stats: Record<string, number>, ok = true): RunningService {
  return { name, stats: () => ({ ...stats }), health: () => ({ ok }), stop: async () => {} }
}

/** A bus whose consumers report a fixed lag; it never delivers anything. */
function fakeBus(lag: Record<string, number>): Bus & { lagCalls: number } {
  const bus = {
    kind: 'embedded' as const,
    lagCalls: 0,
    ensureTopics: async () => {},
    publish: async () => {},
    close: async () => {},
    consume: async (_: ConsumeOptions): Promise<Consumer> => ({
      health: () => ({ ok: true }),
      assignment: () => ({}),
      pause: () => {},
      resume: () => {},
      lag: async () => {
        bus.lagCalls++
        return lag
      },
      lagByPartition: async () => ({}),
      stop: async () => {},
    }),
  }
  return bus
}

const noop = async (): Promise<void> => {}
const servers: HealthServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(
  services: RunningService[],
  options: { ready?: () => ReturnType<typeof checkReadiness>; bus?: Bus } = {},
) {
  let clock = 0
  const metrics = createProcessMetrics({
    service: services.length === 1 ? (services[0]?.name ?? 'pulse') : 'pulse',
    services: () => services,
    processMetrics: false,
    now: () => clock,
  })
  if (options.bus) {
    await metrics.track('sink', options.bus).consume({ groupId: 'pulse-sink', topics: ['t'], handler: noop })
  }
  const server = await startHealthServer({
    host: '127.0.0.1',
    port: 0,
    metrics,
    logger: silentLogger,
    ready: options.ready ?? (() => checkReadiness({ started: true, services, store: undefined })),
  })
  servers.push(server)
  return { server, advance: (ms: number) => (clock += ms) }
}

const text = async (url: string): Promise<{ status: number; body: string; type: string }> => {
  const res = await fetch(url)
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' }
}

describe('metrics endpoint', () => {
  it('serves service stats as Prometheus counters labelled by service, counted by delta', async () => {
    const stats = { consumed: 10, emitted: 8, deadLettered: 1, dropped: 1, batches: 2, lastBatchMs: 40 }
    const { server } = await serve([fakeService('enrich', stats)])
    const first = await text(`${server.url}/metrics`)
    expect(first.status).toBe(200)
    expect(first.type).toContain('text/plain')
    expect(first.body).toContain('pulse_messages_consumed_total{service="enrich"} 10')
    stats.consumed = 25
    stats.batches = 3
    const second = (await text(`${server.url}/metrics`)).body
    expect(second).toContain('pulse_messages_consumed_total{service="enrich"} 25')
    expect(second).toContain('pulse_messages_produced_total{service="enrich"} 8')
    expect(second).toContain('pulse_messages_dead_lettered_total{service="enrich"} 1')
    // One sampled observation per scrape in which batches were handled.
    expect(second).toContain('pulse_batch_duration_seconds_count{service="enrich"} 2')
    expect(second).toContain('pulse_batch_duration_seconds_bucket{le="0.05",service="enrich"} 2')
  })

  it('reports sink rows per second over the scrape interval, other stats as gauges, and consumer lag', async () => {
    const stats = { rowsWritten: 0, writeMs: 0, flushes: 0, rowsPerSecond: 0, pending: 3 }
    const bus = fakeBus({ 'pulse.mentions.enriched': 42 })
    const { server, advance } = await serve([fakeService('sink', stats)], { bus })
    await text(`${server.url}/metrics`)
    advance(2_000)
    Object.assign(stats, { rowsWritten: 1_000, writeMs: 100, flushes: 2, rowsPerSecond: 10_000 })
    const body = (await text(`${server.url}/metrics`)).body
    expect(body).toContain('pulse_sink_rows_per_second{service="sink"} 500')
    expect(body).toContain('pulse_sink_write_rows_per_second{service="sink"} 10000')
    expect(body).toContain('pulse_sink_rows_written_total{service="sink"} 1000')
    expect(body).toContain('pulse_sink_write_seconds_total{service="sink"} 0.1')
    expect(body).toContain('pulse_service_stat{service="sink",stat="pending"} 3')
    expect(body).toContain(
      'pulse_consumer_lag{service="sink",group="pulse-sink",topic="pulse.mentions.enriched"} 42',
    )
    // Lag is asked of the bus at most every 10 s, however often Prometheus scrapes.
    expect(bus.lagCalls).toBe(1)
  })

  it('keeps the process service label as the default and each service its own in all-in-one mode', async () => {
    const { server } = await serve([
      fakeService('enrich', { consumed: 1 }),
      fakeService('detect', { consumed: 2 }),
    ])
    const body = (await text(`${server.url}/metrics`)).body
    expect(body).toContain('pulse_messages_consumed_total{service="enrich"} 1')
    expect(body).toContain('pulse_messages_consumed_total{service="detect"} 2')
  })
})

describe('health endpoints', () => {
  it('answers /healthz, 404 for unknown paths and 405 for writes', async () => {
    const { server } = await serve([fakeService('feed', {})])
    expect((await text(`${server.url}/healthz`)).status).toBe(200)
    expect((await text(`${server.url}/nope`)).status).toBe(404)
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405)
  })

  it('is ready only when started, every service is healthy and the store answers', async () => {
    const services = [fakeService('sink', {}), fakeService('alert', {}, false)]
    let started = false
    const store = {
      queryRows: async <T>(): Promise<T[]> => {
        throw new Error('connection refused')
      },
    }
    const { server } = await serve(services, {
      ready: () => checkReadiness({ started, services, store: Promise.resolve(store) }),
    })
    const r = await text(`${server.url}/readyz`)
    expect(r.status).toBe(503)
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      checks: { started: false, sink: true, alert: false, store: false },
    })
    expect(r.body).not.toContain('connection refused')
    started = true
    services[1] = fakeService('alert', {})
    store.queryRows = async <T>(): Promise<T[]> => []
    const ok = await text(`${server.url}/readyz`)
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      checks: { started: true, sink: true, alert: true, store: true },
    })
  })

  it('treats a store that does not answer in time as not ready', async () => {
    const hanging = { queryRows: <T>(): Promise<T[]> => new Promise<T[]>(() => {}) }
    const r = await checkReadiness({
      started: true,
      services: [],
      store: Promise.resolve(hanging),
      timeoutMs: 20,
    })
    expect(r).toEqual({ ok: false, checks: { started: true, store: false } })
  })
})

describe('healthAddress', () => {
  it.each([
    [{}, true, { host: '127.0.0.1', port: 9464, explicit: false }],
    [{}, false, undefined],
    [{ PULSE_METRICS_PORT: '9100' }, false, { host: '0.0.0.0', port: 9100, explicit: true }],
    [{ PULSE_METRICS_PORT: '9100' }, true, { host: '0.0.0.0', port: 9100, explicit: true }],
  ])('env %j, single service %s → %j', (env, single, expected) => {
    expect(healthAddress(parseRuntimeEnv(env), single)).toEqual(expected)
  })
})
