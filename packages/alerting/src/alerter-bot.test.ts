import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryDeliveryLog } from './delivery-log.ts'
import { alerterHarness, allStrings, buildSignal, type FakeSlack, startFakeSlack } from './test-support.ts'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())
afterEach(() => slack.reset())

const calls = () => slack.requests.map((r) => ({ path: r.path.replace('/api/', ''), body: r.body }))
const header = (body: Record<string, unknown>) => allStrings(body.blocks)[2]

describe('alerter (bot-token mode)', () => {
  it('posts one parent, threads escalations, edits the parent on escalation and resolution', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: true, channel: 'C0PULSE', ts: '100.001' } })
    const { alerter, deliveryLog } = await alerterHarness(slack, { mode: 'bot' })
    await alerter.handle(buildSignal({ state: 'opened', severity: 'warning' }))
    await alerter.handle(buildSignal({ state: 'escalating', severity: 'warning', revision: 2 }))
    await alerter.handle(buildSignal({ state: 'escalating', severity: 'critical', revision: 3 }))
    await alerter.handle(buildSignal({ state: 'resolved', severity: 'critical', revision: 4 }))
    const c = calls()
    expect(c.map((x) => [x.path, x.body.thread_ts ?? null])).toEqual([
      ['chat.postMessage', null],
      ['chat.postMessage', '100.001'],
      ['chat.update', null],
      ['chat.postMessage', '100.001'],
      ['chat.update', null],
      ['chat.update', null],
    ])
    expect(c[0]?.body.channel).toBe('#pulse')
    expect(c[2]?.body).toMatchObject({ channel: 'C0PULSE', ts: '100.001' })
    expect(header(c[4]?.body ?? {})).toMatch(/^🔴 Volume spike/)
    expect(header(c[5]?.body ?? {})).toMatch(/^✅ Resolved: /)
    expect(deliveryLog.records.map((r) => [r.state, r.status, r.slackTs])).toEqual([
      ['opened', 'delivered', '100.001'],
      ['escalating', 'delivered', expect.any(String)],
      ['escalating', 'delivered', expect.any(String)],
      ['resolved', 'delivered', '100.001'],
    ])
  })

  it('threads into the parent posted before a restart', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: true, channel: 'C0PULSE', ts: '200.002' } })
    const deliveryLog = createMemoryDeliveryLog()
    const before = await alerterHarness(slack, { mode: 'bot', deliveryLog })
    await before.alerter.handle(buildSignal({ id: 'sig-r' }))
    await before.alerter.close()
    const after = await alerterHarness(slack, { mode: 'bot', deliveryLog })
    await after.alerter.handle(buildSignal({ id: 'sig-r' })) // already delivered
    await after.alerter.handle(
      buildSignal({ id: 'sig-r', state: 'escalating', severity: 'critical', revision: 2 }),
    )
    expect(calls().map((x) => [x.path, x.body.thread_ts ?? null])).toEqual([
      ['chat.postMessage', null],
      ['chat.postMessage', '200.002'],
      ['chat.update', null],
    ])
  })

  it('keeps the thread reply when the parent edit fails', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: true, channel: 'C0PULSE', ts: '300.003' } })
    slack.respond('/api/chat.update', { body: { ok: false, error: 'message_not_found' } })
    const { alerter, deliveryLog } = await alerterHarness(slack, { mode: 'bot' })
    await alerter.handle(buildSignal({ id: 'e' }))
    await alerter.handle(buildSignal({ id: 'e', state: 'escalating', revision: 2 }))
    expect(calls().map((x) => x.path)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.update'])
    expect(deliveryLog.records.map((r) => r.status)).toEqual(['delivered', 'delivered'])
  })

  it('records channel_not_found as failed without retrying', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: false, error: 'channel_not_found' } })
    const { alerter, deliveryLog } = await alerterHarness(slack, { mode: 'bot' })
    await alerter.handle(buildSignal({ id: 'x' }))
    expect(calls()).toHaveLength(1)
    expect(deliveryLog.records).toEqual([
      expect.objectContaining({ status: 'failed', error: 'channel_not_found', mode: 'bot' }),
    ])
  })

  it('edits the parent to resolved during quiet hours, but holds new non-critical alerts', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: true, channel: 'C0PULSE', ts: '400.004' } })
    const { alerter, clock } = await alerterHarness(slack, {
      mode: 'bot',
      alerts: { quietHours: { from: '22:00', to: '07:00', timezone: 'UTC' } },
      start: '2025-03-14T21:00:00Z',
    })
    await alerter.handle(buildSignal({ id: 'q' }))
    clock.set(Date.parse('2025-03-14T23:00:00Z'))
    await alerter.handle(buildSignal({ id: 'q', state: 'resolved', revision: 2 }))
    await alerter.handle(buildSignal({ id: 'new-at-night' }))
    expect(calls().map((x) => x.path)).toEqual(['chat.postMessage', 'chat.update'])
    expect(alerter.takeHeld().map((s) => s.id)).toEqual(['new-at-night'])
  })
})
