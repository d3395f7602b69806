/**
 * The daily rhythm of health conversation: relative posting rate by local hour (quiet nights, a
 * morning climb, a lunchtime and an evening peak) and quieter weekends. The curve is normalised so
 * its weekday mean is 1, so `ratePerMinute × rateFactor(t)` averages to `ratePerMinute` on weekdays.
 */
const HOURLY = [
  0.34, 0.22, 0.15, 0.12, 0.13, 0.2, 0.42, 0.78, 1.1, 1.28, 1.34, 1.4, 1.48, 1.42, 1.34, 1.3, 1.32, 1.4, 1.52,
  1.6, 1.55, 1.3, 0.95, 0.6,
]
const MEAN = HOURLY.reduce((s, v) => s + v, 0) / HOURLY.length
const NORMALISED = HOURLY.map((v) => v / MEAN)

/** Local time of the sample's audience: US Eastern in November (UTC−5), as an offset in ms. */
export const LOCAL_OFFSET_MS = -5 * 3_600_000
const WEEKEND_FACTOR = 0.72
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** Relative rate at instant `ms` (epoch ms), linearly interpolated between hours. */
export function rateFactor(ms: number): number {
  const local = ms + LOCAL_OFFSET_MS
  const hours = (((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS
  const h = Math.floor(hours)
  const frac = hours - h
  const a = NORMALISED[h] ?? 1
  const b = NORMALISED[(h + 1) % 24] ?? 1
  const weekday = new Date(local).getUTCDay()
  const weekend = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1
  return (a + (b - a) * frac) * weekend
}

/** Local hour (0–23) of an instant, for tests and for time-of-day wording. */
export function localHour(ms: number): number {
  return new Date(ms + LOCAL_OFFSET_MS).getUTCHours()
}
