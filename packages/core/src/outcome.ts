/**
 * What a stage makes of one input. Bad data is a value, not an exception: the runner routes drops
 * and dead letters once, at the end of the chain. A thrown error means an infrastructure fault.
 */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'drop'; readonly reason: string }
  | { readonly kind: 'dlq'; readonly reason: string; readonly cause?: unknown }

export const ok = <T>(value: T): Outcome<T> => ({ kind: 'ok', value })
export const drop = <T = never>(reason: string): Outcome<T> => ({ kind: 'drop', reason })
export const dlq = <T = never>(reason: string, cause?: unknown): Outcome<T> =>
  cause === undefined ? { kind: 'dlq', reason } : { kind: 'dlq', reason, cause }
