import { afterEach, describe, expect, it } from 'vitest'
import { type LocalServer, localServer, recordingSleep, take } from '../testing/local-server.ts'
import { createMastodonConnector } from './streaming.ts'

const status = (id: string, text: string): Record<string, unknown> => ({
  id,
  created_at: '2024-01-01T00:00:00.000Z',
  uri: `https://mastodon.example/users/a/statuses/${id}`,
  url: `https://mastodon.example/@a/${id}`,
  content: `<p>${text}</p>`,
  account: { id: '1', acct: 'a', username: 'a' },
  tags: [{ name: 'flu' }],
  mentions: [],
})

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('Mastodon streaming (SSE) with REST backfill', () => {
  it('backfills from min_id following Link rel=prev, then streams updates; deletes are dropped', async () => {
    server = await localServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/api/v1/timelines/tag/flu') {
        const minId = url.searchParams.get('min_id')
        const page = minId === '100' ? [status('102', 'b'), status('101', 'a')] : []
        res.writeHead(200, {
          'content-type': 'application/json',
          link: `<http://${req.headers.host}/api/v1/timelines/tag/flu?min_id=102>; rel="prev", <http://${req.headers.host}/api/v1/timelines/tag/flu?max_id=101>; rel="next"`,
        })
        res.end(JSON.stringify(page))
      } else if (url.pathname === '/api/v1/streaming/hashtag') {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write(':thump\n\n')
        res.write(`event: update\ndata: ${JSON.stringify(status('103', 'flu clinic'))}\n\n`)
        res.write('event: delete\ndata: 101\n\n')
      } else {
        res.writeHead(404).end()
      }
    })
    const { sleep } = recordingSleep()
    const c = createMastodonConnector({
      instance: server.base,
      hashtags: ['#Flu'],
      accessToken: 'tok',
      sleep,
    })
    const abort = new AbortController()
    const got = await take(c.read({ 'hashtag:flu': '100' }, abort.signal), 4, abort)
    const outcomes = got.flatMap((d) => c.normalise(d.raw))
    const host = new URL(server.base).host
    expect(outcomes.map((o) => (o.kind === 'ok' ? o.value.id : o.kind))).toEqual([
      `mastodon:${host}:101`,
      `mastodon:${host}:102`,
      `mastodon:${host}:103`,
      'drop',
    ])
    expect(got.map((d) => d.checkpoint['hashtag:flu'])).toEqual(['101', '102', '103', '103'])
    expect(
      server.requests
        .filter((r) => r.url.includes('/timelines/'))
        .map((r) => new URL(r.url, 'http://x').searchParams.get('min_id')),
    ).toEqual(['100', '102'])
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true)
    expect(c.health()).toMatchObject({ name: `mastodon:${host}`, events: 4, errors: 0 })
  })

  it('stops with SOURCE_FAILED when the token is rejected', async () => {
    server = await localServer((_req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"error":"The access token is invalid"}')
    })
    const c = createMastodonConnector({
      instance: server.base,
      publicTimeline: 'local',
      accessToken: 'bad',
      sleep: recordingSleep().sleep,
    })
    const abort = new AbortController()
    await expect(take(c.read(undefined, abort.signal), 1, abort)).rejects.toThrow(
      /credentials rejected \(401\).*access token is invalid/,
    )
    expect(server.requests).toHaveLength(1)
  })
})
