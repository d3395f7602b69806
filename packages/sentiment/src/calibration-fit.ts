import { seededRandom } from '@pulse/core'
import {
  CALIBRATION_FEATURE_COUNT,
  calibrate,
  MAGNITUDE_TERMS,
  magnitudeTerms,
  type NeutralCalibration,
  neutralProbability,
  standardize,
} from './calibration.ts'
import { pearson } from './evaluate.ts'

/** One rated English text as the calibration sees it. */
export interface CalibrationSample {
  /** Mean human rating, −4 … +4. */
  readonly rating: number
  /** Rule compound score. */
  readonly compound: number
  /** `calibrationFeatures` of the text. */
  readonly features: ArrayLike<number>
}

export interface CalibrationHyper {
  /** L2 penalty of the logistic P(neutral) model and of the magnitude ridge. */
  readonly neutralL2: number
  readonly magnitudeL2: number
  /** P(neutral) above which a text is labelled neutral. */
  readonly threshold: number
}

/**
 * The grid searched by cross-validation (4 points). The neutral threshold is not searched: 0.5 is
 * the cut that maximises expected accuracy for a calibrated probability, and choosing among 0.45,
 * 0.5 and 0.55 by a single inner 5-fold split only added selection noise (it moved the nested
 * out-of-fold accuracy with the outer seed, and lowered its mean).
 */
export const HYPER_GRID: readonly CalibrationHyper[] = [1, 10].flatMap((neutralL2) =>
  [1, 10].map((magnitudeL2) => ({ neutralL2, magnitudeL2, threshold: 0.5 })),
)

/** Gold neutral: |rating| ≤ 0.5 (the benchmark's convention). */
const isNeutral = (rating: number): boolean => Math.abs(rating) <= 0.5

/** Solves A x = b (n × n, row-major, overwritten) by Gaussian elimination with partial pivoting. */
export function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++)
      if (Math.abs(a[r * n + c] as number) > Math.abs(a[p * n + c] as number)) p = r
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = a[c * n + k] as number
        a[c * n + k] = a[p * n + k] as number
        a[p * n + k] = t
      }
      const t = b[c] as number
      b[c] = b[p] as number
      b[p] = t
    }
    const d = a[c * n + c] as number
    for (let r = c + 1; r < n; r++) {
      const f = (a[r * n + c] as number) / d
      if (f === 0) continue
      for (let k = c; k < n; k++) a[r * n + k] = (a[r * n + k] as number) - f * (a[c * n + k] as number)
      b[r] = (b[r] as number) - f * (b[c] as number)
    }
  }
  const x = new Float64Array(n)
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] as number
    for (let k = r + 1; k < n; k++) s -= (a[r * n + k] as number) * (x[k] as number)
    x[r] = s / (a[r * n + r] as number)
  }
  return x
}

/** L2-penalised logistic regression by Newton's method; column 0 of `x` is the unpenalised bias. */
export function fitLogistic(
  x: readonly Float64Array[],
  y: readonly number[],
  l2: number,
  iterations = 30,
): number[] {
  const k = x[0]?.length ?? 0
  const w = new Float64Array(k)
  for (let it = 0; it < iterations; it++) {
    const h = new Float64Array(k * k)
    const g = new Float64Array(k)
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as Float64Array
      let t = 0
      for (let a = 0; a < k; a++) t += (w[a] as number) * (xi[a] as number)
      const p = 1 / (1 + Math.exp(-t))
      const r = p - (y[i] as number)
      const v = p * (1 - p)
      for (let a = 0; a < k; a++) {
        g[a] = (g[a] as number) + r * (xi[a] as number)
        for (let b = a; b < k; b++)
          h[a * k + b] = (h[a * k + b] as number) + v * (xi[a] as number) * (xi[b] as number)
      }
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < a; b++) h[a * k + b] = h[b * k + a] as number
      if (a > 0) {
        g[a] = (g[a] as number) + l2 * (w[a] as number)
        h[a * k + a] = (h[a * k + a] as number) + l2
      }
    }
    const step = solve(h, g, k)
    let moved = 0
    for (let a = 0; a < k; a++) {
      w[a] = (w[a] as number) - (step[a] as number)
      moved = Math.max(moved, Math.abs(step[a] as number))
    }
    if (moved < 1e-10) break
  }
  return [...w]
}

/** Ridge regression without intercept: argmin |y − X w|² + l2 |w|². */
export function fitRidge(x: readonly Float64Array[], y: readonly number[], l2: number): number[] {
  const k = x[0]?.length ?? 0
  const a = new Float64Array(k * k)
  const b = new Float64Array(k)
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as Float64Array
    for (let p = 0; p < k; p++) {
      b[p] = (b[p] as number) + (xi[p] as number) * (y[i] as number)
      for (let q = 0; q < k; q++)
        a[p * k + q] = (a[p * k + q] as number) + (xi[p] as number) * (xi[q] as number)
    }
  }
  for (let p = 0; p < k; p++) a[p * k + p] = (a[p * k + p] as number) + l2
  return [...solve(a, b, k)]
}

