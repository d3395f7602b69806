import { afterEach, describe, expect, it } from 'vitest'
import { type LocalServer, localServer, recordingSleep, take } from '../testing/local-server.ts'
import { createRedditConnector } from './poller.ts'

const post = (n: number): Record<string, unknown> => ({
  kind: 't3',
  data: {
    name: `t3_p${n}`,
    id: `p${n}`,
    title: `post ${n}`,
    selftext: '',
    author: 'u1',
    created_utc: 1_700_000_000 + n,
    permalink: `/r/health/comments/p${n}/`,
  },
})
const listing = (ns: number[], after: string | null): string =>
  JSON.stringify({ kind: 'Listing', data: { after, before: null, children: ns.map(post) } })

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('Reddit polling (OAuth client credentials, Listing pagination)', () => {
  it('waits out a 429 Retry-After, follows `after` back to the checkpoint and delivers new posts oldest first', async () => {
    let listings = 0
    server = await localServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/api/v1/access_token') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'T', token_type: 'bearer', expires_in: 86400 }))
        return
      }
      listings++
      if (listings === 1) {
        res.writeHead(429, { 'retry-after': '7' }).end('Too Many Requests')
        return
      }
      const headers = {
        'content-type': 'application/json',
        'x-ratelimit-remaining': '95.0',
        'x-ratelimit-used': '5',
        'x-ratelimit-reset': '300',
      }
      if (url.searchParams.get('after') === 't3_p4') res.writeHead(200, headers).end(listing([3, 2, 1], null))
      else res.writeHead(200, headers).end(listing([6, 5, 4], 't3_p4'))
    })
    const { sleep, waits } = recordingSleep()
    const c = createRedditConnector({
      clientId: 'id',
      clientSecret: 'secret',
      userAgent: 'test:pulse:1.0',
      subreddits: ['health'],
      includeComments: false,
      apiBase: server.base,
      authBase: server.base,
      sleep,
    })
    const abort = new AbortController()
    const got = await take(
      c.read({ 'r/health/new': { createdUtc: 1_700_000_002, names: ['t3_p2'] } }, abort.signal),
      4,
      abort,
    )
    expect(
      got.flatMap((d) => c.normalise(d.raw)).map((o) => (o.kind === 'ok' ? o.value.id : o.kind)),
    ).toEqual(['reddit:t3_p3', 'reddit:t3_p4', 'reddit:t3_p5', 'reddit:t3_p6'])
    expect(got.at(-1)?.checkpoint).toEqual({
      'r/health/new': { createdUtc: 1_700_000_006, names: ['t3_p6'] },
    })
    expect(waits[0]).toBe(7000)
    const token = server.requests.find((r) => r.url === '/api/v1/access_token')
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from('id:secret').toString('base64')}`)
    expect(
      server.requests
        .filter((r) => r.url.startsWith('/r/'))
        .every((r) => r.headers.authorization === 'bearer T' && r.headers['user-agent'] === 'test:pulse:1.0'),
    ).toBe(true)
    expect(c.health().rateLimit).toMatchObject({ remaining: 95, limit: 100 })
  })

  it('fails fast with a clear error when the app credentials are rejected', async () => {
    server = await localServer((_req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"message": "Unauthorized", "error": 401}')
    })
    const c = createRedditConnector({
      clientId: 'id',
      clientSecret: 'wrong',
      userAgent: 'ua',
      terms: ['measles'],
      apiBase: server.base,
      authBase: server.base,
      sleep: recordingSleep().sleep,
    })
    const abort = new AbortController()
    await expect(take(c.read(undefined, abort.signal), 1, abort)).rejects.toMatchObject({
      code: 'SOURCE_FAILED',
      message: expect.stringMatching(/^reddit: credentials rejected \(401\)/),
    })
    expect(server.requests).toHaveLength(1)
    expect(c.health()).toMatchObject({ state: 'failed', errors: 1 })
  })
})
