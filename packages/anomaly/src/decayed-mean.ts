/**
 * An exponentially-decayed ratio Σx / Σw kept as (sum, weight): with w = 1 it is a decayed mean, with
 * w = the expected value it is a ratio estimator (observed / expected) that stays sane on sparse counts.
 * Early estimates are plain averages of what was seen; later ones forget with a half-life. JSON-safe.
 */
export interface DecayedMean {
  sum: number
  weight: number
}

export function emptyMean(): DecayedMean {
  return { sum: 0, weight: 0 }
}

/** Forgets by `decay`, then adds `x` to the sum and `w` to the weight. */
export function addDecayed(m: DecayedMean, x: number, decay: number, w = 1): void {
  m.sum = m.sum * decay + x
  m.weight = m.weight * decay + w
}

/** 2^(−elapsed/halfLife), the factor that forgets `elapsed` of history. */
export function decayFactor(elapsed: number, halfLife: number): number {
  return elapsed > 0 ? 2 ** (-elapsed / halfLife) : 1
}
