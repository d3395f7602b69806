import { PulseError, seededRandom } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { type AnomalyScore, createSeriesDetector } from './series-detector.ts'
import { poissonUpperTail } from './tail-probability.ts'

const MIN = 60_000
const STEP = 5 * MIN
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const START = Date.UTC(2024, 0, 1)

/** Seeded PRNG (mulberry32) and Poisson sampler, so every run sees the same series. */
function poissonSampler(seed: number): (mean: number) => number {
  const rand = seededRandom(seed)
  return (mean) => {
    const limit = Math.exp(-mean)
    let k = 0
    let p = rand()
    while (p > limit) {
      k++
      p *= rand()
    }
    return k
  }
}

/** Runs a detector over `days` of 5-minute buckets whose mean is `mean(t)` and whose value is `value(t, draw)`. */
function run(
  days: number,
  mean: (t: number) => number,
  seed = 1,
  override?: (t: number) => number | undefined,
) {
  const draw = poissonSampler(seed)
  const detector = createSeriesDetector()
  const out: { t: number; x: number; r: AnomalyScore }[] = []
  for (let t = START; t < START + days * DAY; t += STEP) {
    const x = override?.(t) ?? draw(mean(t))
    out.push({ t, x, r: detector.update(t, x) })
  }
  return out
}

const daily = (t: number): number => 40 * (1 + 0.7 * Math.sin((2 * Math.PI * (t % DAY)) / DAY))