/** Fits the layer on `samples` with fixed hyper-parameters. */
export function fitCalibration(
  samples: readonly CalibrationSample[],
  hyper: CalibrationHyper,
): NeutralCalibration {
  const n = samples.length
  const mean = new Array<number>(CALIBRATION_FEATURE_COUNT).fill(0)
  const scale = new Array<number>(CALIBRATION_FEATURE_COUNT).fill(0)
  for (const s of samples)
    for (let k = 0; k < CALIBRATION_FEATURE_COUNT; k++)
      mean[k] = (mean[k] as number) + (s.features[k] as number) / n
  for (const s of samples) {
    for (let k = 0; k < CALIBRATION_FEATURE_COUNT; k++) {
      const d = (s.features[k] as number) - (mean[k] as number)
      scale[k] = (scale[k] as number) + (d * d) / n
    }
  }
  for (let k = 0; k < CALIBRATION_FEATURE_COUNT; k++) scale[k] = Math.sqrt(scale[k] as number) || 1
  const partial: NeutralCalibration = {
    mean,
    scale,
    neutral: [],
    magnitude: [],
    ratingScale: 1,
    threshold: hyper.threshold,
  }
  const zs = samples.map((s) => {
    const z = new Float64Array(CALIBRATION_FEATURE_COUNT)
    standardize(partial, s.features, z)
    return z
  })
  const withBias = zs.map((z) => Float64Array.of(1, ...z))
  const neutral = fitLogistic(
    withBias,
    samples.map((s) => (isNeutral(s.rating) ? 1 : 0)),
    hyper.neutralL2,
  )
  const withNeutral = { ...partial, neutral }
  const terms = samples.map((s, i) => {
    const z = zs[i] as Float64Array
    const t = new Float64Array(MAGNITUDE_TERMS)
    magnitudeTerms(s.compound, neutralProbability(withNeutral, z), z, t)
    return t
  })
  const magnitude = fitRidge(
    terms,
    samples.map((s) => s.rating),
    hyper.magnitudeL2,
  )
  let predicted = 0
  let compound = 0
  terms.forEach((t, i) => {
    let rating = 0
    for (let k = 0; k < MAGNITUDE_TERMS; k++) rating += (magnitude[k] as number) * (t[k] as number)
    predicted = Math.max(predicted, Math.abs(rating))
    compound = Math.max(compound, Math.abs((samples[i] as CalibrationSample).compound))
  })
  const ratingScale = compound > 0 && predicted > 0 ? predicted / compound : 1
  return { ...withNeutral, magnitude, ratingScale }
}

/** Calibrated score of one sample. */
export function applyCalibration(model: NeutralCalibration, sample: CalibrationSample): number {
  const z = new Float64Array(CALIBRATION_FEATURE_COUNT)
  standardize(model, sample.features, z)
  return calibrate(model, sample.compound, z, neutralProbability(model, z), new Float64Array(MAGNITUDE_TERMS))
}

/** Pearson r and 3-class accuracy (predicted neutral |score| < 0.05) of `scores` against `samples`. */
export function figures(
  samples: readonly CalibrationSample[],
  scores: readonly number[],
): { r: number; accuracy: number } {
  let correct = 0
  samples.forEach((s, i) => {
    const p = scores[i] as number
    const predicted = Math.abs(p) < 0.05 ? 0 : Math.sign(p)
    const gold = s.rating > 0.5 ? 1 : s.rating < -0.5 ? -1 : 0
    if (predicted === gold) correct++
  })
  return {
    r: pearson(
      scores,
      samples.map((s) => s.rating),
    ),
    accuracy: samples.length === 0 ? 0 : correct / samples.length,
  }
}

/** Deterministic fold of each sample: a seeded shuffle (mulberry32) dealt round-robin. */
export function assignFolds(n: number, k: number, seed: number): Uint8Array {
  const next = seededRandom(seed)
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const t = order[i] as number
    order[i] = order[j] as number
    order[j] = t
  }
  const folds = new Uint8Array(n)
  order.forEach((idx, rank) => {
    folds[idx] = rank % k
  })
  return folds
}

/** Out-of-fold scores of `fit` under k-fold cross-validation. */
export function outOfFold(
  samples: readonly CalibrationSample[],
  k: number,
  seed: number,
  fit: (train: readonly CalibrationSample[]) => NeutralCalibration,
): number[] {
  const folds = assignFolds(samples.length, k, seed)
  const scores = new Array<number>(samples.length).fill(0)
  for (let f = 0; f < k; f++) {
    const model = fit(samples.filter((_, i) => folds[i] !== f))
    samples.forEach((s, i) => {
      if (folds[i] === f) scores[i] = applyCalibration(model, s)
    })
  }
  return scores
}

/** Picks the hyper-parameters maximising r + 3-class accuracy under inner k-fold CV. */
export function selectHyper(samples: readonly CalibrationSample[], k = 5, seed = 2): CalibrationHyper {
  let best = HYPER_GRID[0] as CalibrationHyper
  let bestScore = Number.NEGATIVE_INFINITY
  for (const hyper of HYPER_GRID) {
    const f = figures(
      samples,
      outOfFold(samples, k, seed, (train) => fitCalibration(train, hyper)),
    )
    if (f.r + f.accuracy > bestScore) {
      bestScore = f.r + f.accuracy
      best = hyper
    }
  }
  return best
}

/** The shipped procedure: hyper-parameters chosen by inner CV, then fitted on every sample. */
export function fitWithSelection(samples: readonly CalibrationSample[]): {
  model: NeutralCalibration
  hyper: CalibrationHyper
} {
  const hyper = selectHyper(samples)
  return { model: fitCalibration(samples, hyper), hyper }
}

/**
 * Nested CV of the whole procedure (selection included): out-of-fold scores of an outer k-fold
 * split, each fold's model selected and fitted on the other folds only.
 */
export function nestedOutOfFold(samples: readonly CalibrationSample[], k = 10, seed = 1): number[] {
  return outOfFold(samples, k, seed, (train) => fitWithSelection(train).model)
}
