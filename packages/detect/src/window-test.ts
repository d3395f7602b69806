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
/** The short look: the last three buckets (15 minutes at 5-minute buckets) catches a sharp onset. */
const SHORT_BUCKETS = 3
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
  let shortCount = 0
  for (let i = 0; i < WINDOW_BUCKETS; i++) {
    hourCount += w.ring[i] ?? 0
    hourAuthors += w.ringAuthors[i] ?? 0
    // The ring index just past the newest bucket is the oldest; the newest three end at index-1.
    const age = (w.index - 1 - i + 2 * WINDOW_BUCKETS) % WINDOW_BUCKETS
    if (age < SHORT_BUCKETS) shortCount += w.ring[i] ?? 0
  }
  const base = w.weight > 0 ? w.rate / w.weight : 0
  const expectedHour = Math.max(WINDOW_BUCKETS * base * DIURNAL_ALLOWANCE, 0.5)
  const expectedShort = Math.max(SHORT_BUCKETS * base * DIURNAL_ALLOWANCE, 0.25)
  // Two window lengths over the same baseline: Bonferroni over both.
  const pValue =
    w.buckets > minBuckets
      ? Math.min(
          1,
          2 *
            Math.min(poissonUpperTail(hourCount, expectedHour), poissonUpperTail(shortCount, expectedShort)),
        )
      : 1
  if (learn) {
    const cap = base + 3 * Math.sqrt(base + 1)
    w.rate = w.rate * decay + Math.min(value, w.buckets > minBuckets ? cap : value)
    w.weight = w.weight * decay + 1
  }
  return { pValue, hourCount, hourAuthors }
}
