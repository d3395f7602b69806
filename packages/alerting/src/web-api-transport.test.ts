import { silentLogger } from '@pulse/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlertDeliveryError } from './delivery-error.ts'
import { buildSignalBlocks } from './signal-message.ts'
import { buildSignal, type FakeResponse, type FakeSlack, startFakeSlack } from './test-support.ts'
import { createWebApiTransport } from './web-api-transport.ts'

let slack: FakeSlack
beforeAll(async () => {
  slack = await startFakeSlack()
})
afterAll(() => slack.close())

const message = buildSignalBlocks(buildSignal())
const transport = () =>
  createWebApiTransport({
    token: 'xoxb-test',
    slackApiUrl: `${slack.url}/api/`,
    channelIds: { '#pulse': 'C0PULSE' },
    logger: silentLogger,
  })

describe('web api transport', () => {
  it('posts with chat.postMessage and returns ts and channel id', async () => {
    slack.respond('/api/chat.postMessage', { body: { ok: true, channel: 'C0PULSE', ts: '111.222' } })
    const result = await transport().post({ channel: '#pulse', message })
    expect(result).toEqual({ ts: '111.222', channelId: 'C0PULSE' })
    const req = slack.requests.at(-1)
    expect(req?.path).toBe('/api/chat.postMessage')
    expect(req?.body).toMatchObject({ channel: 'C0PULSE', text: message.text, blocks: message.blocks })
    expect(req?.body.thread_ts).toBeUndefined()
  })

  it('replies in a thread and edits with chat.update', async () => {
    const t = transport()
    await t.post({ channel: 'C0PULSE', message, threadTs: '111.222' })
    expect(slack.requests.at(-1)?.body).toMatchObject({ thread_ts: '111.222' })
    await t.update({ channelId: 'C0PULSE', ts: '111.222' }, message)
    expect(slack.requests.at(-1)).toMatchObject({
      path: '/api/chat.update',
      body: { channel: 'C0PULSE', ts: '111.222' },
    })
  })

  it.each<[string, FakeResponse, { failure: string; reason: string; retryAfterMs?: number }]>([
    [
      '429 with Retry-After',
      { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } },
      { failure: 'rate_limited', reason: 'ratelimited', retryAfterMs: 1000 },
    ],
    [
      'channel_not_found',
      { body: { ok: false, error: 'channel_not_found' } },
      { failure: 'permanent', reason: 'channel_not_found' },
    ],
    [
      'invalid_blocks',
      { body: { ok: false, error: 'invalid_blocks' } },
      { failure: 'permanent', reason: 'invalid_blocks' },
    ],
    [
      'not_in_channel',
      { body: { ok: false, error: 'not_in_channel' } },
      { failure: 'permanent', reason: 'not_in_channel' },
    ],
    [
      'internal_error (200)',
      { body: { ok: false, error: 'internal_error' } },
      { failure: 'transient', reason: 'internal_error' },
    ],
    ['HTTP 500', { status: 500, body: 'oops' }, { failure: 'transient', reason: 'http_500' }],
    ['HTTP 404', { status: 404, body: 'nope' }, { failure: 'permanent', reason: 'http_404' }],
    ['connection dropped', { hangUp: true }, { failure: 'transient', reason: expect.any(String) }],
  ])('classifies %s', async (_name, response, expected) => {
    slack.respond('/api/chat.postMessage', response)
    const error = await transport()
      .post({ channel: '#pulse', message })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AlertDeliveryError)
    expect(error).toMatchObject(expected)
  })
})
