import {
  type NabProfile,
  type NabScoredFile,
  optimizeThreshold,
  perfectScore,
  scoreAtThreshold,
  type ThresholdChoice,
} from './nab-scorer.ts'

export interface NabFileResult {
  readonly name: string
  readonly raw: number
  /** 100 · (raw − null) / (perfect − null) for this file alone. */
  readonly normalized: number
  /** Leave-one-file-out: threshold optimised on the other files, scored on this one. */
  readonly heldOutThreshold: number
  readonly heldOutNormalized: number
}

export interface NabProfileResult {
  readonly profile: NabProfile
  readonly threshold: number
  readonly raw: number
  readonly nullScore: number
  readonly perfect: number
  /** NAB's normalised corpus score with the threshold optimised on the whole corpus. */
  readonly normalized: number
  /** Corpus score when each file is scored at a threshold optimised on the other files only. */
  readonly heldOutNormalized: number
  readonly files: readonly NabFileResult[]
}

/** The null detector: the same score (0.5) on every row, thresholded like any detector (NAB's baseline). */
function nullFiles(files: readonly NabScoredFile[]): NabScoredFile[] {
  return files.map((f) => ({ ...f, scores: new Float64Array(f.labels.window.length).fill(0.5) }))
}

function normalize(raw: number, nullScore: number, perfect: number): number {
  return perfect === nullScore ? 0 : (100 * (raw - nullScore)) / (perfect - nullScore)
}

/**
 * Scores a detector's output on a corpus the way NAB's runner does (optimise, score, normalise), plus a
 * leave-one-file-out figure: the threshold for each file is chosen without seeing that file.
 */
export function scoreNab(files: readonly NabScoredFile[], profile: NabProfile): NabProfileResult {
  const nulls = nullFiles(files)
  const nullChoice = optimizeThreshold(nulls, profile)
  const choice = optimizeThreshold(files, profile)
  const perfect = perfectScore(files, profile)
  let heldOutRaw = 0
  const results = files.map((file, i): NabFileResult => {
    const others = files.filter((_, j) => j !== i)
    const heldOutThreshold =
      others.length > 0 ? optimizeThreshold(others, profile).threshold : choice.threshold
    const nullRaw = scoreAtThreshold(nulls[i] ?? file, profile, nullChoice.threshold)
    const filePerfect = perfectScore([file], profile)
    const raw = scoreAtThreshold(file, profile, choice.threshold)
    const heldOut = scoreAtThreshold(file, profile, heldOutThreshold)
    heldOutRaw += heldOut
    return {
      name: file.name,
      raw,
      normalized: normalize(raw, nullRaw, filePerfect),
      heldOutThreshold,
      heldOutNormalized: normalize(heldOut, nullRaw, filePerfect),
    }
  })
  return {
    profile,
    threshold: choice.threshold,
    raw: choice.score,
    nullScore: nullChoice.score,
    perfect,
    normalized: normalize(choice.score, nullChoice.score, perfect),
    heldOutNormalized: normalize(heldOutRaw, nullChoice.score, perfect),
    files: results,
  }
}

export interface NabSweepResult {
  readonly profile: NabProfile
  /** Per variant: NAB's normalised corpus score, threshold optimised on the whole corpus. */
  readonly inSample: readonly number[]
  /**
   * Nested leave-one-file-out: for each file, the variant and its threshold are both chosen on the
   * other files only, then that file is scored. The honest figure for a tuned detector constant.
   */
  readonly heldOutNormalized: number
  /** The variant chosen for each file (index into the variants). */
  readonly picks: readonly number[]
}

/**
 * Scores several variants of a detector (e.g. one tuned constant at several values) on the same
 * corpus; every variant must score the same files in the same order.
 */
export function sweepNab(
  variants: readonly (readonly NabScoredFile[])[],
  profile: NabProfile,
): NabSweepResult {
  const first = variants[0] ?? []
  const nullScore = optimizeThreshold(nullFiles(first), profile).score
  const perfect = perfectScore(first, profile)
  const inSample = variants.map((v) => normalize(optimizeThreshold(v, profile).score, nullScore, perfect))
  let heldOutRaw = 0
  const picks = first.map((_, i) => {
    let pick = 0
    let best: ThresholdChoice = { threshold: 1.1, score: Number.NEGATIVE_INFINITY }
    variants.forEach((files, v) => {
      const others = files.filter((_, j) => j !== i)
      const choice = optimizeThreshold(others.length > 0 ? others : files, profile)
      if (choice.score > best.score) {
        best = choice
        pick = v
      }
    })
    const file = variants[pick]?.[i]
    if (file) heldOutRaw += scoreAtThreshold(file, profile, best.threshold)
    return pick
  })
  return { profile, inSample, heldOutNormalized: normalize(heldOutRaw, nullScore, perfect), picks }
}
