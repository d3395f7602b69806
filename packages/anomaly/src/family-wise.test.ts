import { describe, expect, it } from 'vitest'
import { familyWiseThreshold, isFamilyWiseSignificant } from './family-wise.ts'

describe('familyWiseThreshold', () => {
  it.each([
    [0.05, 1, 0.05],
    [0.05, 1000, 5e-5],
    [0.01, 10_000, 1e-6],
    [0.05, 0, 0.05],
    [0.05, 2.7, 0.025],
    [2, 4, 0.25],
    [0, 10, 0],
    [Number.NaN, 10, 0],
  ])('alpha %d over %d keys → %d', (alpha, keys, want) => {
    expect(familyWiseThreshold(alpha, keys)).toBeCloseTo(want, 12)
  })
  it('a p-value significant for one key is not for thousands', () => {
    expect(isFamilyWiseSignificant(1e-4, 0.05, 1)).toBe(true)
    expect(isFamilyWiseSignificant(1e-4, 0.05, 5000)).toBe(false)
    expect(isFamilyWiseSignificant(Number.NaN, 0.05, 1)).toBe(false)
  })
})