describe('createSeriesDetector', () => {
  it('stays silent during warm-up, even on a huge spike', () => {
    const out = run(
      3,
      () => 20,
      1,
      (t) => (t === START + 30 * HOUR ? 5000 : undefined),
    )
    const warm = out.filter((o) => o.t < START + 2 * DAY)
    expect(warm.every((o) => o.r.score === 0 && o.r.pValue === 1 && o.r.deviation === 0)).toBe(true)
  })

  it('does not alarm on a strong daily cycle; a lone spike on it has a tiny bucket p-value but no alert', () => {
    const spikeAt = START + 8 * DAY + 10 * HOUR
    const out = run(10, daily, 2, (t) => (t === spikeAt ? Math.round(daily(t) * 3) : undefined))
    const after = out.filter((o) => o.t >= START + 2 * DAY && o.t !== spikeAt)
    expect(Math.min(...after.map((o) => o.r.pValue))).toBeGreaterThan(1e-6)
    // The bucket-level tail probability (what keyed alerting thresholds) flags the spike…
    const spike = out.find((o) => o.t === spikeAt)
    expect(spike?.r.pValue).toBeLessThan(1e-9)
    // …while the anomaly score, which follows sustained deviations, stays silent all along.
    expect(out.every((o) => o.r.score === 0)).toBe(true)
    // The expectation follows the cycle: trough and peak hours differ by about the true ratio.
    const day9 = out.filter((o) => o.t >= START + 9 * DAY)
    const at = (h: number): number => day9.find((o) => o.t === START + 9 * DAY + h * HOUR)?.r.expected ?? 0
    expect(at(6) / at(18)).toBeGreaterThan(3)
  })

  it('alerts once, at its start, on a surge that lasts a few hours on top of the daily cycle', () => {
    const from = START + 8 * DAY + 9 * HOUR
    const surge = (t: number): number => daily(t) * (t >= from && t < from + 3 * HOUR ? 2 : 1)
    const out = run(10, surge, 3)
    const alerts = out.filter((o) => o.r.score > 0)
    expect(alerts.length).toBeGreaterThanOrEqual(1)
    expect(alerts.length).toBeLessThanOrEqual(3)
    // The first alert comes within the first hour of the surge and is a strong one.
    expect(alerts[0]?.t).toBeGreaterThanOrEqual(from)
    expect(alerts[0]?.t).toBeLessThan(from + HOUR)
    expect(Math.max(...alerts.map((o) => o.r.score))).toBeGreaterThan(0.5)
    // The score maps the alerted deviation d, calibrated to the series' tail, to c / (c + 3): on this
    // steady Poisson series large deviations are rarer than under the Laplace prior, so c ≥ d.
    for (const a of alerts) expect(a.r.score).toBeGreaterThanOrEqual(a.r.deviation / (a.r.deviation + 3))
  })

  it('keeps a day-long surge out of its baseline, so the surge does not fade into a new normal', () => {
    const from = START + 8 * DAY
    const out = run(10, (t) => (t >= from && t < from + DAY ? 60 : 20), 11)
    const surge = out.filter((o) => o.t >= from && o.t < from + DAY)
    const peak = Math.max(...surge.map((o) => o.r.deviation))
    const end = surge.find((o) => o.t === from + 23 * HOUR)
    // With the usual 3-sd clip the baseline absorbs a fifth of the deviation by the end of the day.
    expect(end?.r.deviation).toBeGreaterThan(0.9 * peak)
  })

  it('learns a level shift instead of alerting on it forever', () => {
    const shift = START + 5 * DAY
    const out = run(9, (t) => (t < shift ? 20 : 60), 3)
    const firstHour = out.filter((o) => o.t >= shift && o.t < shift + HOUR)
    expect(Math.min(...firstHour.map((o) => o.r.pValue))).toBeLessThan(1e-6)
    const later = out.filter((o) => o.t >= shift + 2 * DAY)
    expect(Math.min(...later.map((o) => o.r.pValue))).toBeGreaterThan(1e-6)
    expect(later.every((o) => o.r.score < 0.5)).toBe(true)
    const last = later[later.length - 1]
    expect(last?.r.expected).toBeGreaterThan(50)
    expect(last?.r.expected).toBeLessThan(70)
  })

  it('uses count tails on a sparse key: one mention is normal, a burst of eight is not', () => {
    const one = START + 6 * DAY
    const burst = START + 6 * DAY + 3 * HOUR
    const out = run(
      7,
      () => 0.2,
      4,
      (t) => (t === one ? 1 : t === burst ? 8 : undefined),
    )
    expect(out.find((o) => o.t === one)?.r.pValue).toBeGreaterThan(0.01)
    expect(out.find((o) => o.t === burst)?.r.pValue).toBeLessThan(1e-6)
    expect(out.find((o) => o.t === burst)?.r.upper).toBeLessThan(8)
  })

  it('catches a sustained rise that no single bucket shows', () => {
    const from = START + 6 * DAY
    const out = run(7, (t) => (t >= from && t < from + 2 * HOUR ? 30 : 20), 5)
    const rise = out.filter((o) => o.t >= from && o.t < from + 2 * HOUR)
    // The short-term scale gives ten times stronger evidence than the most extreme single bucket.
    const bestSingle = poissonUpperTail(Math.max(...rise.map((o) => o.x)), 20)
    const detected = Math.min(...rise.map((o) => o.r.pValue))
    expect(detected).toBeLessThan(1e-5)
    expect(detected).toBeLessThan(bestSingle / 10)
  })

  it('reports one alarm per episode, not one per bucket', () => {
    const from = START + 6 * DAY
    const out = run(7, (t) => (t >= from && t < from + HOUR ? 200 : 20), 6)
    const loud = out.filter((o) => o.r.score >= 0.5)
    expect(loud.length).toBeGreaterThanOrEqual(1)
    expect(loud.length).toBeLessThanOrEqual(3)
  })

  it('is causal: a checkpoint restored mid-stream continues exactly as the uninterrupted run', () => {
    const draw = poissonSampler(7)
    const xs = Array.from({ length: 2000 }, (_, i) => draw(daily(START + i * STEP)))
    const whole = createSeriesDetector()
    const full = xs.map((x, i) => whole.update(START + i * STEP, x))
    const first = createSeriesDetector()
    for (const [i, x] of xs.slice(0, 1200).entries()) first.update(START + i * STEP, x)
    const resumed = createSeriesDetector()
    resumed.restore(JSON.parse(JSON.stringify(first.snapshot())))
    const rest = xs.slice(1200).map((x, i) => resumed.update(START + (1200 + i) * STEP, x))
    expect(rest).toEqual(full.slice(1200))
  })

  it('keeps bounded state: the checkpoint after 100,000 updates has the shape it had after 20,000', () => {
    const detector = createSeriesDetector()
    const draw = poissonSampler(8)
    const shape = (v: unknown): string =>
      JSON.stringify(v, (_k, x) => (typeof x === 'number' || x === null ? 0 : x))
    let shape20k = ''
    for (let i = 0; i < 100_000; i++) {
      detector.update(START + i * MIN, draw(5))
      if (i === 19_999) shape20k = shape(detector.snapshot())
    }
    // Same fields and array lengths as after 20,000 updates (only the numbers differ), a few KB of JSON.
    expect(shape(detector.snapshot())).toBe(shape20k)
    expect(JSON.stringify(detector.snapshot()).length).toBeLessThan(4000)
  })

  it('ignores invalid input without changing its state', () => {
    const detector = createSeriesDetector()
    detector.update(START, 3)
    const before = JSON.stringify(detector.snapshot())
    for (const [t, x] of [
      [START + STEP, Number.NaN],
      [START + STEP, -1],
      [START - STEP, 3],
      [Number.POSITIVE_INFINITY, 3],
    ] as const) {
      expect(detector.update(t, x)).toMatchObject({ score: 0, pValue: 1 })
    }
    expect(JSON.stringify(detector.snapshot())).toBe(before)
  })

  it.each([null, 42, 'x', {}, { version: 4 }, { version: 3, count: -1 }, { version: 2, count: -1 }])(
    'refuses a bad checkpoint %j',
    (bad) => {
      expect(() => createSeriesDetector().restore(bad)).toThrow(PulseError)
    },
  )

  it('refuses a version-1 checkpoint and a checkpoint with a corrupt alert episode, naming the field', () => {
    const detector = createSeriesDetector()
    for (let i = 0; i < 10; i++) detector.update(START + i * STEP, 3)
    const good = JSON.parse(JSON.stringify(detector.snapshot())) as Record<string, unknown>
    expect(() => createSeriesDetector().restore(good)).not.toThrow()
    expect(() => createSeriesDetector().restore({ ...good, version: 1 })).toThrow(/bad version/)
    const corrupt = { ...good, episode: { lastHighMs: null, lastAlert: -1, lastAlertMs: null, pending: 0 } }
    expect(() => createSeriesDetector().restore(corrupt)).toThrow(/bad episode/)
    expect(() => createSeriesDetector().restore({ ...good, sustainedWeight: -1 })).toThrow(
      /bad sustainedWeight/,
    )
    expect(() => createSeriesDetector().restore({ ...good, tail: { weight: 1, exceed: [1] } })).toThrow(
      /bad tail/,
    )
  })

  it('resumes a version-2 checkpoint (before the calibrated score) with its model and a fresh tail', () => {
    const draw = poissonSampler(9)
    const xs = Array.from({ length: 1500 }, (_, i) => draw(daily(START + i * STEP)))
    const old = createSeriesDetector()
    for (const [i, x] of xs.slice(0, 1000).entries()) old.update(START + i * STEP, x)
    const { tail: _tail, ...v2 } = JSON.parse(JSON.stringify(old.snapshot())) as Record<string, unknown>
    const resumed = createSeriesDetector()
    resumed.restore({ ...v2, version: 2 })
    const next = resumed.update(START + 1000 * STEP, xs[1000] ?? 0)
    // The learned model carries over: the same expectation as the uninterrupted detector.
    expect(next.expected).toBe(old.update(START + 1000 * STEP, xs[1000] ?? 0).expected)
    expect(resumed.snapshot()).toMatchObject({ version: 3, tail: { weight: 1 } })
  })
})
