import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../framework/connector.ts'
import { type LocalServer, localServer, recordingSleep, take } from '../testing/local-server.ts'
import { createGoogleReviewsConnector, type GoogleReviewsCheckpoint } from './google-poller.ts'

const A = 'accounts/1/locations/10'
const B = 'accounts/1/locations/20'
const at = (second: number): string => `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`

/** A Business Profile `Review`; `updated` defaults to its creation second. */
const review = (
  location: string,
  id: string,
  created: number,
  updated = created,
): Record<string, unknown> => ({
  name: `${location}/reviews/${id}`,
  reviewId: id,
  reviewer: { displayName: 'Pat Doe', profilePhotoUrl: 'https://example.com/p.png' },
  starRating: 'FOUR',
  comment: `Friendly staff at the clinic (${id})`,
  createTime: at(created),
  updateTime: at(updated),
})
const page = (reviews: Record<string, unknown>[], nextPageToken?: string): string =>
  JSON.stringify({
    reviews,
    averageRating: 4,
    totalReviewCount: reviews.length,
    ...(nextPageToken ? { nextPageToken } : {}),
  })
const json = { 'content-type': 'application/json' }
const param = (url: string, name: string): string | null => new URL(url, 'http://x').searchParams.get(name)
const ids = (
  c: ReturnType<typeof createGoogleReviewsConnector>,
  got: Delivery<GoogleReviewsCheckpoint>[],
): string[] => got.flatMap((d) => c.normalise(d.raw)).map((o) => (o.kind === 'ok' ? o.value.id : o.kind))

let server: LocalServer | undefined
afterEach(async () => server?.close())

describe('Google Business Profile reviews polling (live, local server)', () => {
  it('follows nextPageToken back to each location checkpoint, retries a 503, delivers oldest first and picks up edited reviews', async () => {
    let pass = 1
    let failedOnce = false
    server = await localServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      const token = url.searchParams.get('pageToken')
      if (url.pathname === `/${A}/reviews`) {
        if (pass === 2) res.writeHead(200, json).end(page([review(A, 'r2', 2, 6), review(A, 'r5', 5)], 'N2'))
        else if (token === 'N2')
          res
            .writeHead(200, json)
            .end(page([review(A, 'r3', 3), review(A, 'r2', 2), review(A, 'r1', 1)], 'N3'))
        else res.writeHead(200, json).end(page([review(A, 'r5', 5), review(A, 'r4', 4)], 'N2'))
      } else if (url.pathname === `/${B}/reviews`) {
        if (!failedOnce) {
          failedOnce = true
          res
            .writeHead(503, json)
            .end(
              '{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}',
            )
        } else if (pass === 2) res.writeHead(200, json).end(page([review(B, 'b2', 8)]))
        else if (token === 'M2') res.writeHead(200, json).end(page([review(B, 'b1', 7)]))
        else res.writeHead(200, json).end(page([review(B, 'b2', 8)], 'M2'))
      } else res.writeHead(404).end()
    })
    const { sleep, waits } = recordingSleep()
    let tokens = 0
    const c = createGoogleReviewsConnector({
      accessToken: async () => `ya29.t${++tokens}`,
      locations: [A, B],
      pollIntervalMs: 1_800_000,
      apiBase: server.base,
      sleep: async (ms) => {
        await sleep(ms)
        if (ms === 1_800_000) pass = 2
      },
      random: () => 0.5,
    })
    const abort = new AbortController()
    const got = await take(c.read({ [A]: { updateTime: at(2), ids: ['r2'] } }, abort.signal), 6, abort)

    expect(ids(c, got)).toEqual([
      'reviews:google:r3',
      'reviews:google:r4',
      'reviews:google:r5',
      'reviews:google:b1', // a location without a checkpoint is read back to its oldest page
      'reviews:google:b2',
      'reviews:google:r2', // edited: comes again under the same id
    ])
    expect(got.map((d) => d.checkpoint)).toEqual([
      { [A]: { updateTime: at(3), ids: ['r3'] } },
      { [A]: { updateTime: at(4), ids: ['r4'] } },
      { [A]: { updateTime: at(5), ids: ['r5'] } },
      { [A]: { updateTime: at(5), ids: ['r5'] }, [B]: { updateTime: at(7), ids: ['b1'] } },
      { [A]: { updateTime: at(5), ids: ['r5'] }, [B]: { updateTime: at(8), ids: ['b2'] } },
      { [A]: { updateTime: at(6), ids: ['r2'] }, [B]: { updateTime: at(8), ids: ['b2'] } },
    ])
    expect(
      server.requests.map(
        (r) => `${new URL(r.url, 'http://x').pathname} ${param(r.url, 'pageToken') ?? '-'}`,
      ),
    ).toEqual([
      `/${A}/reviews -`,
      `/${A}/reviews N2`, // N3 is older than the checkpoint: never fetched
      `/${B}/reviews -`, // 503
      `/${B}/reviews -`,
      `/${B}/reviews M2`,
      `/${A}/reviews -`, // second pass stops at r5, already seen
    ])
    expect(
      server.requests.every(
        (r) => param(r.url, 'orderBy') === 'updateTime desc' && param(r.url, 'pageSize') === '50',
      ),
    ).toBe(true)
    // The token provider is asked before every page (a refreshed token is used at once); the 503
    // retry repeats the same request.
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(
      [1, 2, 3, 3, 4, 5].map((n) => `Bearer ya29.t${n}`),
    )
    expect(waits).toEqual([750, 1_800_000])
  })

  it.each([
    [
      401,
      '{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.","status":"UNAUTHENTICATED"}}',
    ],
    [
      403,
      '{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}',
    ],
  ])(
    '%i stops the connector after one request with "credentials rejected", never retried',
    async (status, body) => {
      server = await localServer((_req, res) => {
        res.writeHead(status, json).end(body)
      })
      const { sleep, waits } = recordingSleep()
      const c = createGoogleReviewsConnector({
        accessToken: 'expired',
        locations: [A, B],
        apiBase: server.base,
        sleep,
      })
      const abort = new AbortController()
      const err = await take(c.read(undefined, abort.signal), 1, abort).catch((e: unknown) => e)

      expect(err).toMatchObject({
        code: 'SOURCE_FAILED',
        message: expect.stringMatching(
          new RegExp(
            `^reviews:google: credentials rejected \\(${status}\\) by ${server.base}/${A}/reviews: .*"status":"`,
          ),
        ),
      })
      expect(server.requests).toHaveLength(1)
      expect(waits).toEqual([])
      expect(c.health()).toMatchObject({ state: 'failed', errors: 1 })
    },
  )
})
