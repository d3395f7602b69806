import { describe, expect, it } from 'vitest'
import { negativeBinomialUpperTail, poissonUpperTail } from './tail-probability.ts'

function poissonTailBySum(x: number, mean: number): number {
  let pmf = Math.exp(-mean)
  let below = 0
  for (let k = 0; k < x; k++) {
    below += pmf
    pmf *= mean / (k + 1)
  }
  return 1 - below
}

function nbTailBySum(x: number, mean: number, dispersion: number): number {
  const r = 1 / dispersion
  const p = r / (r + mean)
  let pmf = p ** r
  let below = 0
  for (let k = 0; k < x; k++) {
    below += pmf
    pmf *= ((k + r) / (k + 1)) * (1 - p)
  }
  return 1 - below
}

describe('poissonUpperTail', () => {
  it.each([
    [1, 0.5],
    [3, 2],
    [10, 4],
    [30, 25],
    [60, 40],
  ])('P(X ≥ %d | μ=%d) matches the summed pmf', (x, mean) => {
    expect(poissonUpperTail(x, mean)).toBeCloseTo(poissonTailBySum(x, mean), 10)
  })
  it('resolves far tails that 1 − cdf cannot (sparse key, sudden burst)', () => {
    const p = poissonUpperTail(20, 0.5)
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(1e-20)
  })
  it.each([
    [0, 3, 1],
    [-2, 3, 1],
    [Number.NaN, 3, 1],
    [2, 0, 0],
  ])('edge x=%d μ=%d → %d', (x, mean, want) => {
    expect(poissonUpperTail(x, mean)).toBe(want)
  })
})

describe('negativeBinomialUpperTail', () => {
  it.each([
    [5, 3, 0.5],
    [20, 10, 0.2],
    [100, 40, 0.1],
    [3, 1, 2],
  ])('P(X ≥ %d | μ=%d, α=%d) matches the summed pmf', (x, mean, a) => {
    expect(negativeBinomialUpperTail(x, mean, a)).toBeCloseTo(nbTailBySum(x, mean, a), 9)
  })
  it('is heavier than Poisson, and equals Poisson at dispersion 0', () => {
    expect(negativeBinomialUpperTail(30, 10, 0.3)).toBeGreaterThan(poissonUpperTail(30, 10))
    expect(negativeBinomialUpperTail(30, 10, 0)).toBe(poissonUpperTail(30, 10))
  })
  it('is monotone in x, including between integers', () => {
    const xs = [1, 1.5, 2, 4, 4.2, 8, 16]
    const ps = xs.map((x) => negativeBinomialUpperTail(x, 3, 0.4))
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThan(ps[i - 1] ?? 1)
  })
})
