import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../framework/connector.ts'
import { type LocalServer, localServer, recordingSleep, take } from '../testing/local-server.ts'
import { createYouTubeConnector, type YouTubeCheckpoint } from './poller.ts'

/** A `commentThread`; `second` is the seconds past midnight of its top-level comment. */
const thread = (id: string, second: number, videoId = 'v1'): Record<string, unknown> => ({
  kind: 'youtube#commentThread',
  id,
  snippet: {
    videoId,
    totalReplyCount: 0,
    topLevelComment: {
      kind: 'youtube#comment',
      id,
      snippet: {
        videoId,
        textOriginal: `flu shot question ${id}`,
        authorDisplayName: '@viewer',
        authorChannelId: { value: 'UCviewer' },
        likeCount: 1,
        publishedAt: `2024-01-01T00:00:${String(second).padStart(2, '0')}Z`,
      },
    },
  },
})
const page = (items: Record<string, unknown>[], nextPageToken?: string): string =>
  JSON.stringify({
    kind: 'youtube#commentThreadListResponse',
    ...(nextPageToken ? { nextPageToken } : {}),
    pageInfo: { totalResults: items.length, resultsPerPage: 100 },
    items,
  })
/** Google's error envelope, as the Data API sends it. */
const googleError = (code: number, reason: string, message: string, status?: string): string =>
  JSON.stringify({
    error: {
      code,
      message,
      errors: [{ message, domain: 'youtube.quota', reason }],
      ...(status ? { status } : {}),
    },
  })
