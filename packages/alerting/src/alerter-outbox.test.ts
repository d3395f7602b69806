import { silentLogger, systemClock, watchlistSchema } from '@pulse/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAlerter } from './alerter.ts'
import { formatConsoleAlert } from './console-alert.ts'
import { createMemoryDeliveryLog } from './delivery-log.ts'
import {
  alerterHarness,
  buildSignal,
  type FakeResponse,
  type FakeSlack,
  startFakeSlack,
} from './test-support.ts'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())
afterEach(() => slack.reset())

const down: FakeResponse = { status: 503, body: 'service_unavailable' }
const delivered = () => slack.requests.length
const alerts = watchlistSchema.parse({
  organization: { name: 'H' },
  alerts: { defaultChannel: '#pulse' },
}).alerts

describe('alerter outbox', () => {
  it('queues while Slack is down and later delivers everything once, oldest first', async () => {
    slack.respond('/hooks/default', down, down, down) // 3 attempts for the first alert
    const { alerter, clock, deliveryLog } = await alerterHarness(slack)
    await alerter.handle(buildSignal({ id: 'first' }))
    await alerter.handle(buildSignal({ id: 'second' })) // queued behind, not attempted
    expect(alerter.stats()).toMatchObject({ queued: 2, delivered: 0 })
    expect(delivered()).toBe(3)
    await alerter.flush() // not due yet
    expect(delivered()).toBe(3)
    clock.advance(60_000)
    await alerter.flush()
    await alerter.flush()
    const bodies = slack.requests.slice(3).map((r) => String(r.body.text))
    expect(bodies).toHaveLength(2)
    expect(bodies[0]).toContain('Flu vaccine')
    expect(deliveryLog.records.map((r) => [r.signalId, r.status, r.attempts])).toEqual([
      ['first', 'delivered', 4],
      ['second', 'delivered', 1],
    ])
    expect(alerter.stats()).toMatchObject({ queued: 0, delivered: 2 })
  })

  it('does not resend a queued alert that another instance already delivered', async () => {
    slack.respond('/hooks/default', down, down, down)
    const deliveryLog = createMemoryDeliveryLog()
    const { alerter, clock } = await alerterHarness(slack, { deliveryLog })
    const signal = buildSignal({ id: 'dup' })
    await alerter.handle(signal)
    await deliveryLog.record({
      key: 'dup|opened|warning',
      signalId: 'dup',
      revision: 1,
      state: 'opened',
      channel: '#pulse',
      mode: 'webhook',
      status: 'delivered',
      attempts: 1,
      at: new Date(0).toISOString(),
    })
    clock.advance(60_000)
    await alerter.flush()
    expect(delivered()).toBe(3)
    expect(alerter.stats().queued).toBe(0)
  })

  it('is bounded: when full the oldest alert is dropped, counted and recorded', async () => {
    slack.respond('/hooks/default', down, down, down)
    const { alerter, deliveryLog } = await alerterHarness(slack, { outboxSize: 2 })
    for (const id of ['a', 'b', 'c']) await alerter.handle(buildSignal({ id }))
    expect(alerter.stats()).toMatchObject({ queued: 2, dropped: 1 })
    await Promise.resolve()
    expect(deliveryLog.records).toEqual([
      expect.objectContaining({ signalId: 'a', status: 'failed', error: 'outbox_full' }),
    ])
  })

  it('records what is still undelivered at close', async () => {
    slack.respond('/hooks/default', down, down, down)
    const { alerter, deliveryLog } = await alerterHarness(slack)
    await alerter.handle(buildSignal({ id: 'late' }))
    await alerter.close()
    expect(deliveryLog.records).toEqual([
      expect.objectContaining({ signalId: 'late', status: 'failed', error: 'undelivered_at_shutdown' }),
    ])
  })

  it('flushes in the background with the real clock and timers', async () => {
    slack.respond('/hooks/default', down)
    const deliveryLog = createMemoryDeliveryLog()
    const alerter = createAlerter({
      mode: { kind: 'webhook', url: `${slack.url}/hooks/default` },
      alerts,
      deliveryLog,
      logger: silentLogger,
      clock: systemClock,
      retry: { maxAttempts: 1, baseDelayMs: 1 },
      flushIntervalMs: 10,
      channelIntervalMs: 0,
    })
    await alerter.handle(buildSignal({ id: 'bg' }))
    expect(alerter.stats().queued).toBe(1)
    for (let i = 0; i < 100 && alerter.stats().queued > 0; i++) await new Promise((r) => setTimeout(r, 10))
    await alerter.close()
    expect(deliveryLog.records.map((r) => r.status)).toEqual(['delivered'])
    expect(delivered()).toBe(2)
  })
})

describe('alerter console mode', () => {
  it('prints the console rendering of each alert', async () => {
    const lines: string[] = []
    const alerter = createAlerter({
      mode: { kind: 'console', write: (line) => lines.push(line) },
      alerts,
      deliveryLog: createMemoryDeliveryLog(),
      logger: silentLogger,
      clock: systemClock,
      flushIntervalMs: 0,
      channelIntervalMs: 0,
    })
    const signal = buildSignal({ severity: 'critical' })
    await alerter.handle(signal)
    await alerter.handle(signal)
    await alerter.close()
    expect(lines).toEqual([formatConsoleAlert(signal)])
  })
})
