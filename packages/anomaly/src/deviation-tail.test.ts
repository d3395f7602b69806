import { describe, expect, it } from 'vitest'
import {
  calibratedDeviation,
  type DeviationTail,
  emptyTail,
  learnTail,
  TAIL_LEVELS,
} from './deviation-tail.ts'

/** A tail that has seen `n` buckets, each with the deviation `draw(i)`, without forgetting. */
function tailOf(n: number, draw: (i: number) => number): DeviationTail {
  const tail = emptyTail()
  for (let i = 0; i < n; i++) learnTail(tail, draw(i), 1)
  return tail
}

describe('calibratedDeviation', () => {
  it.each([0.5, 1, 2, 2.5, 3, 4.7, 8, 12, 15, 40])(
    'is the deviation itself (%d) while the series has no history of its own (Laplace prior)',
    (d) => {
      expect(calibratedDeviation(emptyTail(), d)).toBeCloseTo(d, 9)
    },
  )

  it.each([0, -3, Number.NaN, Number.NEGATIVE_INFINITY])('is 0 for a deviation that is no rise (%d)', (d) => {
    expect(
      calibratedDeviation(
        tailOf(5000, () => 5),
        d,
      ),
    ).toBe(0)
  })

  it('scores the same deviation lower on a bursty series than on a steady one', () => {
    // Bursty: a fifth of the buckets sit 5 typical deviations up. Steady: never above 1.5.
    const bursty = tailOf(20_000, (i) => (i % 5 === 0 ? 5 : 0.5))
    const steady = tailOf(20_000, (i) => (i % 2 === 0 ? 1.5 : -1))
    expect(calibratedDeviation(bursty, 4)).toBeLessThan(2.5)
    expect(calibratedDeviation(steady, 4)).toBeGreaterThan(5)
  })

  it('rises with the deviation, past the last level too, and stays finite on a huge one', () => {
    const tail = tailOf(10_000, (i) => (i % 7) - 2)
    const ds = [0.1, 1, 2.2, 3, 5.5, 9, 12, 13, 50, 1e6]
    const cs = ds.map((d) => calibratedDeviation(tail, d))
    for (let i = 1; i < cs.length; i++) expect(cs[i]).toBeGreaterThan(cs[i - 1] ?? 0)
    expect(Number.isFinite(cs[cs.length - 1])).toBe(true)
    // Beyond the last level, the tail falls off like a Laplace one: one deviation more, one more.
    const last = TAIL_LEVELS[TAIL_LEVELS.length - 1] ?? 0
    expect(calibratedDeviation(tail, last + 3) - calibratedDeviation(tail, last + 2)).toBeCloseTo(1, 9)
  })

  it('forgets: a bursty past fades once the series has been steady for a while', () => {
    const tail = tailOf(5000, () => 6)
    const before = calibratedDeviation(tail, 4)
    for (let i = 0; i < 20_000; i++) learnTail(tail, 0, 0.999)
    expect(before).toBeLessThan(1)
    expect(calibratedDeviation(tail, 4)).toBeGreaterThan(4)
  })
})