const json = { 'content-type': 'application/json' }
const at = (second: number): string => `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`
const param = (url: string, name: string): string | null => new URL(url, 'http://x').searchParams.get(name)
const ids = (c: ReturnType<typeof createYouTubeConnector>, got: Delivery<YouTubeCheckpoint>[]): string[] =>
  got.flatMap((d) => c.normalise(d.raw)).map((o) => (o.kind === 'ok' ? o.value.id : o.kind))

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('YouTube commentThreads.list polling (live, local server)', () => {
  it('retries a 503, pages back to the checkpoint (not past it), delivers oldest first and resumes from the advanced checkpoint', async () => {
    let calls = 0
    server = await localServer((req, res) => {
      calls++
      const token = param(req.url ?? '/', 'pageToken')
      if (calls === 1) res.writeHead(503, json).end(googleError(503, 'backendError', 'Backend Error'))
      else if (token === 'P2')
        res.writeHead(200, json).end(page([thread('c3', 3), thread('c2', 2), thread('c1', 1)], 'P3'))
      else if (calls <= 3) res.writeHead(200, json).end(page([thread('c5', 5), thread('c4', 4)], 'P2'))
      // next pass: one new comment in the same second as the last seen one, one later
      else res.writeHead(200, json).end(page([thread('c6', 6), thread('c5b', 5), thread('c5', 5)], 'Q2'))
    })
    const { sleep, waits } = recordingSleep()
    const c = createYouTubeConnector({
      apiKey: 'KEY',
      videoIds: ['v1'],
      apiBase: server.base,
      sleep,
      random: () => 0.5,
    })
    const abort = new AbortController()
    const got = await take(
      c.read({ 'video:v1': { publishedAt: at(2), ids: ['c2'] } }, abort.signal),
      5,
      abort,
    )

    expect(ids(c, got)).toEqual(['youtube:c3', 'youtube:c4', 'youtube:c5', 'youtube:c5b', 'youtube:c6'])
    expect(got.map((d) => d.checkpoint['video:v1'])).toEqual([
      { publishedAt: at(3), ids: ['c3'] },
      { publishedAt: at(4), ids: ['c4'] },
      { publishedAt: at(5), ids: ['c5'] },
      { publishedAt: at(5), ids: ['c5', 'c5b'] },
      { publishedAt: at(6), ids: ['c6'] },
    ])
    // P3 (older than the checkpoint) and Q2 are never fetched: quota is spent only on new comments.
    expect(server.requests.map((r) => param(r.url, 'pageToken'))).toEqual([null, null, 'P2', null])
    expect(
      server.requests.every(
        (r) =>
          param(r.url, 'key') === 'KEY' &&
          param(r.url, 'videoId') === 'v1' &&
          param(r.url, 'order') === 'time',
      ),
    ).toBe(true)
    expect(waits).toEqual([750, 900_000]) // one backoff for the 503, then the poll interval
  })

  it('on quotaExceeded makes no further request in that pass, reports it clearly and tries again only after the poll interval', async () => {
    let calls = 0
    server = await localServer((_req, res) => {
      calls++
      if (calls === 1)
        res
          .writeHead(403, json)
          .end(
            googleError(
              403,
              'quotaExceeded',
              'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
            ),
          )
      else res.writeHead(200, json).end(page([thread('c1', 1)]))
    })
    const { sleep, waits } = recordingSleep()
    const c = createYouTubeConnector({
      apiKey: 'KEY',
      videoIds: ['v1', 'v2'],
      pollIntervalMs: 600_000,
      apiBase: server.base,
      sleep,
      random: () => 0.5,
    })
    const abort = new AbortController()
    const got = await take(c.read(undefined, abort.signal), 1, abort)

    expect(ids(c, got)).toEqual(['youtube:c1'])
    expect(server.requests.map((r) => param(r.url, 'videoId'))).toEqual(['v1', 'v1'])
    expect(waits).toEqual([600_000])
    expect(c.health()).toMatchObject({ errors: 1, lastError: 'youtube: quotaExceeded; retrying later' })
  })

  it.each([
    [
      '404 videoNotFound',
      404,
      'videoNotFound',
      'The video identified by the videoId parameter could not be found.',
    ],
    [
      '403 commentsDisabled',
      403,
      'commentsDisabled',
      'The video identified by the videoId parameter has disabled comments.',
    ],
  ])('%s on one video skips it and keeps polling the others', async (_, status, reason, message) => {
    server = await localServer((req, res) => {
      if (param(req.url ?? '/', 'videoId') === 'gone')
        res.writeHead(status, json).end(googleError(status, reason, message))
      else res.writeHead(200, json).end(page([thread('c1', 1, 'v2')]))
    })
    const c = createYouTubeConnector({
      apiKey: 'KEY',
      videoIds: ['gone', 'v2'],
      apiBase: server.base,
      sleep: recordingSleep().sleep,
    })
    const abort = new AbortController()
    const got = await take(c.read(undefined, abort.signal), 1, abort)

    expect(ids(c, got)).toEqual(['youtube:c1'])
    expect(server.requests.map((r) => param(r.url, 'videoId'))).toEqual(['gone', 'v2'])
    expect(c.health()).toMatchObject({ errors: 1, lastError: `youtube: video:gone: ${reason}` })
  })

  it.each([
    [
      '400 API key not valid',
      400,
      JSON.stringify({
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          errors: [
            {
              message: 'API key not valid. Please pass a valid API key.',
              domain: 'global',
              reason: 'badRequest',
            },
          ],
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
              metadata: { service: 'youtube.googleapis.com' },
            },
          ],
        },
      }),
      /^youtube: credentials rejected \(400 .*API key not valid/,
    ],
    [
      '403 API not enabled for the key',
      403,
      googleError(
        403,
        'accessNotConfigured',
        'YouTube Data API v3 has not been used in project 1 before or it is disabled.',
        'PERMISSION_DENIED',
      ),
      /^youtube: credentials rejected \(403 accessNotConfigured\).*has not been used/,
    ],
  ])('%s stops the connector after one request with a clear message', async (_, status, body, message) => {
    server = await localServer((_req, res) => {
      res.writeHead(status, json).end(body)
    })
    const c = createYouTubeConnector({
      apiKey: 'bad',
      videoIds: ['v1'],
      apiBase: server.base,
      sleep: recordingSleep().sleep,
    })
    const abort = new AbortController()
    await expect(take(c.read(undefined, abort.signal), 1, abort)).rejects.toMatchObject({
      code: 'SOURCE_FAILED',
      message: expect.stringMatching(message),
    })
    expect(server.requests).toHaveLength(1)
    expect(c.health().state).toBe('failed')
  })
})
