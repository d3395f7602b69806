import { errorMessage, PulseError } from '@pulse/core'
import type { HealthTracker } from './health.ts'
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, type Runtime } from './runtime.ts'

export interface HttpClientOptions {
  /** Connector name used in error messages (`reddit`, `x`, …). */
  readonly name: string
  readonly rt: Runtime
  readonly health: HealthTracker
  /** Attempts per request for 429, 5xx and network faults (default 6). */
  readonly maxAttempts?: number
  readonly backoff?: BackoffPolicy
}

export interface RequestOptions extends Omit<RequestInit, 'signal'> {
  readonly signal: AbortSignal
  /** Statuses handed back to the caller instead of failing (e.g. 304, a 403 the caller inspects). */
  readonly allowStatus?: readonly number[]
}

export type HttpRequest = (url: string, init: RequestOptions) => Promise<Response>

/** The `cause` of a `SOURCE_FAILED` thrown for an HTTP answer: its status and whether retrying later can help. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError'
  constructor(
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(`HTTP ${status}`)
  }
}

/** True when a connector should stop instead of reconnecting: credentials rejected or a request the platform refuses. */
export function isFatal(err: unknown): boolean {
  return err instanceof PulseError && err.cause instanceof HttpStatusError && !err.cause.retryable
}

/** URL without query string or credentials, safe for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.origin}${u.pathname}`
  } catch {
    return '(invalid url)'
  }
}

function headerNumber(res: Response, ...names: string[]): number | null {
  for (const n of names) {
    const v = res.headers.get(n)
    if (v !== null && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  }
  return null
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null
  const secs = Number(value)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * Reads the rate-limit headers platforms send: Reddit's `x-ratelimit-{remaining,used,reset}`
 * (reset in seconds from now) and X's `x-rate-limit-{limit,remaining,reset}` (reset in epoch seconds).
 */
function readRateLimit(
  res: Response,
  now: number,
): { remaining: number; limit: number | null; resetAt: number | null } | null {
  const remaining = headerNumber(res, 'x-ratelimit-remaining', 'x-rate-limit-remaining')
  if (remaining === null) return null
  const used = headerNumber(res, 'x-ratelimit-used')
  const limit =
    headerNumber(res, 'x-ratelimit-limit', 'x-rate-limit-limit') ?? (used === null ? null : used + remaining)
  const reset = headerNumber(res, 'x-ratelimit-reset', 'x-rate-limit-reset')
  // Epoch seconds are > 1e9; anything smaller is "seconds from now".
  const resetAt = reset === null ? null : reset > 1e9 ? reset * 1000 : now + reset * 1000
  return { remaining, limit, resetAt }
}

async function bodySnippet(res: Response): Promise<string> {
  try {
    const text = (await res.text()).replace(/\s+/g, ' ').trim()
    return text.length > 200 ? `${text.slice(0, 200)}…` : text
  } catch {
    return ''
  }
}

/**
 * A fetch wrapper that respects rate limits (429 + `Retry-After`, exhausted `x-ratelimit-*`
 * windows), retries 5xx and network faults with exponential backoff and jitter, and fails fast with
 * `SOURCE_FAILED` when credentials are rejected (401/403) or another 4xx says the request is wrong.
 */
export function createHttp(opts: HttpClientOptions): HttpRequest {
  const { name, rt, health } = opts
  const maxAttempts = opts.maxAttempts ?? 6
  const policy = opts.backoff ?? DEFAULT_BACKOFF
  let windowResetAt: number | null = null
  let windowRemaining: number | null = null

  return async (url, init) => {
    const { signal, allowStatus = [], ...rest } = init
    for (let attempt = 0; ; attempt++) {
      if (windowRemaining !== null && windowRemaining <= 0 && windowResetAt !== null) {
        const wait = windowResetAt - rt.clock.now()
        if (wait > 0) {
          health.state('rate_limited')
          health.rateLimit({ limitedUntil: new Date(windowResetAt).toISOString() })
          await rt.sleep(wait, signal)
        }
        windowRemaining = null
        health.rateLimit({ limitedUntil: null })
      }
      if (signal.aborted) throw new PulseError('SOURCE_FAILED', `${name}: aborted`)
      let res: Response
      try {
        res = await rt.fetch(url, { ...rest, signal })
      } catch (err) {
        if (signal.aborted) throw new PulseError('SOURCE_FAILED', `${name}: aborted`, { cause: err })
        health.error(`${name}: network error: ${errorMessage(err)}`)
        if (attempt + 1 >= maxAttempts) {
          throw new PulseError(
            'SOURCE_FAILED',
            `${name}: ${safeUrl(url)} unreachable after ${maxAttempts} attempts: ${errorMessage(err)}`,
            { cause: err },
          )
        }
        health.state('backoff')
        await rt.sleep(backoffDelay(attempt, policy, rt.random), signal)
        continue
      }
      const now = rt.clock.now()
      const rl = readRateLimit(res, now)
      if (rl) {
        windowRemaining = rl.remaining
        windowResetAt = rl.resetAt
        health.rateLimit({
          remaining: rl.remaining,
          limit: rl.limit,
          resetAt: rl.resetAt === null ? null : new Date(rl.resetAt).toISOString(),
        })
      }
      if (res.ok || allowStatus.includes(res.status)) {
        health.rateLimit({ limitedUntil: null })
        return res
      }
      if (res.status === 401 || res.status === 403) {
        const snippet = await bodySnippet(res)
        const message = `${name}: credentials rejected (${res.status}) by ${safeUrl(url)}${snippet ? `: ${snippet}` : ''}`
        health.error(message)
        health.state('failed')
        throw new PulseError('SOURCE_FAILED', message, { cause: new HttpStatusError(res.status, false) })
      }
      const retryable = res.status === 429 || res.status === 408 || res.status >= 500
      const snippet = await bodySnippet(res)
      const message = `${name}: HTTP ${res.status} from ${safeUrl(url)}${snippet ? `: ${snippet}` : ''}`
      health.error(message)
      if (!retryable) {
        health.state('failed')
        throw new PulseError('SOURCE_FAILED', message, { cause: new HttpStatusError(res.status, false) })
      }
      if (attempt + 1 >= maxAttempts) {
        throw new PulseError('SOURCE_FAILED', `${message} (gave up after ${maxAttempts} attempts)`, {
          cause: new HttpStatusError(res.status, true),
        })
      }
      let wait = backoffDelay(attempt, policy, rt.random)
      if (res.status === 429) {
        const after = retryAfterMs(res.headers.get('retry-after'), now)
        const untilReset = rl?.resetAt != null ? rl.resetAt - now : null
        wait = after ?? (untilReset !== null && untilReset > 0 ? untilReset : wait)
        health.state('rate_limited')
        health.rateLimit({ limitedUntil: new Date(now + wait).toISOString() })
        windowRemaining = null
      } else health.state('backoff')
      await rt.sleep(wait, signal)
    }
  }
}

/** Reads a JSON body, failing with SOURCE_FAILED (not a crash) when the platform sent something else. */
export async function readJson(res: Response, name: string): Promise<unknown> {
  const text = await res.text()
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    throw new PulseError('SOURCE_FAILED', `${name}: response is not JSON: ${errorMessage(err)}`, {
      cause: err,
    })
  }
}
