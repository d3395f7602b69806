import { errorMessage } from '@pulse/core'
import type { Delivery } from './connector.ts'
import type { HealthTracker } from './health.ts'
import { isFatal } from './http.ts'
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, type Runtime } from './runtime.ts'

export interface PollOptions<C> {
  readonly rt: Runtime
  readonly health: HealthTracker
  readonly signal: AbortSignal
  /** Pause between successful passes. */
  readonly intervalMs: number
  readonly backoff?: BackoffPolicy | undefined
  /** One pass over the source: yields what is new since the last pass. */
  readonly pass: (signal: AbortSignal) => AsyncIterable<Delivery<C>>
}

/**
 * Repeats `pass` every `intervalMs` until aborted. A failed pass (retries exhausted) is recorded in
 * health and retried after a growing backoff; fatal faults (credentials, refused requests) end the
 * loop by throwing.
 */
export async function* pollLoop<C>(opts: PollOptions<C>): AsyncGenerator<Delivery<C>> {
  const { rt, health, signal } = opts
  let failures = 0
  while (!signal.aborted) {
    health.state('polling')
    let wait = opts.intervalMs
    try {
      for await (const d of opts.pass(signal)) {
        health.event()
        yield d
      }
      failures = 0
      health.state('idle')
    } catch (err) {
      if (signal.aborted) break
      if (isFatal(err)) {
        health.state('failed')
        throw err
      }
      health.error(errorMessage(err))
      health.state('backoff')
      wait = Math.max(wait, backoffDelay(failures++, opts.backoff ?? DEFAULT_BACKOFF, opts.rt.random))
    }
    await rt.sleep(wait, signal)
  }
  health.state('stopped')
}
