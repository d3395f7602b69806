import { poissonUpperTail } from '@pulse/anomaly'

/**
 * A second look at each key: the last hour's count against a slow trailing baseline (24 h
 * half-life). The per-bucket seasonal model is quick to learn a new normal, which is right for
 * busy keys but lets a sparse key's gradual surge (an outbreak building over hours) slip under it.
 * This test is deliberately simple: Poisson tail with the baseline doubled, a generous allowance
 * for daily cycles, and a baseline that learns only from clipped values and never during a signal.
 */
export interface WindowState {
  rate: number
  weight: number
  readonly ring: number[]
  readonly ringAuthors: number[]
  index: number
  buckets: number
}

export const WINDOW_BUCKETS = 12
const DIURNAL_ALLOWANCE = 2

export function newWindowState(): WindowState {
  return {
    rate: 0,
    weight: 0,
    ring: new Array(WINDOW_BUCKETS).fill(0),
    ringAuthors: new Array(WINDOW_BUCKETS).fill(0),
    index: 0,
    buckets: 0,
  }
}

export interface WindowResult {
  readonly pValue: number
  readonly hourCount: number
  readonly hourAuthors: number
}

/**
 * Adds one closed bucket and tests the last hour. `minBuckets` of history are needed before the
 * test says anything (p = 1 until then). `learn` is false while the key has an open signal.
 */
export function updateWindow(
  w: WindowState,
  value: number,
  authors: number,
  learn: boolean,
  decay: number,
  minBuckets: number,
): WindowResult {
  w.ring[w.index] = value
  w.ringAuthors[w.index] = authors
  w.index = (w.index + 1) % WINDOW_BUCKETS
  w.buckets++
  let hourCount = 0
  let hourAuthors = 0
  for (let i = 0; i < WINDOW_BUCKETS; i++) {
    hourCount += w.ring[i] ?? 0
    hourAuthors += w.ringAuthors[i] ?? 0
  }
  const base = w.weight > 0 ? w.rate / w.weight : 0
  const expectedHour = Math.max(WINDOW_BUCKETS * base * DIURNAL_ALLOWANCE, 0.5)
  const pValue = w.buckets > minBuckets ? poissonUpperTail(hourCount, expectedHour) : 1
  if (learn) {
    const cap = base + 3 * Math.sqrt(base + 1)
    w.rate = w.rate * decay + Math.min(value, w.buckets > minBuckets ? cap : value)
    w.weight = w.weight * decay + 1
  }
  return { pValue, hourCount, hourAuthors }
}
