import { probit } from 'simple-statistics'
import { stepEpisode } from './alert-episode.ts'
import { addDecayed, type DecayedMean, decayFactor } from './decayed-mean.ts'
import { calibratedDeviation, learnTail } from './deviation-tail.ts'
import { dispersionOf, learnDispersion, testCount } from './dispersion.ts'
import { initialState, parseState, type SeriesState } from './series-state.ts'
import { learnScale, logRatio, sustainedScale } from './sustained-deviation.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** What the detector says about one bucket. */
export interface AnomalyScore {
  /**
   * Anomaly score in [0, 1): nonzero only on an alert (see `deviation`), then c / (c + 3), where c is
   * the alerted deviation calibrated to this series' own tail (the deviation as rare under a Laplace
   * tail as the alerted one is in this series), so 0.5 means a deviation seen about 2.5% of the time
   * (three typical deviations on a Laplace-tailed series); 0 during warm-up.
   */
  readonly score: number
  /**
   * Sustained deviation: how far the last few hours (`sustainedHalfLifeMs`) sit above the slow
   * seasonal baseline, ln((observed + 5) / (expected + 5)) in units of this series' own typical
   * |log-ratio| at that scale (0 during warm-up). Alerts are episodes of it above 2.
   */
  readonly deviation: number
  /** Expected value of this bucket from the history before it. */
  readonly expected: number
  /** Alarm band: values above it have a tail probability below `alarmPValue`. */
  readonly upper: number
  /** One-sided upper-tail probability of a value at least this high (1 during warm-up). */
  readonly pValue: number
}

export interface SeriesDetectorOptions {
  /** Half-life of the deseasonalised level: how fast a new normal is learned. Default 6 h. */
  readonly levelHalfLifeMs?: number
  /** Half-life of the hour-of-day profile. Default 7 days. */
  readonly dailyHalfLifeMs?: number
  /** Half-life of the day-of-week profile. Default 28 days. */
  readonly weeklyHalfLifeMs?: number
  /** Half-life of the overdispersion estimate. Default 3 days. */
  readonly dispersionHalfLifeMs?: number
  /** Half-life of the short-term scale that catches sustained rises no single bucket shows. Default 1 h. */
  readonly recentHalfLifeMs?: number
  /** Half-life of the average the anomaly score compares with the baseline. Default 4 h. */
  readonly sustainedHalfLifeMs?: number
  /** Half-life of the slow seasonal baseline behind the anomaly score. Default 1 day. */
  readonly baselineHalfLifeMs?: number
  /** No score until this much history has been seen… Default 2 days (two daily cycles). */
  readonly warmupMs?: number
  /** …and at least this many updates. Default 24. */
  readonly warmupPoints?: number
  /** Tail probability of the `upper` band. Default 1e-6. */
  readonly alarmPValue?: number
  /** After an alert, no new one for this long; a stronger reading meanwhile is held, then reported. Default 1 h. */
  readonly refractoryMs?: number
  /** Within an episode, a new alert needs this many times the last alert's deviation. Default 1.5. */
  readonly realertFactor?: number
  /** Offset of local time from UTC, for the hour-of-day and day-of-week profiles. Default 0. */
  readonly utcOffsetMinutes?: number
}

export interface SeriesDetector {
  /** Scores the bucket at `timestampMs` from earlier buckets only, then learns from it. */
  update(timestampMs: number, value: number): AnomalyScore
  /** A JSON-safe copy of the state, for checkpoints. */
  snapshot(): unknown
  /** Replaces the state with a snapshot; throws INPUT_INVALID if it is not one. */
  restore(snapshot: unknown): void
}

/** Values beyond this many standard deviations are clipped before they are learned (robust updates). */
const WINSOR_SD = 3
/** Deviation (typical deviations) at which the score is 0.5. */
const SCORE_HALF = 3
/** An episode starts above this deviation and ends after `EPISODE_CALM_MS` at or below it. */
const ALERT_DEVIATION = 2
const EPISODE_CALM_MS = 3 * HOUR
/** During an alert episode the slow baseline learns values clipped to this many sd (not `WINSOR_SD`). */
const EPISODE_SD = 1
/** Half-life of the typical |log-ratio| scales. */
const SCALE_HALF_LIFE_MS = 7 * DAY
/** Half-life of the tail counts that calibrate the score. */
const TAIL_HALF_LIFE_MS = 14 * DAY
const NEUTRAL_FLOOR = 1e-9
/** Pseudo-counts behind every ratio: half a count on one bucket for the level (Jeffreys-like), one count for factors. */
const LEVEL_PRIOR = 0.5
const FACTOR_PRIOR = 1

