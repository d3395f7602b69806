import { afterEach, describe, expect, it } from 'vitest'
import { type LocalServer, localServer, recordingSleep } from '../testing/local-server.ts'
import { createRssConnector } from './poller.ts'

const feed = (guids: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Health dept</title><link>https://health.example.gov</link>${guids
    .map(
      (g) =>
        `<item><title>Item ${g}</title><guid>${g}</guid><pubDate>Tue, 14 May 2024 14:30:00 GMT</pubDate><description>&lt;p&gt;Body ${g}&lt;/p&gt;</description></item>`,
    )
    .join('')}</channel></rss>`

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('RSS polling with conditional GET', () => {
  it('sends If-None-Match, treats 304 as nothing new, and delivers each guid once', async () => {
    let version = 1
    server = await localServer((req, res) => {
      const etag = `"v${version}"`
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end()
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag })
        .end(feed(version === 1 ? ['b', 'a'] : ['c', 'b', 'a']))
    })
    const { sleep } = recordingSleep()
    const abort = new AbortController()
    let passes = 0
    const c = createRssConnector({
      feeds: [`${server.base}/feed.xml`],
      sleep: async () => {
        await sleep(0)
        passes++
        if (passes === 2) version = 2
        if (passes === 3) abort.abort()
      },
    })
    const got = []
    for await (const d of c.read(undefined, abort.signal)) got.push(d)
    const ids = got.flatMap((d) => c.normalise(d.raw)).map((o) => (o.kind === 'ok' ? o.value.id : o.kind))
    expect(ids).toEqual(['rss:a', 'rss:b', 'rss:c'])
    expect(server.requests.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, '"v1"', '"v1"'])
    expect(got.at(-1)?.checkpoint[`${server.base}/feed.xml`]).toEqual({
      etag: '"v2"',
      lastModified: null,
      seen: ['a', 'b', 'c'].map((g) => `rss:${g}`),
    })
    expect(c.normalise(got[0]?.raw)[0]).toMatchObject({
      kind: 'ok',
      value: { text: 'Body a', author: { id: new URL(server.base).host } },
    })
  })
})
