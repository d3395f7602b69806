import { manualClock } from '@pulse/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlertDeliveryError } from './delivery-error.ts'
import { buildSignalBlocks } from './signal-message.ts'
import { buildSignal, type FakeResponse, type FakeSlack, startFakeSlack } from './test-support.ts'
import { createWebhookTransport } from './webhook-transport.ts'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())

const message = buildSignalBlocks(buildSignal())

describe('webhook transport', () => {
  it('posts text and blocks to the channel webhook, unfurling off', async () => {
    const transport = createWebhookTransport({
      url: `${slack.url}/hooks/default`,
      channelUrls: { '#myths': `${slack.url}/hooks/myths` },
      clock: manualClock(),
    })
    await transport.post({ channel: '#myths', message })
    await transport.post({ channel: '#elsewhere', message })
    const [myths, other] = slack.requests.slice(-2)
    expect(myths?.path).toBe('/hooks/myths')
    expect(other?.path).toBe('/hooks/default')
    expect(myths?.body).toMatchObject({ text: message.text, blocks: message.blocks, unfurl_links: false })
  })

  it.each<[string, FakeResponse, { failure: string; reason: string; retryAfterMs?: number }]>([
    [
      '429 with Retry-After',
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } },
      { failure: 'rate_limited', reason: 'rate_limited', retryAfterMs: 1000 },
    ],
    [
      '400 invalid_payload',
      { status: 400, body: 'invalid_payload' },
      { failure: 'permanent', reason: 'invalid_payload' },
    ],
    [
      '404 channel_not_found',
      { status: 404, body: 'channel_not_found' },
      { failure: 'permanent', reason: 'channel_not_found' },
    ],
    [
      '403 action_prohibited',
      { status: 403, body: 'action_prohibited' },
      { failure: 'permanent', reason: 'action_prohibited' },
    ],
    [
      '410 channel_is_archived',
      { status: 410, body: 'channel_is_archived' },
      { failure: 'permanent', reason: 'channel_is_archived' },
    ],
    [
      '500 rollup_error',
      { status: 500, body: 'rollup_error' },
      { failure: 'transient', reason: 'rollup_error' },
    ],
    ['503 with empty body', { status: 503, body: '' }, { failure: 'transient', reason: 'http_503' }],
    ['connection dropped', { hangUp: true }, { failure: 'transient', reason: expect.any(String) }],
  ])('classifies %s', async (_name, response, expected) => {
    slack.respond('/hooks/errors', response)
    const transport = createWebhookTransport({ url: `${slack.url}/hooks/errors`, clock: manualClock() })
    const error = await transport.post({ channel: '#x', message }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AlertDeliveryError)
    expect(error).toMatchObject({ code: 'ALERT_DELIVERY_FAILED', ...expected })
  })
})
