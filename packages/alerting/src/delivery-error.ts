import { PulseError } from '@pulse/core'

/** How a failed Slack call should be treated. */
export type FailureKind = 'rate_limited' | 'transient' | 'permanent'

/**
 * A Slack delivery failure, wrapped at the adapter edge (code `ALERT_DELIVERY_FAILED`):
 * `rate_limited` (429, wait `retryAfterMs`), `transient` (5xx, network; back off and retry) or
 * `permanent` (4xx such as `invalid_payload`, `channel_not_found`; never retried).
 */
export class AlertDeliveryError extends PulseError {
  readonly failure: FailureKind
  readonly retryAfterMs: number | undefined
  /** Slack's error string (`channel_not_found`) or the HTTP status, for logs and the delivery log. */
  readonly reason: string

  constructor(
    failure: FailureKind,
    reason: string,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super('ALERT_DELIVERY_FAILED', `slack delivery failed (${failure}): ${reason}`, { cause: options.cause })
    this.failure = failure
    this.reason = reason
    this.retryAfterMs = options.retryAfterMs
  }
}

/** Parses a `Retry-After` header (delta seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** Slack errors that a retry can fix even though they are not 5xx. */
const TRANSIENT_SLACK_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rollup_error',
])

export function isTransientSlackError(error: string): boolean {
  return TRANSIENT_SLACK_ERRORS.has(error)
}
