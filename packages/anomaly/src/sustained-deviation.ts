import { addDecayed, type DecayedMean } from './decayed-mean.ts'

/**
 * Counts added to both sides of a log-ratio, ln((x + c) / (μ + c)): on a sparse series a bucket of 3
 * against 1 expected is noise, not a tripling, while on a busy one the offset vanishes.
 */
export const COUNT_OFFSET = 5
/** Absolute log-ratios beyond this many typical deviations are clipped before they are learned. */
const SCALE_CLIP = 4
/** Below this typical |log-ratio| (1%) a series is treated as flat: the scale does not shrink further. */
const MIN_SCALE = 0.01
/**
 * Pseudo-updates of prior behind the sustained scale: until it has seen about a day of its own
 * evidence, it leans on the bucket-level scale (averages wander less than buckets, so this errs on the
 * side of fewer alerts right after warm-up, when the weekly pattern is still unknown).
 */
const SCALE_PRIOR_UPDATES = 288

export function logRatio(observed: number, expected: number): number {
  return Math.log((observed + COUNT_OFFSET) / (expected + COUNT_OFFSET))
}

function meanOf(m: DecayedMean): number {
  return m.weight > 0 ? m.sum / m.weight : 0
}

/** Typical |log-ratio| of the sustained average, shrunk towards the bucket-level one while young. */
export function sustainedScale(sustained: DecayedMean, point: DecayedMean): number {
  const s = (sustained.sum + SCALE_PRIOR_UPDATES * meanOf(point)) / (sustained.weight + SCALE_PRIOR_UPDATES)
  return Math.max(s, MIN_SCALE)
}

/** Learns a typical |log-ratio| (decayed mean absolute value), clipping outliers to a few times it. */
export function learnScale(m: DecayedMean, logRatioValue: number, decay: number): void {
  const current = m.weight > 0 ? m.sum / m.weight : Math.abs(logRatioValue)
  addDecayed(m, Math.min(Math.abs(logRatioValue), SCALE_CLIP * Math.max(current, 1e-6)), decay)
}
