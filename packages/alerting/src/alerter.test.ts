import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryDeliveryLog } from './delivery-log.ts'
import { alerterHarness, allStrings, buildSignal, type FakeSlack, startFakeSlack } from './test-support.ts'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())
afterEach(() => slack.reset())

const hooks = () => slack.requests.filter((r) => r.path.startsWith('/hooks/'))

describe('alerter (webhook mode)', () => {
  it('delivers a signal state once, even when handled again or after a restart', async () => {
    const deliveryLog = createMemoryDeliveryLog()
    const first = await alerterHarness(slack, { deliveryLog })
    const signal = buildSignal()
    await first.alerter.handle(signal)
    await first.alerter.handle({ ...signal, revision: 2 }) // same id, state and severity
    await first.alerter.close()
    const restarted = await alerterHarness(slack, { deliveryLog })
    await restarted.alerter.handle(signal)
    expect(hooks()).toHaveLength(1)
    expect(deliveryLog.records).toEqual([
      expect.objectContaining({
        key: 'sig-1|opened|warning',
        status: 'delivered',
        attempts: 1,
        channel: '#pulse',
        mode: 'webhook',
      }),
    ])
    expect(restarted.alerter.stats()).toMatchObject({ delivered: 0, duplicates: 1 })
  })

  it('routes to the first matching route, through that channel webhook', async () => {
    const { alerter } = await alerterHarness(slack, {
      alerts: { routes: [{ channel: '#myths', kinds: ['misinformation_surge'] }] },
    })
    await alerter.handle(buildSignal({ id: 'm', kind: 'misinformation_surge' }))
    await alerter.handle(buildSignal({ id: 'v', kind: 'volume_spike' }))
    expect(hooks().map((r) => r.path)).toEqual(['/hooks/myths', '/hooks/default'])
  })

  it('holds non-critical alerts during quiet hours for the digest; critical ones go through', async () => {
    // 15:00 UTC is 23:00 in Singapore
    const { alerter, deliveryLog } = await alerterHarness(slack, {
      alerts: { quietHours: { from: '22:00', to: '07:00', timezone: 'Asia/Singapore' } },
    })
    await alerter.handle(buildSignal({ id: 'night', severity: 'warning' }))
    await alerter.handle(buildSignal({ id: 'night', severity: 'warning' }))
    await alerter.handle(buildSignal({ id: 'fire', severity: 'critical' }))
    expect(hooks()).toHaveLength(1)
    expect(hooks()[0]?.body.text).toMatch(/^🔴/)
    expect(deliveryLog.records.map((r) => [r.signalId, r.status])).toEqual([
      ['night', 'held'],
      ['fire', 'delivered'],
    ])
    await alerter.sendDigest({
      date: '2025-03-14',
      topTopics: [],
      sentiment: [],
      signals: [],
      unansweredQuestions: [],
    })
    expect(allStrings(hooks()[1]?.body).join('\n')).toMatch(/Held during quiet hours\* \(1\)/)
    expect(alerter.takeHeld()).toEqual([])
  })

  it('merges a re-escalation within the cooldown and sends it when the cooldown ends', async () => {
    const { alerter, clock } = await alerterHarness(slack, { alerts: { cooldownMinutes: 30 } })
    await alerter.handle(buildSignal({ state: 'opened' }))
    await alerter.handle(buildSignal({ state: 'escalating', revision: 2 }))
    await alerter.handle(buildSignal({ state: 'escalating', revision: 3, title: 'Latest' })) // replaces rev 2
    await alerter.flush()
    expect(hooks()).toHaveLength(1)
    clock.advance(30 * 60_000)
    await alerter.flush()
    await alerter.flush()
    expect(hooks()).toHaveLength(2)
    expect(hooks()[1]?.body.text).toMatch(/Escalating Volume spike: Latest/)
    expect(alerter.stats()).toMatchObject({ delivered: 2, merged: 2 })
  })

  it('posts at once when severity rises within the cooldown', async () => {
    const { alerter } = await alerterHarness(slack)
    await alerter.handle(buildSignal({ state: 'opened', severity: 'warning' }))
    await alerter.handle(buildSignal({ state: 'escalating', severity: 'critical', revision: 2 }))
    expect(hooks().map((r) => String(r.body.text).slice(0, 2))).toEqual(['🟠', '🔴'])
  })

  it('skips a resolution for a signal that was never alerted', async () => {
    const { alerter } = await alerterHarness(slack)
    await alerter.handle(buildSignal({ state: 'resolved' }))
    expect(hooks()).toHaveLength(0)
  })

  it('waits for Retry-After on 429 and then delivers', async () => {
    slack.respond('/hooks/default', { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } })
    const { alerter, sleeps, deliveryLog } = await alerterHarness(slack)
    await alerter.handle(buildSignal())
    expect(sleeps).toEqual([1000])
    expect(hooks()).toHaveLength(2)
    expect(deliveryLog.records).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2 })])
  })

  it('records a permanent failure once and never retries it', async () => {
    slack.respond('/hooks/default', { status: 404, body: 'channel_not_found' })
    const { alerter, deliveryLog } = await alerterHarness(slack)
    await alerter.handle(buildSignal())
    await alerter.handle(buildSignal())
    await alerter.flush()
    expect(hooks()).toHaveLength(1)
    expect(deliveryLog.records).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, error: 'channel_not_found' }),
    ])
  })

  it('paces posts to one channel at about one per second', async () => {
    const { alerter, sleeps } = await alerterHarness(slack)
    await alerter.handle(buildSignal({ id: 'a' }))
    await alerter.handle(buildSignal({ id: 'b' }))
    expect(sleeps).toEqual([1000])
  })

  it('never lets post text ping or spoof a link in the payload it sends', async () => {
    const hostile = '<!channel> <!here> @everyone <@U1> <#C1> <!subteam^S1> <http://evil|https://trusted.org>'
    const { alerter } = await alerterHarness(slack)
    await alerter.handle(
      buildSignal({
        title: hostile,
        summary: hostile,
        evidence: { sampleTexts: [hostile], topTerms: [{ value: hostile, count: 1 }] },
      }),
    )
    const strings = allStrings(hooks()[0]?.body)
    expect(strings.length).toBeGreaterThan(10)
    for (const s of strings) {
      expect(s).not.toMatch(/<[!@#]|<http/)
      expect(s).not.toMatch(/(^|[^\u2060])@(everyone|here|channel)\b/)
    }
  })

  it('refuses work after close', async () => {
    const { alerter } = await alerterHarness(slack)
    await alerter.close()
    await expect(alerter.handle(buildSignal())).rejects.toMatchObject({ code: 'ALERT_DELIVERY_FAILED' })
  })
})
