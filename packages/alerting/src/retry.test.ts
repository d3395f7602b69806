import { describe, expect, it } from 'vitest'
import { AlertDeliveryError, parseRetryAfter } from './delivery-error.ts'
import { DEFAULT_RETRY_POLICY, withRetry } from './retry.ts'

const rate = (s: number) => new AlertDeliveryError('rate_limited', 'ratelimited', { retryAfterMs: s * 1000 })
const transient = () => new AlertDeliveryError('transient', 'http_503')
const permanent = () => new AlertDeliveryError('permanent', 'channel_not_found')

describe('withRetry', () => {
  it.each<[string, (AlertDeliveryError | 'ok')[], { ok: boolean; attempts: number; sleeps: number[] }]>([
    ['success first time', ['ok'], { ok: true, attempts: 1, sleeps: [] }],
    [
      'honours Retry-After exactly',
      [rate(1), rate(2), 'ok'],
      { ok: true, attempts: 3, sleeps: [1000, 2000] },
    ],
    [
      'backs off with jitter on 5xx',
      [transient(), transient(), 'ok'],
      { ok: true, attempts: 3, sleeps: [250, 500] },
    ],
    ['never retries a permanent error', [permanent(), 'ok'], { ok: false, attempts: 1, sleeps: [] }],
    [
      'gives up after max attempts',
      [transient(), transient(), transient(), transient(), 'ok'],
      { ok: false, attempts: 4, sleeps: [250, 500, 1000] },
    ],
    [
      'does not wait inline for a long Retry-After',
      [rate(120), 'ok'],
      { ok: false, attempts: 1, sleeps: [] },
    ],
  ])('%s', async (_name, script, expected) => {
    const sleeps: number[] = []
    let i = 0
    const outcome = await withRetry(
      async () => {
        const step = script[i++]
        if (step === undefined || step === 'ok') return 'done'
        throw step
      },
      { policy: DEFAULT_RETRY_POLICY, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    )
    expect(outcome.ok).toBe(expected.ok)
    expect(outcome.attempts).toBe(expected.attempts)
    expect(sleeps).toEqual(expected.sleeps)
  })

  it('wraps an unknown error as transient', async () => {
    const outcome = await withRetry(
      async () => {
        throw new Error('boom')
      },
      { policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }, sleep: async () => {}, random: () => 0 },
    )
    expect(outcome).toMatchObject({ ok: false, error: { failure: 'transient', reason: 'boom' } })
  })
})

describe('parseRetryAfter', () => {
  it.each<[string | null, number | undefined]>([
    ['1', 1000],
    ['0', 0],
    ['30', 30_000],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['Thu, 01 Jan 1970 00:00:05 GMT', 5000],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, 0)).toBe(expected)
  })
})