function clip(x: number, center: number, halfWidth: number): number {
  return Math.min(Math.max(x, center - halfWidth), center + halfWidth)
}

/** A seasonal factor as a ratio estimator Σx / Σexpected, shrunk towards 1 by one pseudo-count. */
function ratioOf(m: DecayedMean): number {
  return (m.sum + FACTOR_PRIOR) / (m.weight + FACTOR_PRIOR)
}

export function createSeriesDetector(options: SeriesDetectorOptions = {}): SeriesDetector {
  const o = {
    levelHalfLifeMs: options.levelHalfLifeMs ?? 6 * HOUR,
    dailyHalfLifeMs: options.dailyHalfLifeMs ?? 7 * DAY,
    weeklyHalfLifeMs: options.weeklyHalfLifeMs ?? 28 * DAY,
    dispersionHalfLifeMs: options.dispersionHalfLifeMs ?? 3 * DAY,
    recentHalfLifeMs: options.recentHalfLifeMs ?? HOUR,
    sustainedHalfLifeMs: options.sustainedHalfLifeMs ?? 4 * HOUR,
    baselineHalfLifeMs: options.baselineHalfLifeMs ?? DAY,
    warmupMs: options.warmupMs ?? 2 * DAY,
    warmupPoints: options.warmupPoints ?? 24,
    alarmPValue: options.alarmPValue ?? 1e-6,
    refractoryMs: options.refractoryMs ?? HOUR,
    realertFactor: options.realertFactor ?? 1.5,
    offsetMs: (options.utcOffsetMinutes ?? 0) * 60_000,
  }
  const alarmZ = probit(1 - o.alarmPValue)
  let s: SeriesState = initialState()

  const update = (t: number, x: number): AnomalyScore => {
    if (!Number.isFinite(t) || !Number.isFinite(x) || x < 0 || (s.lastMs !== null && t < s.lastMs)) {
      return { score: 0, deviation: 0, expected: Number.NaN, upper: Number.NaN, pValue: 1 }
    }
    const local = t + o.offsetMs
    const dayIndex = Math.floor(local / DAY)
    const hour = Math.floor((local - dayIndex * DAY) / HOUR)
    const weekday = (((dayIndex + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
    const hourly = s.hourly[hour]
    const weekly = s.weekly[weekday]
    if (!hourly || !weekly) throw new Error('unreachable: slot index out of range')

    const hourFactor = ratioOf(hourly)
    const days = s.weeklyDays[weekday] ?? 0
    const weekFactor = 1 + (days / (days + 1)) * (ratioOf(weekly) - 1)
    const season = hourFactor * weekFactor
    const level = s.level.weight > 0 ? (s.level.sum + LEVEL_PRIOR) / (s.level.weight + LEVEL_PRIOR) : x
    const expected = Math.max(level * season, NEUTRAL_FLOOR)
    const pointDispersion = dispersionOf(s.excessVariance, s.squaredMean)
    const point = testCount(x, expected, pointDispersion)
    const upper = expected + alarmZ * point.sd

    // Short-term scale: decayed sums of the last ~hour, rescaled by (1 + d) so that a Poisson
    // series keeps variance = mean, then tested with the same negative-binomial model.
    const elapsed = s.lastMs === null ? 0 : t - s.lastMs
    const d = decayFactor(elapsed, o.recentHalfLifeMs)
    const recentSum = s.recentSum * d + x
    const recentExpected = s.recentExpected * d + expected
    const recentDispersion = dispersionOf(s.recentExcessVariance, s.recentSquaredMean)
    const recent = testCount(recentSum * (1 + d), recentExpected * (1 + d), recentDispersion)

    // Sustained deviation: the last few hours against a slow baseline (a day's half-life, so a new
    // normal is learned within a day or two), in units of this series' own typical deviation.
    const baselineLevel =
      s.baseline.weight > 0 ? (s.baseline.sum + LEVEL_PRIOR) / (s.baseline.weight + LEVEL_PRIOR) : x
    const baselineExpected = Math.max(baselineLevel * season, NEUTRAL_FLOOR)
    const ds = decayFactor(elapsed, o.sustainedHalfLifeMs)
    const sustainedSum = s.sustainedSum * ds + x
    const sustainedExpected = s.sustainedExpected * ds + baselineExpected
    const sustainedWeight = s.sustainedWeight * ds + 1
    const sustainedRatio = logRatio(sustainedSum / sustainedWeight, sustainedExpected / sustainedWeight)
    const pointRatio = logRatio(x, expected)

    const warm = s.firstMs !== null && t - s.firstMs >= o.warmupMs && s.count >= o.warmupPoints
    let pValue = 1
    let score = 0
    let deviation = 0
    if (warm) {
      // Two looks at the same bucket: Bonferroni over the two scales.
      pValue = Math.min(1, 2 * Math.min(point.pValue, recent.pValue))
      deviation = sustainedRatio / sustainedScale(s.sustainedScale, s.pointScale)
      const alert = stepEpisode(s.episode, t, deviation, {
        alertLevel: ALERT_DEVIATION,
        calmMs: EPISODE_CALM_MS,
        realertFactor: o.realertFactor,
        minGapMs: o.refractoryMs,
      })
      const calibrated = alert > 0 ? calibratedDeviation(s.tail, alert) : 0
      score = calibrated / (calibrated + SCORE_HALF)
    }

    // Learn from the bucket, clipped to the band so one spike cannot drag the baseline with it.
    const learned = warm ? clip(x, expected, WINSOR_SD * point.sd) : x
    // The slow baseline clips to its own band, and to a narrow one during an alert episode, so an
    // episode does not become its normal (which would shorten it and hide the next one); a lasting
    // shift still moves it a sd per bucket, so a new normal is learned within a day or two.
    const baselineSd = Math.sqrt(baselineExpected + pointDispersion * baselineExpected ** 2)
    const baselineBand = s.episode.lastHighMs === null ? WINSOR_SD : EPISODE_SD
    const forBaseline = warm ? clip(x, baselineExpected, baselineBand * baselineSd) : x
    // Start-up in phases so level and profile are not confounded: the first half of the warm-up
    // learns a plain mean level; the second learns the hour-of-day profile against it; then all adapt.
    const age = s.firstMs === null ? 0 : t - s.firstMs
    if (age < o.warmupMs / 2) {
      addDecayed(s.level, learned, 1, 1)
      addDecayed(s.baseline, learned, 1, 1)
    } else {
      if (warm) {
        addDecayed(s.level, learned, decayFactor(elapsed, o.levelHalfLifeMs), season)
        addDecayed(s.baseline, forBaseline, decayFactor(elapsed, o.baselineHalfLifeMs), season)
      }
      const lastHour = s.hourlyLastMs[hour] ?? t
      addDecayed(hourly, learned, decayFactor(t - lastHour, o.dailyHalfLifeMs), level * weekFactor)
      s.hourlyLastMs[hour] = t
    }
    if (warm) {
      const lastWeekly = s.weeklyLastMs[weekday] ?? t
      addDecayed(weekly, learned, decayFactor(t - lastWeekly, o.weeklyHalfLifeMs), level * hourFactor)
      s.weeklyLastMs[weekday] = t
      const lastDay = s.weeklyLastDay[weekday]
      if (lastDay !== dayIndex) {
        const since = lastDay === null || lastDay === undefined ? 0 : (dayIndex - lastDay) * DAY
        s.weeklyDays[weekday] = days * decayFactor(since, o.weeklyHalfLifeMs) + 1
        s.weeklyLastDay[weekday] = dayIndex
      }
    }
    // Dispersion is learned once the daily profile has seen a cycle, on clipped values.
    if (s.firstMs !== null && t - s.firstMs >= o.warmupMs / 2) {
      const dd = decayFactor(elapsed, o.dispersionHalfLifeMs)
      learnDispersion(s.excessVariance, s.squaredMean, learned, expected, dd)
      const y = clip(recent.mean === 0 ? 0 : recentSum * (1 + d), recent.mean, WINSOR_SD * recent.sd)
      learnDispersion(s.recentExcessVariance, s.recentSquaredMean, y, recent.mean, dd)
      const dz = decayFactor(elapsed, SCALE_HALF_LIFE_MS)
      learnScale(s.pointScale, pointRatio, dz)
      learnScale(s.sustainedScale, sustainedRatio, dz)
      if (warm) learnTail(s.tail, deviation, decayFactor(elapsed, TAIL_HALF_LIFE_MS))
    }
    s.recentSum = recentSum
    s.recentExpected = recentExpected
    s.sustainedSum = sustainedSum
    s.sustainedExpected = sustainedExpected
    s.sustainedWeight = sustainedWeight
    s.count++
    s.firstMs ??= t
    s.lastMs = t
    return { score, deviation, expected, upper, pValue }
  }

  return {
    update,
    snapshot: () => structuredClone(s),
    restore: (snapshot) => {
      s = parseState(snapshot)
    },
  }
}
