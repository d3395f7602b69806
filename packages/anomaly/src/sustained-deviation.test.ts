import { describe, expect, it } from 'vitest'
import { emptyMean } from './decayed-mean.ts'
import { COUNT_OFFSET, learnScale, logRatio, sustainedScale } from './sustained-deviation.ts'

describe('logRatio', () => {
  it.each([
    [0, 0, 0],
    [40, 40, 0],
    [3, 1, Math.log((3 + COUNT_OFFSET) / (1 + COUNT_OFFSET))],
    [300, 100, Math.log(305 / 105)],
    [0, 1e9, Math.log(COUNT_OFFSET / (1e9 + COUNT_OFFSET))],
  ])('ln((%d + c) / (%d + c)) = %f', (x, mu, want) => {
    expect(logRatio(x, mu)).toBeCloseTo(want, 12)
  })

  it('treats a tripling on a sparse series as much weaker evidence than on a busy one', () => {
    expect(logRatio(3, 1)).toBeLessThan(0.3)
    expect(logRatio(300, 100)).toBeGreaterThan(1)
  })
})

describe('sustained scale', () => {
  it('leans on the bucket-level scale until it has its own evidence', () => {
    const point = { sum: 30, weight: 100 } // typical bucket |log-ratio| 0.3
    expect(sustainedScale(emptyMean(), point)).toBeCloseTo(0.3, 12)
    // After many updates of its own (typical 0.1), the prior's weight (a day of updates) fades.
    expect(sustainedScale({ sum: 0.1 * 20_000, weight: 20_000 }, point)).toBeCloseTo(0.1, 1)
  })

  it('never shrinks below a floor, so a flat series does not turn every wobble into an alert', () => {
    expect(sustainedScale(emptyMean(), emptyMean())).toBe(0.01)
    expect(sustainedScale({ sum: 0, weight: 1e6 }, { sum: 0, weight: 1e6 })).toBe(0.01)
  })

  it('clips an outlier to four times the current scale before learning it', () => {
    const m = { sum: 0.1 * 10, weight: 10 }
    learnScale(m, -50, 1)
    expect(m.sum).toBeCloseTo(1 + 0.4, 12)
    expect(m.weight).toBe(11)
  })

  it('learns its first value as it is, and forgets by the decay factor', () => {
    const m = emptyMean()
    learnScale(m, -0.2, 1)
    expect(m).toEqual({ sum: 0.2, weight: 1 })
    learnScale(m, 0.2, 0.5)
    expect(m.sum).toBeCloseTo(0.3, 12)
    expect(m.weight).toBe(1.5)
  })
})
