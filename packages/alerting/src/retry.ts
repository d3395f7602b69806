import { errorMessage } from '@pulse/core'
import { AlertDeliveryError } from './delivery-error.ts'

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Resolves after `ms` or as soon as `signal` aborts (never rejects). */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted === true) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

export interface RetryPolicy {
  /** Attempts per delivery, first included (default 4). */
  maxAttempts: number
  /** Backoff base for 5xx/network errors; delay = random × min(max, base × 2^n) (full jitter). */
  baseDelayMs: number
  maxDelayMs: number
  /** A 429 asking to wait longer than this is not waited for inline: the alert goes to the outbox. */
  maxInlineWaitMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxInlineWaitMs: 30_000,
}

export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: AlertDeliveryError; attempts: number }

function asDeliveryError(err: unknown): AlertDeliveryError {
  return err instanceof AlertDeliveryError
    ? err
    : new AlertDeliveryError('transient', errorMessage(err), { cause: err })
}

/**
 * Runs `call` until it succeeds, fails permanently, or runs out of attempts. A 429 waits exactly
 * `Retry-After` (when within `maxInlineWaitMs`), 5xx and network errors back off with jitter.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  deps: { policy: RetryPolicy; sleep: Sleep; random: () => number; signal?: AbortSignal },
): Promise<RetryOutcome<T>> {
  const { policy } = deps
  let attempts = 0
  for (;;) {
    attempts += 1
    try {
      return { ok: true, value: await call(), attempts }
    } catch (err) {
      const error = asDeliveryError(err)
      if (error.failure === 'permanent' || attempts >= policy.maxAttempts || deps.signal?.aborted === true) {
        return { ok: false, error, attempts }
      }
      let delay: number
      if (error.failure === 'rate_limited') {
        delay = error.retryAfterMs ?? policy.baseDelayMs
        if (delay > policy.maxInlineWaitMs) return { ok: false, error, attempts }
      } else {
        const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1))
        delay = Math.round(deps.random() * cap)
      }
      await deps.sleep(delay, deps.signal)
    }
  }
}
