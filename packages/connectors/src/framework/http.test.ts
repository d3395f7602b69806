import { manualClock } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { recordingSleep } from '../testing/local-server.ts'
import { createHealth } from './health.ts'
import { createHttp, isFatal, retryAfterMs } from './http.ts'
import { runtime } from './runtime.ts'

type Reply = { status: number; headers?: Record<string, string>; body?: string } | Error

function setup(replies: Reply[], maxAttempts = 4) {
  const clock = manualClock(Date.parse('2024-01-01T00:00:00Z'))
  const { sleep, waits } = recordingSleep()
  let calls = 0
  const fetch = async (): Promise<Response> => {
    const r = replies[Math.min(calls++, replies.length - 1)]
    if (r === undefined || r instanceof Error) throw r ?? new Error('no reply')
    return new Response(r.body ?? '{}', { status: r.status, headers: r.headers ?? {} })
  }
  const health = createHealth('t', 'reddit', clock)
  const http = createHttp({
    name: 'reddit',
    rt: runtime({ fetch, clock, sleep, random: () => 0.5 }),
    health,
    maxAttempts,
    backoff: { baseMs: 1000, maxMs: 8000 },
  })
  return { http, waits, health, calls: () => calls, clock }
}

const signal = new AbortController().signal

describe('HTTP with rate limits, retries and credential errors', () => {
  it.each([
    [
      '429 with Retry-After seconds waits exactly that',
      [{ status: 429, headers: { 'retry-after': '3' } }, { status: 200 }],
      [3000],
    ],
    [
      '429 with Retry-After HTTP date',
      [{ status: 429, headers: { 'retry-after': 'Mon, 01 Jan 2024 00:00:10 GMT' } }, { status: 200 }],
      [10_000],
    ],
    [
      '429 with only an X reset (epoch seconds)',
      [
        {
          status: 429,
          headers: {
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(Date.parse('2024-01-01T00:01:00Z') / 1000),
          },
        },
        { status: 200 },
      ],
      [60_000],
    ],
    [
      '503s back off exponentially with jitter',
      [{ status: 503 }, { status: 502 }, { status: 200 }],
      [750, 1500],
    ],
    ['network errors are retried', [new Error('ECONNRESET'), { status: 200 }], [750]],
  ] as const)('%s', async (_, replies, expectedWaits) => {
    const t = setup([...replies])
    const res = await t.http('https://api.example/x', { signal })
    expect(res.status).toBe(200)
    expect(t.waits).toEqual(expectedWaits)
  })

  it('waits for the window to reset before the next request when x-ratelimit-remaining hits 0', async () => {
    const t = setup([
      {
        status: 200,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '100', 'x-ratelimit-reset': '42' },
      },
      { status: 200 },
    ])
    await t.http('https://api.example/x', { signal })
    expect(t.health.snapshot().rateLimit).toMatchObject({
      remaining: 0,
      limit: 100,
      resetAt: '2024-01-01T00:00:42.000Z',
    })
    await t.http('https://api.example/x', { signal })
    expect(t.waits).toEqual([42_000])
  })

  it.each([401, 403])(
    '%i is reported as rejected credentials at once, never retried, never leaking the query',
    async (status) => {
      const t = setup([{ status, body: '{"message":"Unauthorized"}' }])
      const err = await t.http('https://api.example/x?key=SECRET', { signal }).catch((e: unknown) => e)
      expect(err).toMatchObject({
        code: 'SOURCE_FAILED',
        message: `reddit: credentials rejected (${status}) by https://api.example/x: {"message":"Unauthorized"}`,
      })
      expect(isFatal(err)).toBe(true)
      expect(t.calls()).toBe(1)
      expect(t.health.snapshot()).toMatchObject({ state: 'failed', errors: 1 })
    },
  )

  it('gives up after maxAttempts with a retryable (non-fatal) error', async () => {
    const t = setup([{ status: 500 }], 3)
    const err = await t.http('https://api.example/x', { signal }).catch((e: unknown) => e)
    expect(err).toMatchObject({ message: expect.stringContaining('gave up after 3 attempts') })
    expect(isFatal(err)).toBe(false)
    expect(t.calls()).toBe(3)
  })

  it.each([
    ['5', 5000],
    ['0', 0],
    ['', null],
    ['soon', null],
  ])('Retry-After %j → %j ms', (v, ms) => {
    expect(retryAfterMs(v, 0)).toBe(ms)
  })
})
