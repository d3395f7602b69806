/**
 * What a stage makes of one input. Bad data is a value, not an exception: the runner routes drops
 * and dead letters once, at the end of the chain. A thrown error means an infrastructure fault.
 * `stage` names the inner stage that refused the input when one stage runs others (e.g. a chain
 * run on a worker thread); otherwise the refusing stage is the one that returned the outcome.
 */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'drop'; readonly reason: string; readonly stage?: string }
  | { readonly kind: 'dlq'; readonly reason: string; readonly cause?: unknown; readonly stage?: string }

export const ok = <T>(value: T): Outcome<T> => ({ kind: 'ok', value })
export const drop = <T = never>(reason: string): Outcome<T> => ({ kind: 'drop', reason })
export const dlq = <T = never>(reason: string, cause?: unknown): Outcome<T> =>
  cause === undefined ? { kind: 'dlq', reason } : { kind: 'dlq', reason, cause }
