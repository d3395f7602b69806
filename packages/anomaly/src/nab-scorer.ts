import { PulseError } from '@pulse/core'

/** NAB cost matrix: the weight of a true positive, a false positive and a missed window. */
export interface NabProfile {
  readonly name: string
  readonly tpWeight: number
  readonly fpWeight: number
  readonly fnWeight: number
}

/** NAB's three application profiles (config/profiles.json in the benchmark). */
export const NAB_PROFILES: readonly NabProfile[] = [
  { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  { name: 'reward_low_FP_rate', tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  { name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
]

/** One labelled NAB data file: row timestamps (ms) and anomaly windows as [start, end] timestamps (ms). */
export interface NabLabelledFile {
  readonly name: string
  readonly timestamps: readonly number[]
  readonly windows: readonly (readonly [number, number])[]
}

/** NAB's `Sweeper(probationPercent = 0.15)` probationary length: min(floor(0.15·n), 0.15·5000). */
export function probationaryLength(rows: number, probationPercent = 0.15): number {
  return Math.min(Math.floor(probationPercent * rows), probationPercent * 5000)
}

/** NAB's scaled sigmoid of a relative position: −1 (window start) → 0.987, 0 → 0, ≥ 3 → −1. */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3) return -1
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1
}

const MAX_TP = scaledSigmoid(-1)

/**
 * Where each row of a file sits for scoring, independent of the cost matrix: `window` is the index of
 * its labelled window (−1 outside every window, −2 in the probationary period) and `weight` the
 * unweighted sweep score (NAB's `scaledSigmoid`, divided by maxTP inside windows).
 */
export interface NabRowLabels {
  readonly window: Int32Array
  readonly weight: Float64Array
  readonly windowCount: number
  /** Windows with at least one row after the probationary period: only those are scored. */
  readonly scorable: readonly boolean[]
}

/** NAB's `Sweeper.calcSweepScore`, without the weights: they are applied per profile. */
export function labelRows(file: NabLabelledFile, probationPercent = 0.15): NabRowLabels {
  const n = file.timestamps.length
  const index = new Map<number, number>()
  file.timestamps.forEach((t, i) => {
    if (!index.has(t)) index.set(t, i)
  })
  const windows = [...file.windows].sort((a, b) => a[0] - b[0])
  const bounds = windows.map(([start, end]) => {
    const left = index.get(start)
    const right = index.get(end)
    if (left === undefined || right === undefined) {
      throw new PulseError(
        'INPUT_INVALID',
        `${file.name}: window [${start}, ${end}] is not on a row timestamp`,
      )
    }
    return { left, right }
  })
  const probation = probationaryLength(n, probationPercent)
  const window = new Int32Array(n)
  const weight = new Float64Array(n)
  let next = 0
  let cur: { id: number; right: number; width: number } | undefined
  let prev: { right: number; width: number } | undefined
  for (let i = 0; i < n; i++) {
    const b = bounds[next]
    if (b !== undefined && file.timestamps[i] === windows[next]?.[0]) {
      cur = { id: next, right: b.right, width: b.right - b.left + 1 }
      next++
    }
    if (cur) {
      weight[i] = scaledSigmoid(-(cur.right - i + 1) / cur.width) / MAX_TP
      window[i] = cur.id
    } else {
      weight[i] = scaledSigmoid(prev ? Math.abs(prev.right - i) / (prev.width - 1) : 3)
      window[i] = -1
    }
    if (i < probation) window[i] = -2
    if (cur && i === cur.right) {
      prev = cur
      cur = undefined
    }
  }
  const scorable = windows.map(() => false)
  for (const w of window) if (w >= 0) scorable[w] = true
  return { window, weight, windowCount: windows.length, scorable }
}

/** A file's rows labelled for scoring, with a detector's anomaly score per row. */
export interface NabScoredFile {
  readonly name: string
  readonly labels: NabRowLabels
  readonly scores: ArrayLike<number>
}

/** NAB's score of one file at a threshold: rows with score ≥ threshold are detections. */
export function scoreAtThreshold(file: NabScoredFile, profile: NabProfile, threshold: number): number {
  const { window, weight, windowCount, scorable } = file.labels
  const best = new Float64Array(windowCount).fill(-profile.fnWeight)
  let total = 0
  for (let i = 0; i < window.length; i++) {
    const w = window[i] ?? -2
    if (w === -2 || !((file.scores[i] ?? 0) >= threshold)) continue
    const s = weight[i] ?? 0
    if (w === -1) total += s * profile.fpWeight
    else best[w] = Math.max(best[w] ?? 0, s * profile.tpWeight)
  }
  for (let w = 0; w < windowCount; w++) if (scorable[w]) total += best[w] ?? 0
  return total
}

/** Perfect score of a file set: every window detected at its first row (NAB: tpCount · tpWeight). */
export function perfectScore(files: readonly NabScoredFile[], profile: NabProfile): number {
  return files.reduce((sum, f) => sum + f.labels.windowCount * profile.tpWeight, 0)
}

export interface ThresholdChoice {
  readonly threshold: number
  readonly score: number
}

/**
 * NAB's `calcScoreByThreshold` + `optimizeThreshold` over a corpus: sweeps every distinct anomaly
 * score from the top (starting at 1.1, nothing detected) and returns the highest-scoring threshold
 * (the highest threshold among ties, as NAB's stable sort does).
 */
export function optimizeThreshold(files: readonly NabScoredFile[], profile: NabProfile): ThresholdChoice {
  const rows: { score: number; window: number; weight: number }[] = []
  let base = 0
  let offset = 0
  for (const f of files) {
    const { window, weight } = f.labels
    for (let i = 0; i < window.length; i++) {
      const w = window[i] ?? -2
      if (w === -2) continue
      rows.push({ score: f.scores[i] ?? 0, window: w < 0 ? -1 : w + offset, weight: weight[i] ?? 0 })
    }
    base -= f.labels.scorable.filter(Boolean).length * profile.fnWeight
    offset += f.labels.windowCount
  }
  rows.sort((a, b) => b.score - a.score)
  const best = new Map<number, number>()
  let total = base
  let choice: ThresholdChoice = { threshold: 1.1, score: base }
  let threshold = 1.1
  for (const row of rows) {
    if (row.score !== threshold) {
      if (total > choice.score) choice = { threshold, score: total }
      threshold = row.score
    }
    if (row.window === -1) total += row.weight * profile.fpWeight
    else {
      const before = best.get(row.window) ?? -profile.fnWeight
      const tp = row.weight * profile.tpWeight
      if (tp > before) {
        total += tp - before
        best.set(row.window, tp)
      }
    }
  }
  if (total > choice.score) choice = { threshold, score: total }
  return choice
}
