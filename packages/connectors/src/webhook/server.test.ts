import type { Mention } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookServer, type WebhookServer } from './server.ts'

const TOKEN = 'a-long-shared-secret-token'
const mention = (id: string): Record<string, unknown> => ({
  id,
  source: 'partner',
  text: 'flu clinic',
  createdAt: '2024-05-01T10:00:00+02:00',
  author: { id: 'u1' },
})

let hook: WebhookServer | undefined
afterEach(async () => hook?.close())

async function start(
  accept: (m: readonly Mention[]) => Promise<void>,
  maxBodyBytes = 10_000,
): Promise<WebhookServer> {
  hook = await startWebhookServer({ host: '127.0.0.1', port: 0, token: TOKEN, accept, maxBodyBytes })
  return hook
}

const post = (url: string, body: string, token = TOKEN, type = 'application/json'): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body })

describe('webhook POST /v1/mentions', () => {
  it('accepts an array, reports each item, and hands only valid mentions to the sink', async () => {
    const stored: Mention[] = []
    const { url } = await start(async (m) => void stored.push(...m))
    const res = await post(url, JSON.stringify([mention('p:1'), { id: 'p:2', source: 'partner' }]))
    expect(res.status).toBe(202)
    const body = (await res.json()) as { accepted: number; rejected: number; results: unknown[] }
    expect(body).toMatchObject({
      accepted: 1,
      rejected: 1,
      results: [
        { index: 0, status: 'accepted', id: 'p:1' },
        { index: 1, status: 'rejected', reason: expect.stringContaining('text') },
      ],
    })
    expect(stored.map((m) => m.createdAt)).toEqual(['2024-05-01T08:00:00.000Z'])
  })

  it.each([
    [
      'JSON lines, one bad line',
      `${JSON.stringify(mention('p:1'))}\n{oops\n${JSON.stringify(mention('p:3'))}\n`,
      'application/x-ndjson',
      202,
      { accepted: 2, rejected: 1 },
    ],
    [
      'a single object',
      JSON.stringify(mention('p:9')),
      'application/json',
      202,
      { accepted: 1, rejected: 0 },
    ],
    ['not JSON at all', 'hello', 'text/plain', 400, { error: expect.any(String) }],
  ])('%s', async (_, body, type, status, expected) => {
    const { url } = await start(async () => {})
    const res = await post(url, body, TOKEN, type)
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject(expected)
  })

  it.each([
    ['wrong token', (u: string) => post(u, '[]', 'nope'), 401],
    ['no token', (u: string) => fetch(u, { method: 'POST', body: '[]' }), 401],
    ['GET', (u: string) => fetch(u, { headers: { authorization: `Bearer ${TOKEN}` } }), 405],
    ['other path', (u: string) => post(u.replace('/v1/mentions', '/v1/other'), '[]'), 404],
    [
      'body over the limit',
      (u: string) => post(u, JSON.stringify(Array.from({ length: 200 }, (_, i) => mention(`p:${i}`)))),
      413,
    ],
  ])('refuses %s', async (_, send, status) => {
    let called = false
    const { url } = await start(async () => {
      called = true
    })
    expect((await send(url)).status).toBe(status)
    expect(called).toBe(false)
  })

  it('answers 503 when the sink fails, so the caller retries', async () => {
    const { url, health } = await start(async () => {
      throw new Error('bus down')
    })
    const res = await post(url, JSON.stringify(mention('p:1')))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(health()).toMatchObject({ events: 0, errors: 1, lastError: expect.stringContaining('bus down') })
  })
})
