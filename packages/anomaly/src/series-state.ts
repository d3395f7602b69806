import { PulseError } from '@pulse/core'
import { type EpisodeState, newEpisodeState } from './alert-episode.ts'
import { type DecayedMean, emptyMean } from './decayed-mean.ts'
import { type DeviationTail, emptyTail, TAIL_LEVELS } from './deviation-tail.ts'

/**
 * Everything a series detector remembers: a few dozen numbers whatever the series length, so a key
 * costs bounded memory and its checkpoint is a small JSON object.
 */
export interface SeriesState {
  version: 3
  /** Updates seen (scored or not). */
  count: number
  firstMs: number | null
  lastMs: number | null
  /** Deseasonalised level. */
  level: DecayedMean
  /** Hour-of-day factors relative to the level, and when each slot was last updated. */
  hourly: DecayedMean[]
  hourlyLastMs: (number | null)[]
  /** Day-of-week factors relative to level × hour-of-day, and how many distinct days fed each. */
  weekly: DecayedMean[]
  weeklyLastMs: (number | null)[]
  weeklyDays: number[]
  weeklyLastDay: (number | null)[]
  /** Dispersion α of Var = μ + αμ², estimated as Σ((x−μ)² − μ) / Σμ² with decayed sums. */
  excessVariance: DecayedMean
  squaredMean: DecayedMean
  /** Short-term scale: decayed sums of recent values and of their expectations, and its own dispersion. */
  recentSum: number
  recentExpected: number
  recentExcessVariance: DecayedMean
  recentSquaredMean: DecayedMean
  /** Slow deseasonalised level (1-day half-life) that sustained deviations are measured against. */
  baseline: DecayedMean
  /** Decayed sums of values, of baseline expectations and of weights over the sustained scale (~4 h). */
  sustainedSum: number
  sustainedExpected: number
  sustainedWeight: number
  /** Typical |log-ratio| of the sustained average and of single buckets (decayed mean absolute values). */
  sustainedScale: DecayedMean
  pointScale: DecayedMean
  /** Alert episode over the sustained deviation (one alert per episode). */
  episode: EpisodeState
  /** How often this series' sustained deviation exceeded a few levels: calibrates the alert score. */
  tail: DeviationTail
}

export function initialState(): SeriesState {
  return {
    version: 3,
    count: 0,
    firstMs: null,
    lastMs: null,
    level: emptyMean(),
    hourly: Array.from({ length: 24 }, emptyMean),
    hourlyLastMs: Array.from({ length: 24 }, () => null),
    weekly: Array.from({ length: 7 }, emptyMean),
    weeklyLastMs: Array.from({ length: 7 }, () => null),
    weeklyDays: Array.from({ length: 7 }, () => 0),
    weeklyLastDay: Array.from({ length: 7 }, () => null),
    excessVariance: emptyMean(),
    squaredMean: emptyMean(),
    recentSum: 0,
    recentExpected: 0,
    recentExcessVariance: emptyMean(),
    recentSquaredMean: emptyMean(),
    baseline: emptyMean(),
    sustainedSum: 0,
    sustainedExpected: 0,
    sustainedWeight: 0,
    sustainedScale: emptyMean(),
    pointScale: emptyMean(),
    episode: newEpisodeState(),
    tail: emptyTail(),
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

function isNullableNumber(v: unknown): v is number | null {
  return v === null || isFiniteNumber(v)
}

function isMean(v: unknown): v is DecayedMean {
  return isRecord(v) && isFiniteNumber(v.sum) && isFiniteNumber(v.weight) && v.weight >= 0
}

function isEpisode(v: unknown): v is EpisodeState {
  return (
    isRecord(v) &&
    isNullableNumber(v.lastHighMs) &&
    isFiniteNumber(v.lastAlert) &&
    v.lastAlert >= 0 &&
    isNullableNumber(v.lastAlertMs) &&
    isFiniteNumber(v.pending) &&
    v.pending >= 0
  )
}

function isTail(v: unknown): v is DeviationTail {
  return (
    isRecord(v) &&
    isFiniteNumber(v.weight) &&
    v.weight >= 0 &&
    isArrayOf(v.exceed, TAIL_LEVELS.length, (x): x is number => isFiniteNumber(x) && x >= 0)
  )
}

function isArrayOf<T>(v: unknown, length: number, item: (x: unknown) => x is T): v is T[] {
  return Array.isArray(v) && v.length === length && v.every(item)
}

/**
 * Checks a checkpoint read back from storage; throws INPUT_INVALID naming the first bad field. Version
 * 1 checkpoints (before the sustained-deviation score) are refused: their detector learns afresh. A
 * version 2 checkpoint (before the calibrated score) keeps its model and starts an empty tail, so its
 * scores lean on the prior tail until it has seen a few days.
 */
export function parseState(input: unknown): SeriesState {
  const bad = (field: string): never => {
    throw new PulseError('INPUT_INVALID', `series detector snapshot: bad ${field}`)
  }
  if (!isRecord(input)) return bad('snapshot (not an object)')
  const raw: Record<string, unknown> =
    input.version === 2 ? { ...input, version: 3, tail: emptyTail() } : input
  if (raw.version !== 3) return bad('version')
  const checks: [string, boolean][] = [
    ['count', isFiniteNumber(raw.count) && raw.count >= 0],
    ['firstMs', isNullableNumber(raw.firstMs)],
    ['lastMs', isNullableNumber(raw.lastMs)],
    ['level', isMean(raw.level)],
    ['hourly', isArrayOf(raw.hourly, 24, isMean)],
    ['hourlyLastMs', isArrayOf(raw.hourlyLastMs, 24, isNullableNumber)],
    ['weekly', isArrayOf(raw.weekly, 7, isMean)],
    ['weeklyLastMs', isArrayOf(raw.weeklyLastMs, 7, isNullableNumber)],
    ['weeklyDays', isArrayOf(raw.weeklyDays, 7, isFiniteNumber)],
    ['weeklyLastDay', isArrayOf(raw.weeklyLastDay, 7, isNullableNumber)],
    ['excessVariance', isMean(raw.excessVariance)],
    ['squaredMean', isMean(raw.squaredMean)],
    ['recentSum', isFiniteNumber(raw.recentSum)],
    ['recentExpected', isFiniteNumber(raw.recentExpected)],
    ['recentExcessVariance', isMean(raw.recentExcessVariance)],
    ['recentSquaredMean', isMean(raw.recentSquaredMean)],
    ['baseline', isMean(raw.baseline)],
    ['sustainedSum', isFiniteNumber(raw.sustainedSum)],
    ['sustainedExpected', isFiniteNumber(raw.sustainedExpected)],
    ['sustainedWeight', isFiniteNumber(raw.sustainedWeight) && raw.sustainedWeight >= 0],
    ['sustainedScale', isMean(raw.sustainedScale)],
    ['pointScale', isMean(raw.pointScale)],
    ['episode', isEpisode(raw.episode)],
    ['tail', isTail(raw.tail)],
  ]
  for (const [field, ok] of checks) if (!ok) bad(field)
  // Every field was checked above; a structural copy detaches the state from the caller's object.
  return structuredClone(raw) as unknown as SeriesState
}
