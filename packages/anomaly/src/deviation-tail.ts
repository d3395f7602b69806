/**
 * How rare a sustained deviation is in this series' own history. Deviations are in units of the
 * series' typical |log-ratio|, which puts every series on one scale only if their tails have the same
 * shape; they do not (a series whose volume comes in bursts spends far more time above 4 typical
 * deviations than a steady one). So the alert score uses the fraction of recent buckets above the
 * alerted deviation, read as the deviation that would be that rare under a Laplace tail. One threshold
 * then means about one alert rate on every series.
 */
export interface DeviationTail {
  /** Decayed count of buckets seen. */
  weight: number
  /** Decayed count of buckets whose deviation exceeded each of `TAIL_LEVELS`. */
  exceed: number[]
}

/** Deviations at which the tail is counted; between them it is interpolated log-linearly. */
export const TAIL_LEVELS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12]
/**
 * Pseudo-buckets of prior (a week of 5-minute buckets) behind the tail: a Laplace tail, P(d > l) =
 * ½·e^(−l), the shape of a log-ratio measured in mean-absolute-deviation units. A young series, or one
 * that has not yet seen a deviation this large, is scored as if its tail were Laplace.
 */
const PRIOR_BUCKETS = 2016

export function emptyTail(): DeviationTail {
  return { weight: 0, exceed: TAIL_LEVELS.map(() => 0) }
}

/** Forgets by `decay`, then counts one bucket with this deviation. */
export function learnTail(tail: DeviationTail, deviation: number, decay: number): void {
  tail.weight = tail.weight * decay + 1
  TAIL_LEVELS.forEach((level, j) => {
    tail.exceed[j] = (tail.exceed[j] ?? 0) * decay + (deviation > level ? 1 : 0)
  })
}

function laplaceTail(level: number): number {
  return 0.5 * Math.exp(-level)
}

/** ln P(deviation > TAIL_LEVELS[j]), the series' own fraction shrunk towards the Laplace prior. */
function logTailAt(tail: DeviationTail, j: number): number {
  const level = TAIL_LEVELS[j] ?? 0
  const count = (tail.exceed[j] ?? 0) + PRIOR_BUCKETS * laplaceTail(level)
  return Math.log(count / (tail.weight + PRIOR_BUCKETS))
}

/**
 * The deviation that a Laplace tail would make as rare as `deviation` is in this series:
 * −ln(2·P(d > deviation)). Equal to `deviation` on a series whose tail is Laplace; smaller on a bursty
 * series, larger on a steady one. Beyond the last level the tail falls off like a Laplace one.
 */
export function calibratedDeviation(tail: DeviationTail, deviation: number): number {
  if (!(deviation > 0)) return 0
  const last = TAIL_LEVELS.length - 1
  let j = 0
  while (j < last && (TAIL_LEVELS[j + 1] ?? Number.POSITIVE_INFINITY) <= deviation) j++
  const level = TAIL_LEVELS[j] ?? 0
  const lo = logTailAt(tail, j)
  const next = TAIL_LEVELS[j + 1]
  const logTail =
    j < last && next !== undefined
      ? lo + ((logTailAt(tail, j + 1) - lo) * (deviation - level)) / (next - level)
      : lo - (deviation - level)
  return Math.max(0, -logTail - Math.LN2)
}
